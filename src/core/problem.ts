import { z } from "zod";
import { TestSpec } from "./test-spec.js";

// The five categories of metadata `vouch annotate` adds to a problem (the seed process of the design).
export const Annotation = z.object({
  /** Problem classification: a category ("string processing", "graph") and finer topics. */
  classification: z.object({
    category: z.string().min(1),
    topics: z.array(z.string().min(1)).default([]),
  }),
  /** Difficulty analysis: a level and the reasons for it. */
  difficulty: z.object({
    level: z.enum(["easy", "medium", "hard"]),
    reasons: z.array(z.string().min(1)).min(1),
  }),
  /** Solution approaches, each with its ordered steps and claimed time complexity. */
  approaches: z
    .array(
      z.object({
        name: z.string().min(1),
        complexity: z.string().optional(),
        steps: z.array(z.string().min(1)).min(1),
      }),
    )
    .min(1),
  /** Common implementation pitfalls (off-by-one bounds, empty input, ...). */
  pitfalls: z.array(z.object({ pitfall: z.string().min(1), example: z.string().optional() })).min(1),
  /** How a solution can be verified (edge cases to test, properties, brute-force cross-checks). */
  verification: z.array(z.object({ method: z.string().min(1), detail: z.string() })).min(1),
});
export type Annotation = z.infer<typeof Annotation>;

// A problem Vouch generates trajectories for, in its normalised shape (src/dataset/problem-shapes.ts maps
// OpenCodeReasoning-, tulu-personas- and HumanEval/MBPP-shaped inputs onto it).
export const Problem = z.object({
  id: z.string().min(1),
  /** Where it comes from (dataset name), for people. */
  source: z.string().optional(),
  language: z.literal("python").default("python"),
  /** The statement. */
  prompt: z.string().min(1),
  /** The function the tests call; absent for stdin/stdout programs. */
  entry_point: z.string().optional(),
  /** A reference solution that passes `tests`. */
  solution: z.string().optional(),
  /** Tests of the problem; absent when the input had none and none were generated yet. */
  tests: TestSpec.optional(),
  /** Added by `vouch annotate`. */
  annotations: Annotation.optional(),
  /** Which model wrote the annotations (and tests, when generated), with the prompt version. */
  provenance: z.record(z.string(), z.string()).optional(),
  meta: z.record(z.string(), z.unknown()).optional(),
});
export type ProblemInput = z.input<typeof Problem>;
export type Problem = z.output<typeof Problem>;

// A problem once annotated: what `vouch generate` reads.
export const AnnotatedProblem = Problem.extend({ annotations: Annotation });
export type AnnotatedProblem = z.output<typeof AnnotatedProblem>;
