import { Fraction } from "mathjs";
import { ParseError, parseExpr } from "./expr.js";
import { latexToPlain } from "./parse-latex.js";
import { polyAdd, polyEqual, polyScale, polyVars, toPoly, type Poly } from "./poly.js";

// A congruence as written, `3n \equiv 2 \pmod{11}`: the difference of its sides (3n - 2) and its modulus (11).
export interface Congruence {
  difference: Poly;
  modulus: Fraction;
}

// `A \equiv B \pmod{M}` / `(\mod M)` / `\mod M` inside one piece of math (a display or inline formula), with sides the
// parser reads as polynomials and a whole-number modulus; anything else is left out.
const PATTERN = /([^=$,;:]*?)\\equiv([^=$,;:]*?)\(?\\p?mod\s*\{?\s*(\d+)\s*\}?\)?/g;
const MATH = /\\\(([\s\S]*?)\\\)|\\\[([\s\S]*?)\\\]|\$\$([\s\S]*?)\$\$|\$([^$]*)\$/g;

export function congruencesIn(text: string): Congruence[] {
  if (!text.includes("\\equiv")) return [];
  const out: Congruence[] = [];
  for (const piece of text.matchAll(MATH)) {
    const math = piece[1] ?? piece[2] ?? piece[3] ?? piece[4] ?? "";
    for (const m of math.matchAll(PATTERN)) {
      const a = polyOf(m[1]!);
      const b = polyOf(m[2]!);
      if (!a || !b || !m[1]!.trim() || !m[2]!.trim()) continue;
      const modulus = new Fraction(m[3]!);
      if (modulus.n > 1n) out.push({ difference: polyAdd(a, b, new Fraction(-1)), modulus });
    }
  }
  return out;
}

function polyOf(latex: string): Poly | undefined {
  try {
    const e = parseExpr(latexToPlain(latex.replace(/\\not$/, "")));
    return toPoly(e);
  } catch (err) {
    if (err instanceof ParseError) return undefined;
    throw err;
  }
}

// `3n = 2 + 11k` (or `n = \frac{2}{3} + \frac{11}{3}k`) after `3n \equiv 2 \pmod{11}`: the relation (left - right, p)
// is the congruence's difference plus a multiple of the modulus times one letter the congruence does not use, up to a
// nonzero factor: the congruence written as an equation with an integer parameter, decided.
export function restatesCongruence(p: Poly, congruences: readonly Congruence[]): boolean {
  for (const { difference, modulus } of congruences) {
    const own = polyVars(difference);
    const extra = [...polyVars(p)].filter((v) => !own.has(v));
    if (extra.length !== 1) continue;
    const k = extra[0]!;
    const ck = p.get(k);
    if (!ck || [...p.keys()].some((key) => key !== k && key.split("*").some((f) => f.split("^")[0] === k))) continue;
    const rest = polyAdd(p, new Map([[k, ck]]), new Fraction(-1));
    const [key, c] = (rest.entries().next().value ?? []) as [string | undefined, Fraction | undefined];
    const d = key !== undefined ? difference.get(key) : undefined;
    if (!c || !d) continue;
    const factor = c.div(d); // rest = factor * difference
    if (polyEqual(rest, polyScale(difference, factor)) && ck.abs().equals(modulus.mul(factor).abs())) return true;
  }
  return false;
}
