import { Fraction } from "mathjs";
import { evaluate, symbols, type Expr } from "./expr.js";
import { approx, equalNum, toFloat, type Num } from "./num.js";
import { polyEqual, toPoly } from "./poly.js";

const RANDOM_POINTS = 6;

// Deterministic pseudo-random rationals (a fixed LCG), so a verdict never changes between runs.
// Approximated points are drawn small (numerators -9..9): with a letter in an exponent, large ones blur functions that
// differ into the same rounded value (`2^(3^-50)` and `2^(2^-49)` both round to 1).
function* points(vars: string[], small = false): Generator<Map<string, { exact: true; q: Fraction }>> {
  let seed = 0x2545f491;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const [span, shift] = small ? [19, 9] : [199, 99];
  for (;;) {
    yield new Map(vars.map((v) => [v, { exact: true as const, q: new Fraction(BigInt((next() % span) - shift), BigInt((next() % 17) + 1)) }]));
  }
}

// Whether two expressions are the same function: expanded polynomials compared exactly; otherwise exact
// evaluation at random rational points (Schwartz-Zippel: a false "same" needs every point to hit a root of the
// difference). undefined when no point could be evaluated (division by zero everywhere, unknown functions).
export function sameExpr(a: Expr, b: Expr): boolean | undefined {
  const pa = toPoly(a);
  const pb = toPoly(b);
  if (pa && pb) return polyEqual(pa, pb);
  const { same, tested } = samePoints(a, b);
  return same === false ? false : tested > 0 ? true : undefined;
}

// Two expressions that are not polynomials (roots, powers with a letter in the exponent, quotients) compared at the
// random points: the same function when they agree at at least half of RANDOM_POINTS points where both have a value
// and differ at none. Anything less (too few points with a value) is no verdict.
// The points are approximated here (floating point, compared within 1e-9): exact powers and roots of random
// rationals cost too much for a check asked of many claims.
export function sameFunction(a: Expr, b: Expr): boolean {
  const { same, tested } = samePoints(a, b, true);
  return same !== false && tested >= RANDOM_POINTS / 2;
}

function samePoints(a: Expr, b: Expr, approximate = false): { same?: false; tested: number } {
  const vars = [...new Set([...symbols(a), ...symbols(b)])];
  let tested = 0;
  let tries = 0;
  for (const exactEnv of points(vars, approximate)) {
    const env: ReadonlyMap<string, Num> = approximate ? new Map([...exactEnv].map(([v, q]) => [v, approx(toFloat(q))])) : exactEnv;
    if (tested >= RANDOM_POINTS || tries++ >= RANDOM_POINTS * 4) break;
    const x = evaluate(a, env);
    const y = evaluate(b, env);
    if (!x || !y || (approximate && (blurred(x) || blurred(y)))) continue;
    tested++;
    if (!equalNum(x, y)) return { same: false, tested };
  }
  return { tested };
}

// A floating-point value that cannot tell two functions apart: one that overflowed or underflowed (`(1/2)^(2 * 3^50)` and
// `(1/2)^(2^51)` are both 0): such a point is no evidence of "the same".
function blurred(n: Num): boolean {
  if (n.exact) return false;
  const m = Math.abs(n.x);
  return !Number.isFinite(n.x) || m < 1e-200 || m > 1e200;
}

function hasVariable(e: Expr): boolean {
  return symbols(e).size > 0;
}

function isSum(e: Expr): boolean {
  return e.k === "op" && (e.op === "+" || e.op === "-");
}

// No product or power of a sum that has a variable in it: (x + 1)(x - 1) is not expanded, x^2 - 1 is.
export function isExpanded(e: Expr): boolean {
  if (e.k === "op") {
    if (e.op === "*" && ((isSum(e.a) && hasVariable(e.a)) || (isSum(e.b) && hasVariable(e.b)))) return false;
    if (e.op === "^" && isSum(e.a) && hasVariable(e.a)) return false;
    return isExpanded(e.a) && isExpanded(e.b);
  }
  if (e.k === "neg") return isExpanded(e.a);
  return true;
}

// A product (or power) with a factor that is a sum in a variable: 2(x + 3), (x - 1)^2, (x + 1)(x - 1).
export function isFactored(e: Expr): boolean {
  const top = e.k === "neg" ? e.a : e;
  if (top.k !== "op") return false;
  if (top.op === "^") return isSum(top.a) && hasVariable(top.a);
  if (top.op === "*" || top.op === "/") return [top.a, top.b].some((f) => (isSum(f) && hasVariable(f)) || isFactored(f)) || (hasVariable(top.a) && hasVariable(top.b));
  return false;
}

// Same tree, exactly.
export function sameTree(a: Expr, b: Expr): boolean {
  if (a.k !== b.k) return false;
  switch (a.k) {
    case "num":
      return a.q.equals((b as typeof a).q);
    case "sym":
      return a.name === (b as typeof a).name;
    case "neg":
      return sameTree(a.a, (b as typeof a).a);
    case "op":
      return a.op === (b as typeof a).op && sameTree(a.a, (b as typeof a).a) && sameTree(a.b, (b as typeof a).b);
    case "fn":
      return a.name === (b as typeof a).name && a.args.length === (b as typeof a).args.length && a.args.every((x, i) => sameTree(x, (b as typeof a).args[i]!));
  }
}
