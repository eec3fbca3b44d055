import type { Judgement } from "../shared/differential.js";
import { operations, parseComplexity, type ComplexityClass } from "../planning/complexity.js";
import type { AlgorithmClass, ClaimedConstraint, DifficultyLabel, Factor, FactorKind } from "./schema.js";
import { normalizeName } from "./statement-bounds.js";

export type Weight = "trivial" | "moderate" | "hard";

// How much each factor kind says about difficulty.
export const FACTOR_WEIGHT: Record<FactorKind, Weight> = {
  "small-input": "trivial",
  "single-loop": "trivial",
  "direct-formula": "trivial",
  "string-basics": "trivial",
  "standard-library": "trivial",
  "edge-cases": "moderate",
  "large-input": "moderate",
  "known-algorithm": "moderate",
  "careful-implementation": "moderate",
  sorting: "moderate",
  "modular-arithmetic": "moderate",
  recursion: "moderate",
  "non-obvious-insight": "hard",
  "advanced-dp": "hard",
  "advanced-data-structure": "hard",
  "graph-theory": "hard",
  "combinatorics-proof": "hard",
  "game-theory": "hard",
  "geometry-precision": "hard",
};

const ALL: ComplexityClass[] = ["O(1)", "O(log n)", "O(sqrt n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)"];

// The complexity classes an algorithm family can have (a binary search is logarithmic per search, a DP visits its states).
export const ALGORITHM_CLASSES: Record<AlgorithmClass, readonly ComplexityClass[]> = {
  formula: ["O(1)", "O(log n)", "O(sqrt n)"],
  simulation: ALL,
  "brute-force": ALL,
  greedy: ["O(n)", "O(n log n)", "O(n^2)"],
  sorting: ["O(n log n)", "O(n^2)"],
  "binary-search": ["O(log n)", "O(n log n)"],
  "two-pointers": ["O(n)", "O(n log n)"],
  "prefix-sums": ["O(n)", "O(n log n)", "O(n^2)"],
  hashing: ["O(n)", "O(n log n)", "O(n^2)"],
  dp: ["O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)"],
  "graph-search": ["O(n)", "O(n log n)"],
  "shortest-paths": ["O(n log n)", "O(n^2)", "O(n^3)"],
  "number-theory": ["O(1)", "O(log n)", "O(sqrt n)", "O(n)", "O(n log n)"],
  backtracking: ["O(2^n)"],
  "data-structure": ["O(log n)", "O(n)", "O(n log n)"],
};

/** An intended solution needing more elementary operations than this at the stated bound cannot be the intended one. */
export const MAX_OPERATIONS = 5e9;

// The claimed constraints against the statement's numbers: a bound the statement contradicts is an inconsistent-step.
export function judgeConstraints(claims: readonly ClaimedConstraint[], bounds: ReadonlyMap<string, number[]>): Judgement {
  if (!claims.length) return { label: "unverifiable", evidence: "no constraint claimed" };
  const ok: string[] = [];
  const unknown: string[] = [];
  for (const c of claims) {
    const stated = bounds.get(normalizeName(c.name));
    if (!stated) unknown.push(c.name);
    else if (stated.includes(c.max)) ok.push(`${c.name} ≤ ${c.max}`);
    else return { label: "wrong", type: "inconsistent-step", evidence: `the statement bounds ${c.name} by ${stated.join(" (or ")}${stated.length > 1 ? ")" : ""}, not ${c.max}` };
  }
  if (!ok.length) return { label: "unverifiable", evidence: `the statement gives no numeric bound for ${unknown.join(", ")}` };
  return { label: "correct", evidence: `the statement says ${ok.join(", ")}${unknown.length ? `; no bound stated for ${unknown.join(", ")}` : ""}` };
}

// The stated (or, lacking one, claimed) upper bound of a variable: the largest reading.
function boundOf(name: string, claims: readonly ClaimedConstraint[], bounds: ReadonlyMap<string, number[]>): number | undefined {
  const stated = bounds.get(normalizeName(name));
  if (stated) return Math.max(...stated);
  return claims.find((c) => normalizeName(c.name) === normalizeName(name))?.max;
}

// The algorithm family against its claimed complexity, and that complexity against the bound of its variable.
export function judgeAlgorithm(
  algo: { class: AlgorithmClass; complexity: string } | undefined,
  claims: readonly ClaimedConstraint[],
  bounds: ReadonlyMap<string, number[]>,
): Judgement {
  if (!algo) return { label: "unverifiable", evidence: "no intended algorithm claimed" };
  const cx = parseComplexity(algo.complexity);
  if (!cx) return { label: "unverifiable", evidence: `${algo.complexity} is not a single-variable class Vouch compares` };
  const allowed = ALGORITHM_CLASSES[algo.class];
  if (!allowed.includes(cx.cls)) {
    return { label: "wrong", type: "inconsistent-step", evidence: `a ${algo.class} solution is ${allowed.join(" or ")}, not ${cx.cls}` };
  }
  const n = boundOf(cx.variable, claims, bounds);
  if (n === undefined) return { label: "correct", evidence: `${cx.cls} fits a ${algo.class} solution; no bound known for ${cx.variable}` };
  const ops = operations(cx.cls, n);
  if (ops > MAX_OPERATIONS) {
    return { label: "wrong", type: "inconsistent-step", evidence: `${cx.cls} at ${cx.variable} = ${n} is about ${ops.toExponential(1)} operations: no intended solution is that slow` };
  }
  return { label: "correct", evidence: `${cx.cls} fits a ${algo.class} solution; about ${ops.toExponential(1)} operations at ${cx.variable} = ${n}` };
}

/** Bounds at or above this make a "large-input" factor plausible; all bounds at or below SMALL make "small-input" so. */
export const LARGE = 1e5;
export const SMALL = 5000;

// The label against the factors cited for it: "hard" needs a hard factor, "medium" a non-trivial one, "easy" none
// that is hard (logical-leap: the label does not follow from its own reasons). A size factor the statement's
// numbers contradict is an inconsistent-step.
export function judgeLabel(label: DifficultyLabel, factors: readonly Factor[], claims: readonly ClaimedConstraint[], bounds: ReadonlyMap<string, number[]>): Judgement {
  const sizes = claims.map((c) => boundOf(c.name, claims, bounds)).filter((v): v is number => v !== undefined);
  const maxSize = sizes.length ? Math.max(...sizes) : undefined;
  for (const f of factors) {
    if (f.kind === "large-input" && maxSize !== undefined && maxSize < LARGE / 10) {
      return { label: "wrong", type: "inconsistent-step", evidence: `"${f.detail}" cites large inputs, but the largest bound is ${maxSize}` };
    }
    if (f.kind === "small-input" && maxSize !== undefined && maxSize >= LARGE) {
      return { label: "wrong", type: "inconsistent-step", evidence: `"${f.detail}" cites small inputs, but a bound is ${maxSize}` };
    }
  }
  const weights = factors.map((f) => FACTOR_WEIGHT[f.kind]);
  const cited = factors.map((f) => `${f.kind} (${FACTOR_WEIGHT[f.kind]})`).join(", ");
  if (label === "hard" && !weights.includes("hard")) return { label: "wrong", type: "logical-leap", evidence: `labelled hard, but every cited factor is trivial or moderate: ${cited}` };
  if (label === "medium" && weights.every((w) => w === "trivial")) return { label: "wrong", type: "logical-leap", evidence: `labelled medium, but every cited factor is trivial: ${cited}` };
  if (label === "easy" && weights.includes("hard")) return { label: "wrong", type: "logical-leap", evidence: `labelled easy, yet it cites a hard factor: ${cited}` };
  return { label: "correct", evidence: `${label} follows from the cited factors: ${cited}` };
}

/** The scores each label admits (1-10; neighbouring bands overlap by one point). */
export const SCORE_BANDS: Record<DifficultyLabel, [number, number]> = { easy: [1, 4], medium: [3, 7], hard: [6, 10] };

// The numeric score against the label's band.
export function judgeScore(label: DifficultyLabel, score: number): Judgement {
  const [lo, hi] = SCORE_BANDS[label];
  if (score >= lo && score <= hi) return { label: "correct", evidence: `score ${score} is in the ${label} band ${lo}-${hi}` };
  return { label: "wrong", type: "inconsistent-step", evidence: `score ${score} is outside the ${label} band ${lo}-${hi}` };
}
