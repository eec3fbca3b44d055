import { z } from "zod";
import { TestSpec } from "../../core/test-spec.js";

// The difficulty label a self-evaluation gives.
export const DifficultyLabel = z.enum(["easy", "medium", "hard"]);
export type DifficultyLabel = z.infer<typeof DifficultyLabel>;

// What makes a problem hard, as a self-evaluation cites it. Each kind has a weight (factors.ts): trivial, moderate or hard.
export const FactorKind = z.enum([
  // trivial
  "small-input",
  "single-loop",
  "direct-formula",
  "string-basics",
  "standard-library",
  // moderate
  "edge-cases",
  "large-input",
  "known-algorithm",
  "careful-implementation",
  "sorting",
  "modular-arithmetic",
  "recursion",
  // hard
  "non-obvious-insight",
  "advanced-dp",
  "advanced-data-structure",
  "graph-theory",
  "combinatorics-proof",
  "game-theory",
  "geometry-precision",
]);
export type FactorKind = z.infer<typeof FactorKind>;

// The algorithm family of the intended solution (each admits some complexity classes, see factors.ts).
export const AlgorithmClass = z.enum([
  "formula",
  "simulation",
  "brute-force",
  "greedy",
  "sorting",
  "binary-search",
  "two-pointers",
  "prefix-sums",
  "hashing",
  "dp",
  "graph-search",
  "shortest-paths",
  "number-theory",
  "backtracking",
  "data-structure",
]);
export type AlgorithmClass = z.infer<typeof AlgorithmClass>;

// One cited difficulty factor.
export const Factor = z.object({
  /** Its kind (the weight Vouch gives it follows from the kind). */
  kind: FactorKind,
  /** The factor in the trajectory's words. */
  detail: z.string().min(1),
});
export type Factor = z.infer<typeof Factor>;

// A constraint the estimate relies on: a variable of the statement and its upper bound.
export const ClaimedConstraint = z.object({
  /** The variable as the statement names it ("n", "|s|", "a_i"). */
  name: z.string().min(1),
  /** Its upper bound as the estimate states it. */
  max: z.number(),
});
export type ClaimedConstraint = z.infer<typeof ClaimedConstraint>;

// A difficulty self-evaluation of one problem, with optional candidate solutions whose pass rate is the problem's
// empirical difficulty (for the batch calibration).
export const DifficultyEstimationRecord = z.object({
  task: z.literal("difficulty-estimation"),
  id: z.string().min(1),
  /** The problem statement, with its constraints as given. */
  problem: z.string().min(1),
  /** The constraints the estimate relies on. */
  constraints: z.array(ClaimedConstraint).default([]),
  /** The intended solution: its algorithm family and claimed time complexity. */
  algorithm: z.object({ class: AlgorithmClass, complexity: z.string().min(1) }).optional(),
  /** The factors the estimate cites, at least one. */
  factors: z.array(Factor).min(1, "a difficulty estimate must cite at least one factor"),
  /** The difficulty label. */
  label: DifficultyLabel,
  /** The numeric difficulty, 1 (trivial) to 10 (hardest). */
  score: z.number().min(1).max(10),
  /** Candidate solutions (e.g. sampled from models); their pass rate on `tests` is the empirical difficulty. */
  solutions: z.array(z.string()).optional(),
  /** Tests the solutions run against. */
  tests: TestSpec.optional(),
});
export type DifficultyEstimationRecord = z.infer<typeof DifficultyEstimationRecord>;
