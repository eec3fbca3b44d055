import { Fraction } from "mathjs";
import { evaluate, show, symbols, type Expr } from "./expr.js";
import { equalNum, exact, formatNum, type Num } from "./num.js";
import { addToBasis, constValue, determinedValues, inSpan, polyAdd, polyEval, polyVars, rationalRoots, toPoly, type Poly } from "./poly.js";

// Equations are judged by solution sets, not by their shape: a new equation is "implied" when it is a linear
// combination of earlier ones (transposing, scaling, adding equations), when it holds at the values earlier
// equations fix, or when its roots are roots of an earlier one-variable equation (choosing a root).
export interface Fact {
  poly: Poly;
  step: number;
  text: string;
  /** `v = c` with c a number (literal: written as a plain number, not an expression to compute). */
  assignment?: { v: string; value: Fraction; literal: boolean };
}

export type EquationCheck =
  | { verdict: "implied"; evidence: string }
  | { verdict: "contradiction"; evidence: string; vars: string[] }
  | { verdict: "new"; evidence: string }
  | { verdict: "unknown"; evidence: string };

type Basis = Array<{ pivot: string; row: Poly }>;

// The bare assignment `v = c` an equation states, if it is one.
export function asAssignment(lhs: Expr, rhs: Expr): Fact["assignment"] | undefined {
  const [v, e] = lhs.k === "sym" ? [lhs.name, rhs] : rhs.k === "sym" ? [rhs.name, lhs] : [undefined, undefined];
  if (!v || !e || symbols(e).size > 0) return undefined;
  const val = evaluate(e, new Map());
  return val?.exact ? { v, value: val.q, literal: e.k === "num" || (e.k === "neg" && e.a.k === "num") } : undefined;
}

export class FactBase {
  readonly facts: Fact[] = [];
  /** Values stated for a variable as alternatives ("x = 3 or x = 4"), by step. */
  readonly alternatives: Array<{ v: string; value: Fraction; step: number; text: string }> = [];
  private cache?: { basis: Basis; known: Map<string, Fraction> };

  add(fact: Fact): void {
    this.facts.push(fact);
    this.cache = undefined;
  }

  // Forgets what is known about these variables (after a flagged step, later steps are read in its light).
  forget(vars: Iterable<string>): void {
    const drop = new Set(vars);
    for (let i = this.facts.length - 1; i >= 0; i--) {
      if ([...polyVars(this.facts[i]!.poly)].some((v) => drop.has(v))) this.facts.splice(i, 1);
    }
    this.cache = undefined;
  }

  // Echelon basis of all facts, and the values they fix (substituting fixed values until nothing changes).
  state(): { basis: Basis; known: Map<string, Fraction> } {
    if (this.cache) return this.cache;
    let known = new Map<string, Fraction>();
    let basis: Basis = [];
    for (let round = 0; round < 4; round++) {
      basis = [];
      for (const f of this.facts) addToBasis(basis, polyEval(f.poly, known));
      const next = new Map([...known, ...determinedValues(basis)]);
      for (const f of this.facts) {
        const p = polyEval(f.poly, next);
        const vars = [...polyVars(p)];
        if (vars.length !== 1) continue;
        const r = rationalRoots(p, vars[0]!);
        if (r?.complete && r.roots.length === 1) next.set(vars[0]!, r.roots[0]!);
      }
      if (next.size === known.size) break;
      known = next;
    }
    this.cache = { basis, known };
    return this.cache;
  }

  known(): Map<string, Num> {
    return new Map([...this.state().known].map(([k, v]) => [k, exact(v)]));
  }

  // Forgets what one step established (a case or trial, whose values hold inside it only).
  dropStep(step: number): void {
    for (let i = this.facts.length - 1; i >= 0; i--) if (this.facts[i]!.step === step) this.facts.splice(i, 1);
    for (let i = this.alternatives.length - 1; i >= 0; i--) if (this.alternatives[i]!.step === step) this.alternatives.splice(i, 1);
    this.cache = undefined;
  }

  // Forgets what the problem and the steps before `step` established.
  dropBefore(step: number): void {
    for (let i = this.facts.length - 1; i >= 0; i--) if (this.facts[i]!.step < step) this.facts.splice(i, 1);
    for (let i = this.alternatives.length - 1; i >= 0; i--) if (this.alternatives[i]!.step < step) this.alternatives.splice(i, 1);
    this.cache = undefined;
  }

  // Values earlier steps stated for v as alternatives.
  alternativesOf(v: string, beforeStep: number): Array<{ value: Fraction; step: number; text: string }> {
    return this.alternatives.filter((a) => a.v === v && a.step < beforeStep && a.step >= 0);
  }

  // The latest earlier-step bare assignment of v.
  assignmentOf(v: string, beforeStep: number): Fact | undefined {
    for (let i = this.facts.length - 1; i >= 0; i--) {
      const f = this.facts[i]!;
      if (f.step < beforeStep && f.assignment?.v === v) return f;
    }
    return undefined;
  }

  // Values fixed by the facts of steps before `step` (what this step's own claims established is left out).
  knownBefore(step: number): Map<string, Fraction> {
    const earlier = new FactBase();
    for (const f of this.facts) if (f.step < step) earlier.add(f);
    return earlier.state().known;
  }

  // "x = 2 or x = 3", then a case taking x = 3: the other root of an earlier one-variable equation with several
  // solutions, all rational. Returns that equation.
  otherRoot(v: string, value: Fraction, current: Fraction): Fact | undefined {
    for (const f of this.facts) {
      const vars = polyVars(f.poly);
      if (vars.size !== 1 || !vars.has(v)) continue;
      const r = rationalRoots(f.poly, v);
      if (r?.complete && r.roots.length > 1 && r.roots.some((x) => x.equals(value)) && r.roots.some((x) => x.equals(current))) return f;
    }
    return undefined;
  }

  // A case taking another root: forgets the earlier choice of v and what was written about v from then on (the
  // equation the roots came from, written before the choice, stays).
  switchCase(v: string, before: number): void {
    const chosen = this.facts.filter((f) => f.assignment?.v === v && f.step < before).map((f) => f.step);
    const from = chosen.length ? Math.min(...chosen) : before;
    for (let i = this.facts.length - 1; i >= 0; i--) {
      const f = this.facts[i]!;
      if (f.step >= from && polyVars(f.poly).has(v)) this.facts.splice(i, 1);
    }
    this.cache = undefined;
  }

  // Checks `lhs = rhs` against the facts (it is not added).
  check(lhs: Expr, rhs: Expr): EquationCheck {
    const { basis, known } = this.state();
    const vars = [...new Set([...symbols(lhs), ...symbols(rhs)])];
    const l = toPoly(lhs);
    const r = toPoly(rhs);
    if (!l || !r) {
      const env = this.known();
      const a = evaluate(lhs, env);
      const b = evaluate(rhs, env);
      if (!a || !b) return { verdict: "unknown", evidence: "not a polynomial equation and not all values known" };
      return equalNum(a, b)
        ? { verdict: "implied", evidence: `both sides are ${formatNum(a)}` }
        : { verdict: "contradiction", evidence: `${show(lhs)} is ${formatNum(a)}, ${show(rhs)} is ${formatNum(b)}`, vars };
    }
    const p = polyAdd(l, r, new Fraction(-1));
    const sub = polyEval(p, known);
    const c = constValue(sub);
    const at = vars.filter((v) => known.has(v)).map((v) => `${v} = ${known.get(v)!.toFraction()}`).join(", ");
    if (c !== undefined) {
      if (c.n === 0n) return { verdict: "implied", evidence: at ? `holds with ${at}` : "holds" };
      return { verdict: "contradiction", evidence: `fails with ${at || "no variables"}: ${show(lhs)} - (${show(rhs)}) = ${c.toFraction()}, not 0`, vars };
    }
    if (inSpan(basis, p)) return { verdict: "implied", evidence: "follows from the earlier equations (same solution set)" };
    const free = [...polyVars(sub)];
    if (free.length === 1) {
      const v = free[0]!;
      const mine = rationalRoots(sub, v);
      for (const f of this.facts) {
        const fp = polyEval(f.poly, known);
        const theirs = rationalRoots(fp, v);
        if (!mine?.complete || !theirs?.complete || mine.roots.length === 0) continue;
        const inside = mine.roots.filter((x) => theirs.roots.some((y) => y.equals(x)));
        const list = theirs.roots.map((x) => x.toFraction()).join(", ") || "none";
        if (inside.length === mine.roots.length) return { verdict: "implied", evidence: `${v} = ${mine.roots.map((x) => x.toFraction()).join(" or ")} solves "${f.text}"` };
        if (inside.length === 0) return { verdict: "contradiction", evidence: `"${f.text}" gives ${v} = ${list}, this step gives ${v} = ${mine.roots.map((x) => x.toFraction()).join(" or ")}`, vars };
      }
    }
    return { verdict: "new", evidence: "a new relation, not implied by earlier equations" };
  }
}
