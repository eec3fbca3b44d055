import { Fraction } from "mathjs";
import { evaluate, symbols, tryParseExpr, type Expr } from "./expr.js";
import { extractAnswer, normaliseAnswer } from "./answer-extract.js";
import { decimalsShown, equalNum, formatNum, type Num } from "./num.js";
import { latexToPlain } from "./parse-latex.js";
import { sameExpr } from "./identity.js";
import { polyAdd, polyEqual, polyScale, toPoly, type Poly } from "./poly.js";
import type { AnswerResult } from "./schema.js";

// An answer read in one of the shapes graders compare: a value or expression, an equation, an interval, a set
// (or list) of values, or plain text (a choice letter, a word).
type Parsed =
  | { k: "expr"; e: Expr; percent: boolean; places?: number }
  | { k: "equation"; l: Expr; r: Expr }
  | { k: "interval"; lo: Expr; hi: Expr; open: [boolean, boolean] }
  | { k: "set"; items: Parsed[]; ordered: boolean }
  | { k: "text"; s: string };

// Splits on commas at depth 0.
function splitTop(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if ("([{⟨".includes(ch)) depth++;
    if (")]}⟩".includes(ch)) depth--;
    if (depth === 0 && sep.test(ch)) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

// Reads an answer. `hint` is the reference's shape when reading a candidate (reference first, candidate in its light).
function parseAnswer(raw: string, hint?: Parsed): Parsed {
  const norm = normaliseAnswer(raw);
  const plain = latexToPlain(norm).replace(/\\\{|\\\}/g, "").replace(/⟨|⟩/g, "").trim();
  const textOnly = /^\(?([A-Ea-e])\)?$/.exec(plain) ?? /^[A-Za-z][A-Za-z\s]+$/.exec(plain);
  if (textOnly && !(hint && hint.k !== "text" && plain.length === 1)) return { k: "text", s: (textOnly[1] ?? plain).toLowerCase().trim() };
  const interval = /^([([])\s*(.+?)\s*,\s*(.+?)\s*([)\]])$/.exec(plain);
  if (interval && (!hint || hint.k === "interval") && (interval[1] === "[" || interval[4] === "]" || hint?.k === "interval" || /Infinity/.test(plain))) {
    const lo = tryParseExpr(interval[2]!);
    const hi = tryParseExpr(interval[3]!);
    if (lo && hi) return { k: "interval", lo, hi, open: [interval[1] === "(", interval[4] === ")"] };
  }
  const parts = splitTop(plain.replace(/^\((.*)\)$/, (m, inner: string) => (hint?.k === "set" && hint.ordered ? inner : splitTop(inner, /,/).length > 1 ? inner : m)), /[,;]/);
  const orParts = parts.length === 1 ? plain.split(/\s+(?:or|and)\s+/) : parts;
  if (orParts.length > 1) {
    return { k: "set", items: orParts.map((p) => parseAnswer(p)), ordered: /^\(.*\)$/.test(plain) && !/\\\{/.test(norm) };
  }
  const eq = plain.split("=");
  if (eq.length === 2) {
    const l = tryParseExpr(eq[0]!);
    const r = tryParseExpr(eq[1]!);
    if (l && r) {
      // "x = 5" read as 5 when the reference is a value (or a set of them)
      if (l.k === "sym" && symbols(r).size === 0 && (!hint || hint.k !== "equation")) return { k: "expr", e: r, percent: /%$/.test(eq[1]!.trim()) };
      return { k: "equation", l, r };
    }
  }
  const e = tryParseExpr(plain);
  if (e) return { k: "expr", e, percent: /%\s*$/.test(plain), ...(e.k === "num" && /\.\d+$/.test(plain) ? { places: decimalsShown(plain) } : {}) };
  return { k: "text", s: plain.toLowerCase() };
}

function value(e: Expr): Num | undefined {
  return symbols(e).size === 0 ? evaluate(e, new Map()) : undefined;
}

// A reference written with d decimals matches a candidate that rounds (half up or down) to it.
function roundsToNearest(v: Num, ref: Fraction, places: number): boolean {
  const half = new Fraction(1n, 2n * 10n ** BigInt(places));
  if (v.exact) return v.q.sub(ref).abs().compare(half) <= 0;
  return Math.abs(v.x - ref.valueOf()) <= half.valueOf() + 1e-12;
}

function samePoly(a: Poly, b: Poly): boolean {
  // proportional: a * (lead of b) == b * (lead of a)
  const key = [...a.keys()].sort()[0];
  if (key === undefined || !b.has(key)) return a.size === 0 && b.size === 0;
  return polyEqual(polyScale(a, b.get(key)!), polyScale(b, a.get(key)!));
}

function compare(ref: Parsed, cand: Parsed): { same: boolean | undefined; why: string } {
  if (ref.k === "expr" && cand.k === "expr") {
    const rv = value(ref.e);
    const cv = value(cand.e);
    if (rv && cv) {
      if (equalNum(rv, cv)) return { same: true, why: `both are ${formatNum(rv)}` };
      if (ref.percent || cand.percent) {
        const hundred = { exact: true as const, q: new Fraction(100) };
        const alt = ref.percent ? evaluate({ k: "op", op: "*", a: ref.e, b: { k: "num", q: hundred.q } }, new Map()) : evaluate({ k: "op", op: "*", a: cand.e, b: { k: "num", q: hundred.q } }, new Map());
        if (alt && equalNum(alt, ref.percent ? cv : rv)) return { same: true, why: `${formatNum(ref.percent ? cv : rv)} as a percentage` };
      }
      if (ref.places !== undefined && rv.exact && roundsToNearest(cv, rv.q, ref.places)) return { same: true, why: `the candidate ${formatNum(cv)} rounds to the reference ${formatNum(rv)}` };
      return { same: false, why: `reference ${formatNum(rv)}, candidate ${formatNum(cv)}` };
    }
    const s = sameExpr(ref.e, cand.e);
    return { same: s, why: s === undefined ? "could not compare the expressions" : s ? "equal as expressions" : "different expressions" };
  }
  if (ref.k === "equation" && cand.k === "equation") {
    const a = toPoly(ref.l);
    const b = toPoly(ref.r);
    const c = toPoly(cand.l);
    const d = toPoly(cand.r);
    if (a && b && c && d) {
      const same = samePoly(polyAdd(a, b, new Fraction(-1)), polyAdd(c, d, new Fraction(-1)));
      return { same, why: same ? "the same equation (same solutions)" : "equations with different solutions" };
    }
    return { same: undefined, why: "not polynomial equations" };
  }
  if (ref.k === "interval" && cand.k === "interval") {
    const ends = sameExpr(ref.lo, cand.lo) && sameExpr(ref.hi, cand.hi);
    const same = Boolean(ends) && ref.open[0] === cand.open[0] && ref.open[1] === cand.open[1];
    return { same, why: same ? "the same interval" : "different intervals (ends or brackets)" };
  }
  if (ref.k === "set" && cand.k === "set") {
    if (ref.items.length !== cand.items.length) return { same: false, why: `${ref.items.length} items in the reference, ${cand.items.length} in the candidate` };
    if (ref.ordered) {
      const all = ref.items.map((r, i) => compare(r, cand.items[i]!).same);
      return { same: all.includes(undefined) ? undefined : all.every(Boolean), why: "compared in order" };
    }
    const left = [...cand.items];
    for (const r of ref.items) {
      const i = left.findIndex((c) => compare(r, c).same === true);
      if (i < 0) return { same: false, why: "an item of the reference is missing from the candidate" };
      left.splice(i, 1);
    }
    return { same: true, why: "the same items" };
  }
  if (ref.k === "text" && cand.k === "text") return { same: ref.s === cand.s, why: ref.s === cand.s ? "the same text" : "different text" };
  if (ref.k === "set" && ref.items.length === 1) return compare(ref.items[0]!, cand);
  return { same: undefined, why: `the reference is ${ref.k === "expr" ? "a value" : `a ${ref.k}`}, the candidate ${cand.k === "expr" ? "a value" : `a ${cand.k}`}` };
}

// Compares a solution's final answer with the reference; the reference is read first and the candidate in its
// light ("x = 5" is 5 when the reference is 5). Without a reference, or when undecidable, "unverifiable".
export function compareAnswers(candidateText: string | undefined, referenceText: string | undefined): AnswerResult {
  const candidate = candidateText === undefined ? undefined : extractAnswer(candidateText, true);
  const reference = referenceText === undefined ? undefined : extractAnswer(referenceText, true);
  const base = { ...(candidate !== undefined ? { candidate } : {}), ...(reference !== undefined ? { reference } : {}) };
  if (candidate === undefined) return { verdict: "unverifiable", ...base, evidence: "no final answer found" };
  if (reference === undefined) return { verdict: "unverifiable", ...base, evidence: "no reference answer" };
  const ref = parseAnswer(reference);
  const cand = parseAnswer(candidate, ref);
  const { same, why } = compare(ref, cand);
  return { verdict: same === undefined ? "unverifiable" : same ? "equivalent" : "different", ...base, evidence: why };
}

// The final answer of a natural-language solution: its final_answer field, else what its last step states.
export function candidateOf(steps: readonly string[], finalAnswer: string | undefined): string | undefined {
  if (finalAnswer !== undefined) return finalAnswer;
  const last = steps[steps.length - 1];
  return last === undefined ? undefined : extractAnswer(last, false);
}
