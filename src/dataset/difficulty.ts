import { z } from "zod";
import { functions, parsePython, scanNames, walk } from "../analysis/index.js";
import type { TrajectoryResult } from "../core/trajectory-result.js";
import { allProse, finalCode, stepCount, stepRefs } from "./partition-record.js";

// Difficulty of a verified trajectory from its structure, not its length alone (docs/partition.md):
// five feature groups, each squashed to [0,1] on a log scale, weighted; length is one weak feature.

export const DifficultyBucket = z.enum(["easy", "medium", "hard"]);
export type DifficultyBucket = z.infer<typeof DifficultyBucket>;

export const Difficulty = z.object({
  bucket: DifficultyBucket,
  /** Weighted mean of the normalised features, in [0,1]. */
  score: z.number().min(0).max(1),
  /** The raw features (counts, spans), before normalisation. */
  features: z.record(z.string(), z.number()),
});
export type Difficulty = z.infer<typeof Difficulty>;

/** score < EASY_BELOW is easy; score >= HARD_FROM is hard; medium between (about the tertiles of the 103 labelled
 *  fixtures of fixtures/trajectories with their results, docs/partition.md). */
export const EASY_BELOW = 0.54;
export const HARD_FROM = 0.65;

/** Each feature: the raw value at which it saturates (normalised 1) and its weight in the score. */
export const FEATURE_SCALE = {
  steps: { cap: 16, weight: 0.2 }, // labelled steps (the result's), else step-like items of the record
  branches: { cap: 12, weight: 0.2 }, // control-flow nodes in the final code (tree-sitter)
  nesting: { cap: 4, weight: 0.1 }, // deepest nesting of control blocks in a function
  dependencySpan: { cap: 8, weight: 0.2 }, // max of step span and mean def→use span in code lines
  verification: { cap: 80, weight: 0.2 }, // checks the verifier ran (tests, differential inputs, trace lines, timing points)
  length: { cap: 4000, weight: 0.1 }, // characters of code and prose: weak on purpose
} as const;
type FeatureName = keyof typeof FEATURE_SCALE;

const BRANCH_NODES = new Set([
  "if_statement", "elif_clause", "for_statement", "while_statement", "except_clause", "conditional_expression",
  "for_in_clause", "if_clause", "case_clause", "boolean_operator",
]);

// Control-flow nodes (branch points and loops) in Python code; 0 for code that does not parse at all.
export function branchCount(code: string): number {
  if (!code.trim()) return 0;
  let n = 0;
  for (const node of walk(parsePython(code).rootNode)) if (BRANCH_NODES.has(node.type)) n++;
  return n;
}

// Mean over bound names of the distance in lines from a name's (first) definition to its last use.
export function codeSpan(code: string): number {
  if (!code.trim()) return 0;
  const { bindings, uses } = scanNames(code);
  const first = new Map<string, number>();
  for (const b of bindings) if (b.kind !== "import" && !first.has(b.name)) first.set(b.name, b.line);
  const last = new Map<string, number>();
  for (const u of uses) if (first.has(u.name)) last.set(u.name, Math.max(last.get(u.name) ?? 0, u.line));
  const spans = [...first].map(([name, line]) => Math.max(0, (last.get(name) ?? line) - line));
  return spans.length ? spans.reduce((a, b) => a + b, 0) / spans.length : 0;
}

const STOP = new Set(["the", "a", "an", "and", "or", "of", "to", "in", "is", "it", "for", "on", "so", "that", "this", "with", "def", "return", "if", "else", "not"]);

// How far back steps refer: for each name a step mentions, the distance to the last earlier step that
// mentioned it; the maximum over the record.
export function stepSpan(steps: string[][]): number {
  const lastSeen = new Map<string, number>();
  let max = 0;
  steps.forEach((names, j) => {
    for (const n of new Set(names)) {
      if (STOP.has(n.toLowerCase())) continue;
      const i = lastSeen.get(n);
      if (i !== undefined) max = Math.max(max, j - i);
      lastSeen.set(n, j);
    }
  });
  return max;
}

// Checks the verifier ran, read from the result: a run (anything with a verdict) counts 1, plus test totals,
// failing tests listed, differential inputs, trace lines, timing points and turns.
export function checksRun(observed: unknown): number {
  if (Array.isArray(observed)) return observed.reduce<number>((n, v) => n + checksRun(v), 0);
  if (typeof observed !== "object" || observed === null) return 0;
  let n = "verdict" in observed ? 1 : 0;
  for (const [k, v] of Object.entries(observed)) {
    if (k === "failing" && Array.isArray(v)) n += v.length;
    else if ((k === "total" || k === "inputs" || k === "lines") && typeof v === "number") n += v;
    else if ((k === "points" || k === "turns") && Array.isArray(v)) n += v.length + checksRun(v);
    else if (typeof v === "object") n += checksRun(v);
  }
  return n;
}

const squash = (x: number, cap: number) => Math.min(1, Math.log1p(Math.max(0, x)) / Math.log1p(cap));

// Difficulty of one record (with its verification result when there is one): bucket, score and raw features.
export function difficultyOf(record: unknown, result?: TrajectoryResult): Difficulty {
  const code = finalCode(record);
  const prose = allProse(record).join("\n");
  const fns = code.trim() ? functions(code) : [];
  const stagesRun = result ? result.stages.filter((s) => s.status === "pass" || s.status === "fail").length : 0;
  const checks = result ? checksRun(result.observed) : 0;
  const spanSteps = stepSpan(stepRefs(record));
  const spanCode = codeSpan(code);
  const features = {
    steps: result ? result.steps.length : stepCount(record),
    branches: branchCount(code),
    nesting: fns.reduce((m, f) => Math.max(m, f.nestingDepth), 0),
    stepSpan: spanSteps,
    codeSpan: Math.round(spanCode * 100) / 100,
    stagesRun,
    checks,
    length: code.length + prose.length,
  };
  const norm: Record<FeatureName, number | undefined> = {
    steps: squash(features.steps, FEATURE_SCALE.steps.cap),
    branches: squash(features.branches, FEATURE_SCALE.branches.cap),
    nesting: squash(features.nesting, FEATURE_SCALE.nesting.cap),
    dependencySpan: Math.max(squash(spanSteps, FEATURE_SCALE.dependencySpan.cap), squash(spanCode, FEATURE_SCALE.dependencySpan.cap)),
    // without a result the verification weight is left out, not counted as zero
    verification: result ? 0.25 * Math.min(1, stagesRun / 3) + 0.75 * squash(checks, FEATURE_SCALE.verification.cap) : undefined,
    length: squash(features.length, FEATURE_SCALE.length.cap),
  };
  let total = 0;
  let weights = 0;
  for (const [k, v] of Object.entries(norm) as [FeatureName, number | undefined][]) {
    if (v === undefined) continue;
    total += Math.min(1, v) * FEATURE_SCALE[k].weight;
    weights += FEATURE_SCALE[k].weight;
  }
  const score = Math.round((weights ? total / weights : 0) * 1000) / 1000;
  const bucket: DifficultyBucket = score < EASY_BELOW ? "easy" : score >= HARD_FROM ? "hard" : "medium";
  return { bucket, score, features };
}
