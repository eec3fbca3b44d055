import { Fraction } from "mathjs";
import { parseSide, type PairOutcome } from "./claim-check.js";
import type { Claim, Side } from "./claims.js";
import { ParseError, symbols } from "./expr.js";
import { sameFunction } from "./identity.js";
import { congruencesIn, restatesCongruence, type Congruence } from "./congruences.js";
import { constValue, numbersTimesOneMonomial, polyAdd, polyEqual, polyEval, polyScale, polySubstitute, polyVars, rationalRoots, toPoly, type Poly } from "./poly.js";

// Relations in letters that the problem itself states (`x + y = 7`, `x^2 - xy + 8 = 0`): a step that writes one of
// them again, rearranged or scaled (`3x + y = 45` as `y = 45 - 3x`, `2x + 2y = 14`), restates a given. That is
// decided (true by hypothesis), not an equation the solution set up, so it leaves nothing undecided behind it.
export function givenRelations(problemClaims: readonly Claim[]): Poly[] {
  const out: Poly[] = [];
  for (const c of problemClaims) {
    for (let i = 0; i + 1 < c.sides.length; i++) {
      const p = relationPoly(c.sides[i]!, c.sides[i + 1]!);
      if (p) out.push(p);
    }
  }
  return out;
}

function source(step: number): string {
  return step < 0 ? "the problem" : `step ${step}`;
}

// A relation as text, spacing aside.
function textKey(left: Side, right: Side): string {
  return `${left.text.replace(/\s+/g, "")}=${right.text.replace(/\s+/g, "")}`;
}

// left - right as a polynomial with at least one letter, else undefined.
export function relationPoly(left: Side, right: Side): Poly | undefined {
  const a = parseSide(left);
  const b = parseSide(right);
  if (a instanceof ParseError || b instanceof ParseError || symbols(a).size + symbols(b).size === 0) return undefined;
  const pa = toPoly(a);
  const pb = toPoly(b);
  if (!pa || !pb || numbersTimesOneMonomial(pa, pb)) return undefined;
  const p = polyAdd(pa, pb, new Fraction(-1));
  return polyVars(p).size > 0 ? p : undefined;
}

// Whether `left = right` is one of the relations up to a nonzero factor (the same solution set, written again).
export function restatesGiven(left: Side, right: Side, given: readonly Poly[]): boolean {
  const p = given.length ? relationPoly(left, right) : undefined;
  return p !== undefined && given.some((g) => proportional(p, g));
}

function proportional(p: Poly, g: Poly): boolean {
  const [key, coef] = p.entries().next().value as [string, Fraction];
  const c = g.get(key);
  return c !== undefined && p.size === g.size && polyEqual(polyScale(p, c.div(coef)), g);
}

// Relations in letters the solution wrote in earlier steps. One written again later (`x = 19` after a step derived
// `x = 19`, `y = 7 - x` after `x + y = 7` was rearranged) is no new claim: it was decided, or left undecided, where
// it was first written, so it adds nothing undecided where it is repeated.
export class WrittenRelations {
  private readonly rows: Array<{ poly: Poly; step: number }>;
  /** Every relation written so far, as text (whitespace dropped), with the first step that wrote it. */
  private readonly texts = new Map<string, number>();
  /** Congruences written so far (`3n \equiv 2 \pmod{11}`), the problem's included. */
  private readonly congruences: Congruence[] = [];
  /** The problem's relations count as written at step -1 (their text too, when given the problem's claims). */
  constructor(given: readonly Poly[] = [], problemClaims: readonly Claim[] = []) {
    this.rows = given.map((poly) => ({ poly, step: -1 }));
    for (const c of problemClaims) for (let i = 0; i + 1 < c.sides.length; i++) this.addText(c.sides[i]!, c.sides[i + 1]!, -1);
  }
  add(left: Side, right: Side, step: number): void {
    const poly = relationPoly(left, right);
    if (poly) this.rows.push({ poly, step });
    this.addText(left, right, step);
  }
  /** Reads the congruences a text (the problem, a step) writes. */
  addCongruences(text: string): void {
    this.congruences.push(...congruencesIn(text));
  }
  /** Whether the relation is a congruence written before (or in this step) as an equation with an integer parameter. */
  restatesCongruence(left: Side, right: Side): boolean {
    const p = this.congruences.length ? relationPoly(left, right) : undefined;
    return p !== undefined && restatesCongruence(p, this.congruences);
  }
  private addText(left: Side, right: Side, step: number): void {
    const key = textKey(left, right);
    if (!this.texts.has(key)) this.texts.set(key, step);
  }
  /** `\sin x = -0.31` after the problem wrote `\sin x = -0.31`: the step (or -1, the problem) that wrote the same
   * relation word for word before this one, readable or not. */
  stepOfText(left: Side, right: Side, upTo: number): number | undefined {
    const step = this.texts.get(textKey(left, right));
    return step !== undefined && step <= upTo ? step : undefined;
  }
  /** The step (this one or an earlier one) that wrote the same relation, if any. */
  stepOf(left: Side, right: Side, upTo: number): number | undefined {
    const p = this.rows.length ? relationPoly(left, right) : undefined;
    return p && this.rows.find((r) => r.step <= upTo && proportional(p, r.poly))?.step;
  }
  /** `x^2 - x(8x - x^2) + 8 = 0` after `y = 8x - x^2` and `x^2 - xy + 8 = 0`: a relation that is one written before
   * (or given) with a letter replaced by what another one written before says it is (a relation linear in that
   * letter, with a number as its coefficient), up to a nonzero factor, follows from the two. The steps of the two. */
  substitutionOf(left: Side, right: Side, upTo: number): [number, number] | undefined {
    const p = this.rows.length > 1 ? relationPoly(left, right) : undefined;
    if (!p) return undefined;
    const pv = polyVars(p);
    const rows = this.rows.filter((r) => r.step <= upTo).slice(-MAX_SUBSTITUTION_ROWS).map((r) => ({ ...r, vars: polyVars(r.poly) }));
    for (const s of rows) {
      for (const v of s.vars) {
        if (pv.has(v)) continue; // the letter put in is gone from the result
        const value = solvedFor(s.poly, v);
        if (!value) continue;
        const valueVars = polyVars(value);
        for (const r of rows) {
          if (r === s || !r.vars.has(v)) continue;
          // the result's letters are r's others and the value's (a cancellation that drops one is not looked for)
          const letters = new Set([...r.vars, ...valueVars]);
          letters.delete(v);
          if (letters.size !== pv.size || [...pv].some((u) => !letters.has(u))) continue;
          const put = polySubstitute(r.poly, v, value);
          if (polyVars(put).size > 0 && proportional(p, put)) return [r.step, s.step];
        }
      }
    }
    return undefined;
  }
  /** `x = 9`, `x - 2 = 0` after `(x - 9)(x - 2) = 0`: a relation in one letter whose roots (rational, all of them
   * known) are all roots of a polynomial equation in that letter alone written before (here or in an earlier
   * step) takes a root of it: a case of that equation, decided. The step that wrote it, if any. */
  rootOf(left: Side, right: Side, upTo: number): number | undefined {
    const p = this.rows.length ? relationPoly(left, right) : undefined;
    const vars = p && polyVars(p);
    if (!p || vars!.size !== 1) return undefined;
    const v = [...vars!][0]!;
    const found = rationalRoots(p, v);
    if (!found || !found.complete || found.roots.length === 0) return undefined;
    return this.rows.find((r) => {
      if (r.step > upTo || proportional(p, r.poly)) return false;
      const rv = polyVars(r.poly);
      return rv.size === 1 && rv.has(v) && found.roots.every((q) => constValue(polyEval(r.poly, new Map([[v, q]])))?.n === 0n);
    })?.step;
  }
}

// How many of the latest relations written the substitution check looks at (each pair is tried).
const MAX_SUBSTITUTION_ROWS = 24;

// What a relation linear in v with a number as v's coefficient says v is (`y - 8x + x^2`: y = 8x - x^2), else undefined.
function solvedFor(p: Poly, v: string): Poly | undefined {
  const c = p.get(v);
  if (!c) return undefined;
  const rest: Poly = new Map();
  for (const [k, q] of p) {
    if (k === v) continue;
    if (k.split("*").some((f) => f.split("^")[0] === v)) return undefined;
    rest.set(k, q);
  }
  return polyScale(rest, c.inverse().neg());
}

// What the checks left undecided about a relation in letters, decided here when it can be: a relation the problem
// states, written again (rearranged or scaled), is a given; one an earlier step wrote is no new claim (it counts where
// it was first written: not checked again, not undecided here); one that holds for every value is an identity; one
// that takes a root of an equation written before (`x = 9` after `(x - 9)(x - 2) = 0`) is a case of it.
export function decidedRelation(o: PairOutcome, l: Side, r: Side, given: readonly Poly[], written: WrittenRelations, step: number): PairOutcome {
  if (o.label !== "unverifiable" && o.label !== "unparseable") return o;
  if (o.label === "unverifiable" && restatesGiven(l, r, given)) return { label: "correct", evidence: `"${l.shown} = ${r.shown}": restates a relation the problem gives`, checked: true };
  const earlier = o.label === "unverifiable" ? written.stepOf(l, r, step) : undefined;
  if (earlier !== undefined) return { label: "correct", evidence: `"${l.shown} = ${r.shown}": restates a relation step ${earlier} wrote`, checked: false };
  // written word for word before (a relation the checks cannot read, such as `\sin x = -0.31`, included): no new
  // claim here; the problem's own relations are givens
  const same = written.stepOfText(l, r, step - 1);
  if (same !== undefined) return { label: "correct", evidence: `"${l.shown} = ${r.shown}": written as ${same < 0 ? "the problem writes it (a given)" : `step ${same} wrote it`}`, checked: same < 0 };
  if (o.label !== "unverifiable") return o;
  if (letteredIdentity(l, r)) return { label: "correct", evidence: `"${l.shown} = ${r.shown}": holds for every value (the same function at random points)`, checked: true, identity: true };
  if (written.restatesCongruence(l, r)) return { label: "correct", evidence: `"${l.shown} = ${r.shown}": a congruence written before, as an equation with an integer parameter`, checked: true };
  const put = written.substitutionOf(l, r, step);
  if (put) return { label: "correct", evidence: `"${l.shown} = ${r.shown}": follows by substitution (a letter's value from ${source(put[1])} put into a relation from ${source(put[0])})`, checked: true };
  const root = written.rootOf(l, r, step);
  if (root !== undefined) return { label: "correct", evidence: `"${l.shown} = ${r.shown}": takes a root of an equation ${root < 0 ? "the problem gives" : `step ${root} wrote`}`, checked: true };
  return o;
}

// `\sqrt{(a - 0)^2 + 11^2} = \sqrt{a^2 + 121}`, `(2^2)^{3^n} = 2^{2 \cdot 3^n}`: a relation in letters that is no polynomial
// (polynomials are compared exactly by the checks before) and holds for every value is decided: it cannot be wrong.
function letteredIdentity(l: Side, r: Side): boolean {
  const a = parseSide(l);
  const b = parseSide(r);
  if (a instanceof ParseError || b instanceof ParseError || symbols(a).size + symbols(b).size === 0) return false;
  if (toPoly(a) && toPoly(b)) return false; // polynomials: compared exactly by the checks before
  return sameFunction(a, b);
}
