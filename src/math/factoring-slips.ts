import { parseSide, type PairOutcome } from "./claim-check.js";
import type { Side } from "./claims.js";
import { ParseError, productFactors, show, type Expr } from "./expr.js";
import { degree, polyAdd, polyEqual, polyScale, polyVars, toPoly, type Poly } from "./poly.js";

// "x^2 - 2x - 7 = 0. (x - 7)(x + 5) = 0": an equation `P = 0` in one letter, followed in the same step by the next
// relation, a product of brackets `= 0` in that letter and of the same degree, factors P: the product must be P up to
// a nonzero factor. One that is not (here x^2 - 2x - 35) is a factorisation gone wrong. Only the relation right after
// the equation is read, only products of brackets with a letter (`(x - 7)(x + 5)`, `2(x - 1)^2`), only "= 0".
export function factoringSlip(o: PairOutcome, l: Side, r: Side, before: Poly | undefined): PairOutcome {
  if (o.label !== "unverifiable" || !before) return o;
  if (r.literal?.text !== "0") return o;
  const e = parseSide(l);
  if (e instanceof ParseError || !isProductOfBrackets(e)) return o;
  const p = toPoly(e);
  if (!p) return o;
  const vars = polyVars(p);
  const was = polyVars(before);
  if (vars.size !== 1 || was.size !== 1 || [...vars][0] !== [...was][0] || degree(p) !== degree(before) || degree(p) < 2) return o;
  const key = [...before.keys()].find((k) => k !== "")!;
  const c = p.get(key);
  if (c && polyEqual(polyScale(p, before.get(key)!.div(c)), before)) return o;
  return { label: "invalid-transformation", evidence: `"${show(e)} = 0" after an equation in the same letter: expanded it is ${showPoly(p)}, not that equation up to a factor (a factorisation gone wrong)`, checked: true, identity: true };
}

function isProductOfBrackets(e: Expr): boolean {
  if (e.k === "neg") return isProductOfBrackets(e.a);
  if (e.k !== "op") return false;
  const bracket = (f: Expr): boolean => (f.k === "op" && (f.op === "+" || f.op === "-")) || (f.k === "op" && f.op === "^" && bracket(f.a));
  if (e.op === "^") return bracket(e.a);
  if (e.op !== "*") return false;
  const factors = productFactors(e);
  return factors.filter(bracket).length >= 1 && factors.every((f) => bracket(f) || f.k === "num");
}

function showPoly(p: Poly): string {
  return [...p].map(([k, c]) => `${c.toFraction()}${k ? `*${k}` : ""}`).join(" + ") || "0";
}

// The polynomial `left - right` of an equation `P = 0` in one letter, for the relation that follows it.
export function zeroEquation(l: Side, r: Side): Poly | undefined {
  if (r.literal?.text !== "0") return undefined;
  const e = parseSide(l);
  if (e instanceof ParseError) return undefined;
  const p = toPoly(e);
  return p && polyVars(p).size === 1 ? polyAdd(p, new Map()) : undefined;
}
