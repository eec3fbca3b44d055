import { Fraction } from "mathjs";
import type { Side } from "./claims.js";
import { evaluate, ParseError, parseExpr, show, symbols, type Expr } from "./expr.js";
import { asAssignment, type FactBase } from "./equation.js";
import { decimalsShown, equalNum, fitsDecimals, formatNum, isInteger, roundsTo, toFloat, type Num } from "./num.js";
import { isExpanded } from "./identity.js";
import { constValue, degree, numbersTimesOneMonomial, polyAdd, polyEqual, polyEval, polyVars, rationalRoots, termDegree, toPoly, type Poly } from "./poly.js";
import { substitutedValues } from "./substitution.js";
import type { MathLabel } from "./schema.js";

// The outcome of checking one relation `left = right` of a claim.
export interface PairOutcome {
  label: MathLabel; // correct, an error label, or unverifiable
  evidence: string;
  /** The relation was actually checked (a passed check makes a step "correct"). */
  checked: boolean;
  /** The step takes another root of an earlier equation for this variable: a new case (facts about the old one go). */
  switchCase?: string;
  /** Decided as an identity (the same expression for every value), not against earlier values. */
  identity?: boolean;
}

export interface PairContext {
  facts: FactBase;
  step: number;
  /** Variables given or defined so far (undefined-variable check). */
  defined: ReadonlySet<string>;
  /** Structured records: the step just before set this variable through an expression to compute. */
  structured?: boolean;
  /** The structured step's action: a contradiction in a "compute" step is an arithmetic error. */
  action?: string;
  /** The step says it factors, expands or simplifies: an equation between two expressions in x is an identity. */
  identityHint?: boolean;
  /** The step works on both sides of an equation ("expanding both sides"): what it writes are equations, not identities. */
  equationSides?: boolean;
  /** The step says it sets up an equation ("setting ... equal", "the equation"): its relations are conditions. */
  statesEquation?: boolean;
}

// A side is read once: the checks of one claim (and what is noted about it) ask for it several times.
const parsed = new WeakMap<Side, Expr | ParseError>();
export function parseSide(side: Side): Expr | ParseError {
  const known = parsed.get(side);
  if (known) return known;
  let e: Expr | ParseError;
  try {
    e = parseExpr(side.text);
  } catch (err) {
    if (!(err instanceof ParseError)) throw err;
    e = err;
  }
  parsed.set(side, e);
  return e;
}

// Checks one relation of a claim chain. `approx` is true for ≈ or an "about" on the claimed side.
export function checkPair(left: Side, right: Side, approxRel: boolean, ctx: PairContext, prevValue?: Num): PairOutcome {
  const a = parseSide(left);
  const b = parseSide(right);
  const shown = `${left.shown} ${approxRel ? "≈" : "="} ${right.shown}`;
  if (a instanceof ParseError || b instanceof ParseError) {
    return { label: "unparseable", evidence: `"${shown}": ${(a instanceof ParseError ? a : (b as ParseError)).message}`, checked: false };
  }
  const used = [...symbols(a), ...symbols(b)];
  const missing = [...new Set(used.filter((v) => !ctx.defined.has(v)))];
  if (missing.length) return { label: "undefined-variable", evidence: `"${shown}" uses ${missing.join(", ")}, never given or defined before`, checked: true };
  const env = ctx.facts.known();
  const va = evaluate(a, env);
  const vb = evaluate(b, env);
  const identity = identityClaim(a, b, ctx);
  if (identity) return identity;
  if (used.length > 0 && !(va && vb && symbols(a).size + symbols(b).size > 0 && allKnown(used, env))) {
    return checkEquation(a, b, shown, ctx);
  }
  if (!va || !vb) return { label: "unverifiable", evidence: `"${shown}": no value (division by zero, unknown function)`, checked: false };
  if (equalNum(va, vb)) return { label: "correct", evidence: `"${shown}": ${show(a)} = ${formatNum(va)}`, checked: true };
  // "3 * 4 = 12 + 5 = 17": a running total continues from the value just computed
  const lenient = leniency(left, right, va, vb, approxRel);
  if (lenient) return lenient;
  if (!right.literal && startsWithValue(b, prevValue ?? va)) return { label: "correct", evidence: `"${shown}": running total continued`, checked: false };
  const close = nearMiss(left, right, va, vb, approxRel);
  if (close) return { label: "unverifiable", evidence: `"${shown}": ${close}`, checked: false };
  const assignment = asAssignment(a, b);
  if (used.length > 0) return contradiction(a, b, shown, `${show(a)} is ${formatNum(va)}, ${show(b)} is ${formatNum(vb)}`, ctx, assignment);
  return { label: "arithmetic-error", evidence: `"${shown}": ${show(a)} = ${formatNum(va)}, not ${formatNum(vb)}`, checked: true };
}

// "x^2 - 5x + 6 = (x - 2)(x - 3)" written as a factorisation or expansion claims equality for every x, not
// an equation to solve: it is checked as an identity.
function identityClaim(a: Expr, b: Expr, ctx: PairContext): PairOutcome | undefined {
  if (symbols(a).size === 0 || symbols(b).size === 0 || ctx.equationSides) return undefined;
  const pa = toPoly(a);
  const pb = toPoly(b);
  if (!pa || !pb) return undefined;
  const constantGap = linearExpansionSlip(a, b, pa, pb, ctx);
  if (constantGap) return constantGap;
  if (Math.max(degree(pa), degree(pb)) < 2) return undefined;
  // A formula or definition (`I = Prt`, `A = lw`, `A = s^2`): one side is a lone letter (or its power), the
  // relation names a quantity; it is not a claim that two expressions are the same.
  if (isLoneLetter(a) || isLoneLetter(b)) return undefined;
  // A factorisation or expansion needs a factor that is a sum in a variable (`(x + 5)(x - 3)`, `2(x + 1)`); a
  // product of letters (`Prt`, `2lw`) is not factored.
  if (ctx.statesEquation && !ctx.identityHint) return undefined;
  const shapes = (hasSumFactor(a) && isExpanded(b)) || (hasSumFactor(b) && isExpanded(a)) || powerExpanded(a, b, pa, pb);
  if (!shapes && !(ctx.identityHint && degree(pa) === degree(pb))) return undefined;
  if (polyEqual(pa, pb)) return { label: "correct", evidence: `${show(a)} = ${show(b)} holds for every value (same expanded form)`, checked: true, identity: true };
  // "(x + 6)(y - 2) = xy", "T^2 + 10U = U^2 + 10T": sides whose highest-degree terms differ are an equation stated
  // (a condition to solve), not an expansion gone wrong; a slip in an expansion keeps the leading terms
  const spurious = spuriousTerms(a, b, pa, pb);
  if (spurious) return spurious;
  if (!polyEqual(leading(pa), leading(pb)) || !sameKeys(polyVars(pa), polyVars(pb))) return undefined;
  return { label: "invalid-transformation", evidence: `${show(a)} and ${show(b)} are not the same expression (expanded, they differ)`, checked: true, identity: true };
}

// "(a + b + c)^2 = a^2 + b^2 + c^2 + 2ab + 2bc + 2ca + 2abc": the expanded side holds every term of the true expansion,
// with its coefficient, and more terms, each of a degree above the expansion's, in its letters. As an equation it
// would say those extra terms vanish (2abc = 0), which no one writes that way: an expansion gone wrong.
function spuriousTerms(a: Expr, b: Expr, pa: Poly, pb: Poly): PairOutcome | undefined {
  const [truth, claimed] = hasSumFactor(a) && isExpanded(b) ? [pa, pb] : hasSumFactor(b) && isExpanded(a) ? [pb, pa] : [];
  if (!truth || !claimed) return undefined;
  const extra = polyAdd(claimed, truth, new Fraction(-1));
  const top = degree(truth);
  const letters = polyVars(truth);
  if (extra.size === 0 || [...extra.keys()].some((k) => truth.has(k) || termDegree(k) <= top)) return undefined;
  if ([...polyVars(extra)].some((v) => !letters.has(v))) return undefined;
  return { label: "invalid-transformation", evidence: `${show(a)} and ${show(b)}: the expansion has every true term and more, of a higher degree (expanded, they differ)`, checked: true, identity: true };
}

// "9 - 18(n - 1) = 27 - 18n" written as "= 18 - 18n": an expansion whose sides differ by a nonzero number only. Read as an
// equation it has no solution (9 = 0), so it is no condition stated: the rewriting went wrong. Only when one side has
// a bracket to expand (a sum in a variable times a number or raised to a power) and the other is expanded, both in
// the same variables, outside a step that sets up an equation.
function linearExpansionSlip(a: Expr, b: Expr, pa: Poly, pb: Poly, ctx: PairContext): PairOutcome | undefined {
  if (ctx.statesEquation) return undefined;
  if (!((bracketToExpand(a) && isExpanded(b)) || (bracketToExpand(b) && isExpanded(a)))) return undefined;
  if (!sameKeys(polyVars(pa), polyVars(pb))) return undefined;
  const gap = constValue(polyAdd(pa, pb, new Fraction(-1)));
  if (gap === undefined || gap.equals(0)) return undefined;
  return { label: "invalid-transformation", evidence: `${show(a)} and ${show(b)} differ by ${gap.toFraction()} for every value (expanded, only the constant differs)`, checked: true, identity: true };
}

// `P(P(x)) = a(ax^2 + bx + c)^2 + b(ax^2 + bx + c) + c = a^3x^4 + ...`: a power of a sum (anywhere in one side) written out
// on the other side, which has no such power, in three letters or more: an expansion of an expression in parameters,
// not an equation anyone solves that way.
function powerExpanded(a: Expr, b: Expr, pa: Poly, pb: Poly): boolean {
  if (new Set([...polyVars(pa), ...polyVars(pb)]).size < 3) return false;
  return (hasPowerOfSum(a) && !hasPowerOfSum(b)) || (hasPowerOfSum(b) && !hasPowerOfSum(a));
}

function hasPowerOfSum(e: Expr): boolean {
  if (e.k === "op" && e.op === "^") return e.a.k === "op" && (e.a.op === "+" || e.a.op === "-") && symbols(e.a).size > 0;
  if (e.k === "op") return hasPowerOfSum(e.a) || hasPowerOfSum(e.b);
  if (e.k === "neg") return hasPowerOfSum(e.a);
  return false;
}

// A term with a bracket to expand, anywhere in a sum (`9 - 18(n - 1)`).
function bracketToExpand(e: Expr): boolean {
  if (e.k === "neg") return bracketToExpand(e.a);
  if (e.k === "op" && (e.op === "+" || e.op === "-")) return bracketToExpand(e.a) || bracketToExpand(e.b);
  return hasSumFactor(e);
}

// The terms of highest total degree.
function leading(p: Poly): Poly {
  const d = degree(p);
  return new Map([...p].filter(([k]) => termDegree(k) === d));
}

function sameKeys(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((v) => b.has(v));
}

function isLoneLetter(e: Expr): boolean {
  return e.k === "sym" || (e.k === "op" && e.op === "^" && e.a.k === "sym" && e.b.k === "num");
}

function hasSumFactor(e: Expr): boolean {
  const top = e.k === "neg" ? e.a : e;
  if (top.k !== "op") return false;
  const sumInVar = (f: Expr) => f.k === "op" && (f.op === "+" || f.op === "-") && symbols(f).size > 0;
  if (top.op === "^") return sumInVar(top.a);
  if (top.op === "*" || top.op === "/") return [top.a, top.b].some((f) => sumInVar(f) || hasSumFactor(f));
  return false;
}

function allKnown(vars: string[], env: ReadonlyMap<string, Num>): boolean {
  return vars.every((v) => env.has(v));
}

function startsWithValue(e: Expr, v: Num): boolean {
  let first: Expr = e;
  while (first.k === "op" && (first.op === "+" || first.op === "-" || first.op === "*" || first.op === "/")) first = first.a;
  return first !== e && first.k === "num" && equalNum({ exact: true, q: first.q }, v);
}

// Differences a reader does not call errors: an approximation (≈, "about") within 1% — intermediate values rounded
// (`1 + \sqrt{16081} ≈ 1 + 126.81`), π taken as 3.14159 — and, with decimals written, a difference under 0.1% (a
// rounding carried through a product: `11.5098 \times 720 = 8286.656`).
function nearMiss(left: Side, right: Side, va: Num, vb: Num, approxRel: boolean): string | undefined {
  const x = toFloat(va);
  const y = toFloat(vb);
  const rel = Math.abs(x - y) / Math.max(Math.abs(x), Math.abs(y), 1e-12);
  if ((approxRel || left.approx || right.approx) && rel <= 0.01) return `within ${(100 * rel).toFixed(2)}% (an approximation)`;
  if (/\d\.\d/.test(left.text + " " + right.text) && rel < 0.001) return `within ${(100 * rel).toFixed(3)}% with decimals written (a rounding carried through)`;
  return undefined;
}

// Rounding and percentages that are not errors: "10 / 3 = 3.33", "about 3.3", "20 / 80 * 100 = 25%".
function leniency(left: Side, right: Side, va: Num, vb: Num, approxRel: boolean): PairOutcome | undefined {
  const claimed = right.literal ? { side: right, value: va } : left.literal ? { side: left, value: vb } : undefined;
  if (!claimed) return undefined;
  const lit = claimed.side.literal!;
  const approxWord = approxRel || left.approx || right.approx;
  const written = `${left.shown} ${approxRel ? "≈" : "="} ${right.shown}`;
  if (lit.percent) {
    const asNumber = new Fraction(lit.src.replace(/[^\d.]/g, ""));
    if (equalNum(claimed.value, { exact: true, q: asNumber })) return { label: "correct", evidence: `"${written}": ${formatNum(claimed.value)} as a percentage`, checked: true };
  }
  const q = new Fraction(lit.text.replace(/[()]/g, "").split("/")[0]!);
  if (lit.percent) return undefined;
  const places = decimalsShown(lit.src);
  if ((approxWord || !fitsDecimals(claimed.value, places)) && roundsTo(claimed.value, q, places)) {
    if (places === 0 && !approxWord) {
      return { label: "unverifiable", evidence: `"${written}": the value is ${formatNum(claimed.value)}; whether a whole number (rounded up or down) is meant depends on the context`, checked: false };
    }
    return { label: "correct", evidence: `"${written}": ${formatNum(claimed.value)} rounded to ${places} decimal${places === 1 ? "" : "s"}`, checked: true };
  }
  if (approxWord && places === 0 && isInteger(q)) {
    // "about 1,000": rounded to its trailing zeros
    const zeros = /0+$/.exec(lit.src.replace(/[,\s]/g, ""))?.[0].length ?? 0;
    const unit = new Fraction(10n ** BigInt(zeros));
    const v = claimed.value.exact ? claimed.value.q : new Fraction(Math.round(claimed.value.x));
    if (v.sub(q).abs().compare(unit.div(2)) <= 0) return { label: "correct", evidence: `"${written}": about ${formatNum(claimed.value)}`, checked: true };
  }
  return undefined;
}

// An equation with unknowns, judged against the facts.
function checkEquation(a: Expr, b: Expr, shown: string, ctx: PairContext): PairOutcome {
  const res = ctx.facts.check(a, b);
  if (res.verdict === "implied") return { label: "correct", evidence: `"${shown}": ${res.evidence}`, checked: true };
  if (res.verdict === "contradiction") return contradiction(a, b, shown, res.evidence, ctx, asAssignment(a, b));
  return { label: "unverifiable", evidence: `"${shown}": ${res.evidence}`, checked: false };
}

// Which error an equation that contradicts what is known is:
//  - another root of an earlier equation with several solutions is a new case, not an error;
//  - putting in a value for a variable an earlier step settled otherwise (`4s = 4 \cdot 12` after `s = 10`;
//    `n = 30 - 13` after `d = 12` with `n + d = 30`) is an inconsistent step, as is restating a settled value differently;
//  - solving for a variable wrongly is an arithmetic error when the value is a number (`2x = 8, so x = 5`), an
//    invalid transformation when it is an expression that computes to another value (`\frac{3}{4}c = 18`, so
//    `c = 18 \cdot \frac{3}{4}`: a wrong isolation);
//  - rewriting an equation or expression in variables into one with other solutions is an invalid transformation.
function contradiction(a: Expr, b: Expr, shown: string, why: string, ctx: PairContext, assignment: ReturnType<typeof asAssignment>): PairOutcome {
  if (assignment) {
    const current = ctx.facts.known().get(assignment.v);
    const root = current?.exact ? ctx.facts.otherRoot(assignment.v, assignment.value, current.q) : undefined;
    if (root) return { label: "correct", evidence: `"${shown}": the other root of "${root.text}" (a new case)`, checked: true, switchCase: assignment.v };
  }
  // "(x + 5)(x - 3) = 0", then "x + 5 = 0 ... or x - 3 = 0": an equation in one variable whose only root is another
  // root of an earlier equation is a case of it, not a transformation.
  const factorCase = assignment ? undefined : caseEquation(a, b, ctx);
  if (factorCase) return factorCase;
  const put = substitutionConflict(a, b, ctx) ?? (assignment && !assignment.literal ? templateConflict(assignment, a.k === "sym" ? b : a, ctx) : undefined);
  if (put) return { label: "inconsistent-step", evidence: `"${shown}": ${put}`, checked: true };
  if (assignment) {
    const earlier = ctx.facts.assignmentOf(assignment.v, ctx.step);
    const computedJustBefore = ctx.structured && earlier && earlier.step === ctx.step - 1 && !earlier.assignment!.literal;
    if (earlier && !earlier.assignment!.value.equals(assignment.value) && !computedJustBefore) {
      return { label: "inconsistent-step", evidence: `"${shown}" contradicts step ${earlier.step} ("${earlier.text}")`, checked: true };
    }
    const stated = ctx.facts.alternativesOf(assignment.v, ctx.step);
    if (stated.length > 0 && !stated.some((s) => s.value.equals(assignment.value))) {
      return { label: "inconsistent-step", evidence: `"${shown}" contradicts step ${stated[0]!.step}, which gave ${assignment.v} = ${stated.map((s) => s.value.toFraction()).join(" or ")}`, checked: true };
    }
    if (!assignment.literal && !ctx.structured && !earlier && ctx.facts.knownBefore(ctx.step).has(assignment.v)) {
      return { label: "invalid-transformation", evidence: `"${shown}" does not follow from the earlier equations (${why}): ${assignment.v} was isolated wrongly`, checked: true };
    }
    return { label: "arithmetic-error", evidence: `"${shown}": ${why}`, checked: true };
  }
  if (!ctx.structured && symbols(a).size > 0 && symbols(b).size > 0) {
    // Two expressions in variables that disagree are an invalid transformation only when the step rewrites an earlier
    // equation (one relating all its variables); a first statement of a formula or relation (`I = Prt` after I, P, r
    // and t were worked out separately) has no earlier equation it could be a rewriting of.
    const source = rewrittenFrom(a, b, ctx) ?? (ctx.identityHint ? "an expression the step says it rewrites (factor, expand, simplify, cancel)" : undefined);
    if (!source) return { label: "unverifiable", evidence: `"${shown}": ${why}; not a rewriting of an earlier equation, so not read as a transformation`, checked: false };
    return { label: "invalid-transformation", evidence: `"${shown}": ${why}; ${source.startsWith("an expression") ? source : `"${source}"`} was rewritten into something with other values`, checked: true };
  }
  const vars = [...new Set([...symbols(a), ...symbols(b)])];
  const allAssigned = vars.every((v) => ctx.facts.assignmentOf(v, ctx.step + 1));
  return { label: allAssigned || ctx.action === "compute" ? "arithmetic-error" : "invalid-transformation", evidence: `"${shown}": ${why}`, checked: true };
}

// The case an equation in one variable with a single rational root opens: that root is another root of an earlier
// equation with several roots (the value known so far is one of them).
function caseEquation(a: Expr, b: Expr, ctx: PairContext): PairOutcome | undefined {
  const vars = [...new Set([...symbols(a), ...symbols(b)])];
  if (vars.length !== 1) return undefined;
  const v = vars[0]!;
  const pa = toPoly(a);
  const pb = toPoly(b);
  const current = ctx.facts.known().get(v);
  if (!pa || !pb || !current?.exact) return undefined;
  const roots = rationalRoots(polyAdd(pa, pb, new Fraction(-1)), v);
  if (!roots?.complete || roots.roots.length !== 1) return undefined;
  const root = ctx.facts.otherRoot(v, roots.roots[0]!, current.q);
  if (!root) return undefined;
  return { label: "correct", evidence: `"${show(a)} = ${show(b)}" gives ${v} = ${roots.roots[0]!.toFraction()}, another root of "${root.text}" (a new case)`, checked: true, switchCase: v };
}

// The earlier equation (not a bare assignment) relating every variable of `a = b`, which this step could be a
// rewriting of.
function rewrittenFrom(a: Expr, b: Expr, ctx: PairContext): string | undefined {
  const vars = [...new Set([...symbols(a), ...symbols(b)])];
  for (const f of ctx.facts.facts) {
    if (f.step >= ctx.step || f.assignment) continue;
    const fv = polyVars(f.poly);
    if (vars.every((v) => fv.has(v))) return f.text;
  }
  return undefined;
}

// `4s = 4 \cdot 12` after a step settled s = 10: a value put in for a variable that differs from the one earlier
// steps fixed (not one this step computed itself).
function substitutionConflict(a: Expr, b: Expr, ctx: PairContext): string | undefined {
  const put = substitutedValues(a, b) ?? substitutedValues(b, a);
  if (!put) return undefined;
  const before = ctx.facts.knownBefore(ctx.step);
  for (const [v, q] of put) {
    const k = before.get(v);
    if (k && !k.equals(q)) return `puts ${v} = ${q.toFraction()}, but the earlier steps give ${v} = ${k.toFraction()}`;
  }
  return undefined;
}

// `n = 30 - 13` after `n + d = 30` and `d = 12`: the expression is an earlier equation solved for n with one of its
// other variables replaced by a number different from the value earlier steps fixed for it.
function templateConflict(assignment: NonNullable<ReturnType<typeof asAssignment>>, value: Expr, ctx: PairContext): string | undefined {
  const numbers: Fraction[] = [];
  const collect = (e: Expr): void => {
    if (e.k === "num") numbers.push(e.q);
    else if (e.k === "op") (collect(e.a), collect(e.b));
    else if (e.k === "neg") collect(e.a);
  };
  collect(value);
  const before = ctx.facts.knownBefore(ctx.step);
  for (const f of ctx.facts.facts) {
    if (f.step >= ctx.step || !f.poly.size) continue;
    const vars = [...polyVars(f.poly)];
    if (!vars.includes(assignment.v) || vars.length < 2 || !vars.every((u) => u === assignment.v || before.has(u))) continue;
    for (const u of vars) {
      if (u === assignment.v) continue;
      for (const c of numbers) {
        if (c.equals(before.get(u)!)) continue;
        const env = new Map(before);
        env.set(u, c);
        env.set(assignment.v, assignment.value);
        const rest = constValue(polyEval(f.poly, env));
        if (rest !== undefined && rest.n === 0n) return `puts ${u} = ${c.toFraction()} into "${f.text}", but the earlier steps give ${u} = ${before.get(u)!.toFraction()}`;
      }
    }
  }
  return undefined;
}

// Adds `a = b` to the facts (after a flagged step, what is known about its variables is replaced by it).
export function recordFact(left: Side, right: Side, ctx: PairContext, flagged: boolean, alternative = false): void {
  const a = parseSide(left);
  const b = parseSide(right);
  if (a instanceof ParseError || b instanceof ParseError) return;
  if (alternative) {
    const assignment = asAssignment(a, b);
    if (assignment) ctx.facts.alternatives.push({ v: assignment.v, value: assignment.value, step: ctx.step, text: `${left.shown} = ${right.shown}` });
    return;
  }
  const vars = [...symbols(a), ...symbols(b)];
  if (vars.length === 0) return;
  const l = toPoly(a);
  const r = toPoly(b);
  if (!l || !r) return;
  if (flagged) ctx.facts.forget(vars);
  // `0.971P \cdot 1.089 = 1.058319P`: a number times one monomial on each side is a claim about the numbers (a
  // quantity P carried through a calculation), not an equation that makes P = 0: no fact
  if (numbersTimesOneMonomial(l, r)) return;
  const poly = new Map(l);
  for (const [k, c] of r) {
    const v = (poly.get(k) ?? new Fraction(0)).sub(c);
    if (v.n === 0n) poly.delete(k);
    else poly.set(k, v);
  }
  const assignment = asAssignment(a, b);
  ctx.facts.add({ poly, step: ctx.step, text: `${left.shown} = ${right.shown}`, ...(assignment ? { assignment } : {}) });
}
