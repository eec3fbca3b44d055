import { Fraction } from "mathjs";
import { evaluate, symbols, type Expr } from "./expr.js";

// Multivariate polynomials with exact rational coefficients, keyed by monomial ("" is the constant,
// "x^2*y" a product). Used to expand, to compare expressions exactly and to reason about linear facts.
export type Poly = Map<string, Fraction>;

const MAX_POWER = 24;
const EMPTY_ENV = new Map();

function monoParse(key: string): Map<string, number> {
  const m = new Map<string, number>();
  if (!key) return m;
  for (const part of key.split("*")) {
    const [v, e] = part.split("^");
    m.set(v!, Number(e ?? 1));
  }
  return m;
}

function monoKey(m: Map<string, number>): string {
  return [...m]
    .filter(([, e]) => e !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([v, e]) => (e === 1 ? v : `${v}^${e}`))
    .join("*");
}

function monoMul(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  const m = monoParse(a);
  for (const [v, e] of monoParse(b)) m.set(v, (m.get(v) ?? 0) + e);
  return monoKey(m);
}

export function constPoly(q: Fraction): Poly {
  return q.n === 0n ? new Map() : new Map([["", q]]);
}

function addInto(p: Poly, key: string, c: Fraction): void {
  const v = (p.get(key) ?? new Fraction(0)).add(c);
  if (v.n === 0n) p.delete(key);
  else p.set(key, v);
}

export function polyAdd(a: Poly, b: Poly, scaleB = new Fraction(1)): Poly {
  const out = new Map(a);
  for (const [k, c] of b) addInto(out, k, c.mul(scaleB));
  return out;
}

export function polyMul(a: Poly, b: Poly): Poly {
  const out: Poly = new Map();
  for (const [ka, ca] of a) for (const [kb, cb] of b) addInto(out, monoMul(ka, kb), ca.mul(cb));
  return out;
}

export function polyScale(a: Poly, s: Fraction): Poly {
  return polyAdd(new Map(), a, s);
}

// The expanded polynomial of an expression, or undefined when it is not one (a variable in a denominator, an
// irrational constant, a symbolic exponent). Sub-expressions without variables are evaluated exactly.
export function toPoly(e: Expr): Poly | undefined {
  if (e.k !== "sym" && symbols(e).size === 0) {
    const v = evaluate(e, EMPTY_ENV);
    return v?.exact ? constPoly(v.q) : undefined;
  }
  switch (e.k) {
    case "num":
      return constPoly(e.q);
    case "sym":
      return e.name === "pi" || e.name === "Infinity" ? undefined : new Map([[e.name, new Fraction(1)]]);
    case "neg": {
      const a = toPoly(e.a);
      return a && polyScale(a, new Fraction(-1));
    }
    case "fn":
      return undefined;
    case "op": {
      const a = toPoly(e.a);
      if (!a) return undefined;
      if (e.op === "^") {
        const n = toPoly(e.b);
        const c = n && constValue(n);
        if (!c || c.d !== 1n || c.s < 0n || c.n > BigInt(MAX_POWER)) return undefined;
        let out = constPoly(new Fraction(1));
        for (let i = 0n; i < c.n; i++) out = polyMul(out, a);
        return out;
      }
      const b = toPoly(e.b);
      if (!b) return undefined;
      if (e.op === "+") return polyAdd(a, b);
      if (e.op === "-") return polyAdd(a, b, new Fraction(-1));
      if (e.op === "*") return polyMul(a, b);
      const c = constValue(b);
      return c && c.n !== 0n ? polyScale(a, c.inverse()) : undefined;
    }
  }
}

// `0.971P \cdot 1.089 = 1.058319P`: both sides a number times the same monomial in letters, the numbers different. Such a
// relation is a claim about the numbers (a quantity carried through a calculation), not an equation that makes P = 0.
export function numbersTimesOneMonomial(l: Poly, r: Poly): boolean {
  if (l.size !== 1 || r.size !== 1) return false;
  const [kl, cl] = [...l][0]!;
  const [kr, cr] = [...r][0]!;
  return kl !== "" && kl === kr && !cl.equals(cr);
}

// The value of a constant polynomial, else undefined.
export function constValue(p: Poly): Fraction | undefined {
  if (p.size === 0) return new Fraction(0);
  if (p.size === 1 && p.has("")) return p.get("")!;
  return undefined;
}

export function polyVars(p: Poly): Set<string> {
  const out = new Set<string>();
  for (const k of p.keys()) for (const v of monoParse(k).keys()) out.add(v);
  return out;
}

// Total degree of one monomial key ("x^2*y" is 3).
export function termDegree(key: string): number {
  return [...monoParse(key).values()].reduce((s, e) => s + e, 0);
}

export function degree(p: Poly): number {
  let d = 0;
  for (const k of p.keys()) d = Math.max(d, termDegree(k));
  return d;
}

export function polyEqual(a: Poly, b: Poly): boolean {
  return polyAdd(a, b, new Fraction(-1)).size === 0;
}

// Substitutes known values; the result may become constant.
export function polyEval(p: Poly, env: ReadonlyMap<string, Fraction>): Poly {
  const out: Poly = new Map();
  for (const [k, c] of p) {
    let coef = c;
    const rest = new Map<string, number>();
    for (const [v, e] of monoParse(k)) {
      const val = env.get(v);
      if (val === undefined) rest.set(v, e);
      else coef = coef.mul(val.pow(e));
    }
    addInto(out, monoKey(rest), coef);
  }
  return out;
}

// p with the letter v replaced by the polynomial e (every power of v expanded).
export function polySubstitute(p: Poly, v: string, e: Poly): Poly {
  let out: Poly = new Map();
  const powers: Poly[] = [constPoly(new Fraction(1))];
  for (const [k, c] of p) {
    const m = monoParse(k);
    const n = m.get(v) ?? 0;
    m.delete(v);
    while (powers.length <= n) powers.push(polyMul(powers[powers.length - 1]!, e));
    out = polyAdd(out, polyMul(new Map([[monoKey(m), c]]), powers[n]!));
  }
  return out;
}

// Reduces `p` by an echelon basis (rows normalised on their pivot monomial); returns the remainder.
function reduce(p: Poly, basis: Array<{ pivot: string; row: Poly }>): Poly {
  let r = p;
  for (const { pivot, row } of basis) {
    const c = r.get(pivot);
    if (c) r = polyAdd(r, row, c.neg());
  }
  return r;
}

// Adds a row to an echelon basis (pivot: its first monomial in key order, variable monomials before the constant).
export function addToBasis(basis: Array<{ pivot: string; row: Poly }>, p: Poly): void {
  const r = reduce(p, basis);
  const keys = [...r.keys()].filter((k) => k !== "").sort();
  const pivot = keys[0];
  if (pivot === undefined) return; // constant remainder: 0 (already implied) or a contradiction, kept out
  const row = polyScale(r, r.get(pivot)!.inverse());
  for (const b of basis) {
    const c = b.row.get(pivot);
    if (c) b.row = polyAdd(b.row, row, c.neg());
  }
  basis.push({ pivot, row });
}

// Whether p (a polynomial that should equal 0) is a linear combination of the basis rows.
export function inSpan(basis: Array<{ pivot: string; row: Poly }>, p: Poly): boolean {
  return reduce(p, basis).size === 0;
}

// Values fixed by an echelon basis: rows of the form  v + c = 0.
export function determinedValues(basis: Array<{ pivot: string; row: Poly }>): Map<string, Fraction> {
  const out = new Map<string, Fraction>();
  for (const { pivot, row } of basis) {
    if (pivot.includes("*") || pivot.includes("^")) continue;
    const others = [...row.keys()].filter((k) => k !== pivot && k !== "");
    if (others.length === 0) out.set(pivot, (row.get("") ?? new Fraction(0)).neg());
  }
  return out;
}

// Rational roots of a one-variable polynomial of degree 1 or 2 (irrational roots are left out and
// reported through `complete: false`).
export function rationalRoots(p: Poly, v: string): { roots: Fraction[]; complete: boolean } | undefined {
  const vars = polyVars(p);
  if (vars.size !== 1 || !vars.has(v)) return undefined;
  const a = p.get(`${v}^2`) ?? new Fraction(0);
  const b = p.get(v) ?? new Fraction(0);
  const c = p.get("") ?? new Fraction(0);
  const d = degree(p);
  if (d === 1) return { roots: [c.neg().div(b)], complete: true };
  if (d !== 2) return undefined;
  const disc = b.mul(b).sub(a.mul(c).mul(4));
  if (disc.s < 0n) return { roots: [], complete: true };
  const r = disc.pow(new Fraction(1, 2));
  if (r === null) return { roots: [], complete: false };
  const two = a.mul(2);
  const roots = [b.neg().add(r).div(two), b.neg().sub(r).div(two)];
  return { roots: roots[0]!.equals(roots[1]!) ? [roots[0]!] : roots, complete: true };
}
