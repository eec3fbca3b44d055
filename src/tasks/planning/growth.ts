import type { Judgement } from "../shared/differential.js";
import { expectedSlope, type ComplexityClass } from "./complexity.js";

// One measured size: the best time of a call on an input of size n.
export interface TimingPoint {
  n: number;
  ms: number;
}

/** The schedule stops once one call takes this long (ms): large enough to be well above timer and scheduler noise. */
export const TARGET_MS = 100;
/** Points faster than this (ms) are noise for the fit. */
export const FLOOR_MS = 2;
/** The schedule stops at this size; a call still under FLOOR_MS there is taken as no measurable growth. */
export const MAX_N = 2 ** 40;
/** A measured slope this far below (AGREE_BELOW) or above (AGREE_ABOVE) the claim's agrees with it. Above is wider:
 * on real machines large inputs also pay for cache misses and the allocator, which steepens the curve a little. */
export const AGREE_BELOW = 0.3;
export const AGREE_ABOVE = 0.45;
/** A measured slope at least this far below or above the claim's refutes it; in between it stays unverifiable. */
export const DISAGREE_BELOW = 0.6;
export const DISAGREE_ABOVE = 0.8;
/** The fit sizes are spread so that their expected times span this ratio. */
const FIT_TIME_SPAN = 25;
/** How many of the largest measurable sizes the slope is fitted on. */
const FIT_POINTS = 6;

// The next size to time, from what was measured so far; undefined when the measurement is complete.
// Below 0.5 ms the step is cautious for small n (an exponential cost explodes under doubling) and bold for large n;
// above it the step is chosen from the local log-log slope so that the next call takes about 2.5 times longer.
export function nextSize(points: readonly TimingPoint[]): number | undefined {
  const last = points.at(-1);
  if (!last) return 1;
  if (last.ms >= TARGET_MS || last.n >= MAX_N) return undefined;
  let factor: number;
  if (last.ms < 0.5) factor = last.n >= 64 ? 4 : last.ms < 0.05 ? 2 : 1.5;
  else {
    const prev = points.at(-2);
    const s = prev && prev.ms > 0 && prev.n < last.n ? Math.log(last.ms / prev.ms) / Math.log(last.n / prev.n) : 1;
    factor = Math.min(4, Math.max(1.05, 2.5 ** (1 / Math.max(s, 0.3))));
  }
  return Math.min(MAX_N, Math.max(last.n + 1, Math.floor(last.n * factor)));
}

// The sizes the slope is fitted on, once the schedule found the size where a call takes about TARGET_MS: six sizes
// ending there, a factor sqrt(2) to 4 apart. Undefined when the schedule ended flat (no measurable growth) or the growth
// is so steep (super-polynomial) that smaller sizes are all noise; then the schedule's own points are used.
export function fitSizes(schedule: readonly TimingPoint[]): number[] | undefined {
  const last = schedule.at(-1);
  if (!last || last.ms < FLOOR_MS) return undefined;
  const prev = schedule.at(-2);
  if (prev && prev.ms >= FLOOR_MS && Math.log(last.ms / prev.ms) / Math.log(last.n / prev.n) > 4) return undefined;
  const local = prev && prev.ms >= FLOOR_MS ? Math.log(last.ms / prev.ms) / Math.log(last.n / prev.n) : 1;
  // the schedule may overshoot the target by its last step: come back to where a call takes about TARGET_MS
  const top = last.ms > TARGET_MS ? Math.max(1, last.n * (TARGET_MS / last.ms) ** (1 / Math.max(0.5, local))) : last.n;
  // spaced so the six times span about FIT_TIME_SPAN (from TARGET_MS down to a few ms): a slow-growing cost gets a
  // wide range of n, whose growth stands out of the noise of a busy machine; a steep one a narrow range
  const step = Math.min(4, Math.max(Math.SQRT2, FIT_TIME_SPAN ** (1 / (5 * Math.max(local, 0.3)))));
  const sizes = [0, 1, 2, 3, 4, 5].map((k) => Math.max(1, Math.round(top / step ** k))).reverse();
  return [...new Set(sizes)];
}

// Theil-Sen slope: the median of the pairwise slopes, robust to one disturbed point.
export function robustSlope(xs: readonly number[], ys: readonly number[]): number {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) for (let j = i + 1; j < xs.length; j++) if (xs[j] !== xs[i]) slopes.push((ys[j]! - ys[i]!) / (xs[j]! - xs[i]!));
  slopes.sort((a, b) => a - b);
  const mid = slopes.length / 2;
  return slopes.length % 2 ? slopes[Math.floor(mid)]! : (slopes[mid - 1]! + slopes[mid]!) / 2;
}

export interface GrowthMeasurement {
  /** Best-of-3 times of the entry point, by growing n: the fit sizes (best over two jobs) when there are any, else the schedule. */
  points: TimingPoint[];
  /** For a timer that also times copying the arguments: best times of a function that
   * does nothing, on the same inputs. Empty when only the call is timed (measure.ts times CPU time of the call alone). */
  baseline: TimingPoint[];
  /** Why the schedule ended early (the call raised, hit a limit), if it did. */
  stopped?: string;
  /** The fit sizes as each timing job measured them (the machine was disturbed when their slopes differ). */
  runs?: TimingPoint[][];
}

// The slope of one job's measurable points, or undefined with fewer than 3.
function runSlope(points: readonly TimingPoint[]): number | undefined {
  const pts = points.filter((p) => p.ms >= FLOOR_MS);
  return pts.length >= 3 ? robustSlope(pts.map((p) => Math.log(p.n)), pts.map((p) => Math.log(p.ms))) : undefined;
}

const fmt = (ms: number) => (ms >= 10 ? ms.toFixed(0) : ms >= 0.1 ? ms.toFixed(2) : ms.toFixed(4));
const show = (ps: readonly TimingPoint[]) => ps.map((p) => `n=${p.n}: ${fmt(p.ms)} ms`).join(", ");

// The points the fit uses: the largest measurable ones, net of the argument copy when that is known.
function fitSet(m: GrowthMeasurement): { pts: TimingPoint[]; copyDominates: boolean } {
  const base = new Map(m.baseline.map((p) => [p.n, p.ms]));
  const usable = m.points.filter((p) => p.ms >= FLOOR_MS).slice(-FIT_POINTS);
  const last = usable.at(-1);
  const lastBase = last ? base.get(last.n) : undefined;
  // the function's own time is what is left after copying its arguments; trusted only when it is most of the time
  const copyDominates = last !== undefined && lastBase !== undefined && last.ms - lastBase < 0.5 * last.ms;
  if (copyDominates || !m.baseline.length) return { pts: usable, copyDominates };
  const net = usable.map((p) => ({ n: p.n, ms: p.ms - (base.get(p.n) ?? 0) })).filter((p) => p.ms >= FLOOR_MS);
  return { pts: net.length >= 3 ? net : usable, copyDominates };
}

/** A slope within this of a class's expected slope is taken as that class. */
const ON_CLASS = 0.15;

// Is the claim's class (or one timing cannot tell from it: O(1)/O(log n), O(n)/O(n log n)) the nearest class to
// the measured slope? The agreement bands alone reach halfway to a neighbour (O(sqrt n) and O(n) are 0.5 apart).
function claimIsNearest(claim: ComplexityClass, s: number): boolean {
  const classes: ComplexityClass[] = ["O(1)", "O(log n)", "O(sqrt n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)"];
  const e = expectedSlope(claim);
  return classes.every((c) => Math.abs(expectedSlope(c) - e) <= 0.1 || Math.abs(s - e) <= Math.abs(s - expectedSlope(c)));
}

// The polynomial class whose expected slope the measured slope sits on, if any.
export function nearestClass(s: number): { cls: ComplexityClass } | undefined {
  const classes: ComplexityClass[] = ["O(1)", "O(sqrt n)", "O(n)", "O(n^2)", "O(n^3)"];
  const hit = classes.find((c) => Math.abs(expectedSlope(c) - s) <= ON_CLASS);
  return hit ? { cls: hit } : undefined;
}

// Compares a claimed class with measured times. Sound in both directions only when the function's own work dominates
// the measured time; when copying the arguments dominates, the measured growth is only an upper bound, so only a claim
// that grows clearly faster than it is refuted. A borderline measurement stays unverifiable.
export function judgeGrowth(claim: ComplexityClass, m: GrowthMeasurement): Judgement {
  const overall = judgeOnce(claim, m);
  // no timing job judged on its own may point the other way (correct against wrong): else the machine disturbed
  // the measurement; a job that is merely borderline does not veto
  const perRun = (m.runs ?? []).filter((r) => r.filter((p) => p.ms >= FLOOR_MS).length >= 3).map((r) => judgeOnce(claim, { ...m, points: r }));
  const opposite = overall.label === "correct" ? "wrong" : overall.label === "wrong" ? "correct" : undefined;
  if (opposite && perRun.some((j) => j.label === opposite)) {
    const slopes = (m.runs ?? []).map(runSlope).filter((x): x is number => x !== undefined);
    return { label: "unverifiable", evidence: `${overall.evidence}; but the timing jobs disagree (slopes ${slopes.map((x) => x.toFixed(2)).join(", ")}): the machine was too busy to tell` };
  }
  return overall;
}

// With only two measurable sizes (growth so steep that the schedule jumped past the rest), a time ratio far beyond
// what the claimed polynomial allows between them (3x its ratio, and over 3x) is still unmistakable: 21 ms at
// n=12 and 102 ms at n=13 is not O(n^2), which allows 1.17x there. Undefined when it is not that clear.
function explosiveGrowth(claim: ComplexityClass, pts: readonly TimingPoint[]): string | undefined {
  if (pts.length !== 2 || claim === "O(2^n)") return undefined;
  const [a, b] = pts as [TimingPoint, TimingPoint];
  const r = b.ms / a.ms;
  const allowed = (b.n / a.n) ** expectedSlope(claim);
  if (b.n <= a.n || r < 3 || r < 3 * allowed) return undefined;
  return `${show(pts)}: ${r.toFixed(1)}x the time for ${(b.n / a.n).toFixed(2)}x the size, far beyond the ${allowed.toFixed(2)}x ${claim} allows`;
}

// The judgement of one set of timing points.
function judgeOnce(claim: ComplexityClass, m: GrowthMeasurement): Judgement {
  const last = m.points.at(-1);
  const stopped = m.stopped ? ` (timing stopped: ${m.stopped})` : "";
  if (!last) return { label: "unverifiable", evidence: `no timing point${stopped}` };
  const { pts, copyDominates } = fitSet(m);
  if (pts.length < 3) {
    const steep = explosiveGrowth(claim, pts);
    if (steep) return { label: "wrong", type: "inconsistent-step", evidence: `${steep}${stopped}` };
    if (last.n < 2 ** 20) return { label: "unverifiable", evidence: `too few measurable sizes (${show(m.points.slice(-3))})${stopped}` };
    const flat = `at n=${last.n} one call takes ${fmt(last.ms)} ms: no measurable growth`;
    if (expectedSlope(claim) <= 0.5) return { label: "correct", evidence: `${flat}, consistent with ${claim}` };
    if (expectedSlope(claim) >= 2 || last.ms < 0.2) return { label: "wrong", type: "inconsistent-step", evidence: `${flat}; ${claim} would take far longer` };
    return { label: "unverifiable", evidence: `${flat}, borderline for ${claim} (fast linear work in C)` };
  }
  const xs = pts.map((p) => Math.log(p.n));
  const s = robustSlope(
    xs,
    pts.map((p) => Math.log(p.ms)),
  );
  const measured = `log-log slope ${s.toFixed(2)} over ${show(pts)}${copyDominates ? " (copying the arguments is most of this time)" : ""}${stopped}`;
  const e = expectedSlope(claim);
  if (claim === "O(2^n)") {
    if (s >= 4.5) return { label: "correct", evidence: `${measured}: super-polynomial growth, consistent with ${claim}` };
    if (s <= 2.5) return { label: "wrong", type: "inconsistent-step", evidence: `${measured}: polynomial growth, not ${claim}` };
    return { label: "unverifiable", evidence: `${measured}: borderline for ${claim}` };
  }
  const diff = s - e;
  // close neighbours (O(sqrt n) and O(n) are 0.5 apart): wrong when the slope sits right on another class, before
  // the agreement bands (which are wide enough to reach a neighbour) are consulted
  const near = nearestClass(s);
  if (near && near.cls !== claim && expectedSlope(near.cls) !== e && Math.abs(diff) >= 0.4 && (diff < 0 || !copyDominates)) {
    return { label: "wrong", type: "inconsistent-step", evidence: `${measured}: that is ${near.cls} (expected about ${expectedSlope(near.cls)}), not ${claim} (expected about ${e})` };
  }
  if (diff >= -AGREE_BELOW && diff <= AGREE_ABOVE && !copyDominates && claimIsNearest(claim, s)) return { label: "correct", evidence: `${measured}, consistent with ${claim} (expected about ${e})` };
  if (diff <= -DISAGREE_BELOW) return { label: "wrong", type: "inconsistent-step", evidence: `${measured}: grows clearly slower than ${claim} (expected about ${e})` };
  if (diff >= DISAGREE_ABOVE && !copyDominates) return { label: "wrong", type: "inconsistent-step", evidence: `${measured}: grows clearly faster than ${claim} (expected about ${e})` };
  return { label: "unverifiable", evidence: `${measured}: ${copyDominates ? "the function's own growth is hidden by the copy" : "borderline"} for ${claim} (expected about ${e})` };
}
