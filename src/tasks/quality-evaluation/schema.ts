import { z } from "zod";
import { TestSpec } from "../../core/test-spec.js";

// A claimed defect: an input on which the code does the wrong thing.
export const BugObservation = z
  .object({
    kind: z.literal("bug"),
    /** The defect in prose. */
    description: z.string(),
    /** A call of the entry point that shows it, as Python: "second_smallest([1, 1, 2])". */
    call: z.string().min(1),
    /** What a correct solution returns there, as a Python literal. */
    expected: z.string().min(1).optional(),
    /** What the code is claimed to return there, as a Python literal. */
    actual: z.string().min(1).optional(),
    /** The exception the code is claimed to raise there instead ("IndexError"). */
    raises: z.string().min(1).optional(),
  })
  .refine((o) => !(o.actual !== undefined && o.raises !== undefined), "give at most one of actual or raises");

// A claim about control-block nesting: in one function, or the deepest anywhere when `function` is absent.
export const NestingObservation = z.object({
  kind: z.literal("nesting-depth"),
  /** The function ("name" or "Class.method"); absent for the whole code. */
  function: z.string().min(1).optional(),
  /** Nesting depth of control blocks (if/for/while/try/with/match) in the body; a flat body is 0. */
  depth: z.number().int().nonnegative(),
  /** The judgement drawn from it, in prose. */
  description: z.string(),
});

// A claim about a function's length in lines (from `def` to its last line).
export const LengthObservation = z.object({
  kind: z.literal("function-length"),
  /** The function ("name" or "Class.method"). */
  function: z.string().min(1),
  /** Its length in lines, `def` line included. */
  lines: z.number().int().positive(),
  /** The judgement drawn from it, in prose. */
  description: z.string(),
});

// A claim that a name is bound and never used (an import, a local variable, a parameter).
export const UnusedObservation = z.object({
  kind: z.literal("unused-name"),
  /** The name claimed unused. */
  name: z.string().min(1),
  /** The judgement drawn from it, in prose. */
  description: z.string(),
});

// A judgement with nothing to measure (naming, readability, documentation).
export const RemarkObservation = z.object({
  kind: z.literal("remark"),
  /** The remark in prose. */
  text: z.string().min(1),
});

// One observation of the evaluation; measurable ones are checked by parsing, bugs by running.
export const Observation = z.discriminatedUnion("kind", [BugObservation, NestingObservation, LengthObservation, UnusedObservation, RemarkObservation]);
export type Observation = z.infer<typeof Observation>;
export type BugObservation = z.infer<typeof BugObservation>;

// A code-quality self-evaluation trajectory: observations about a piece of code, then a high/low verdict.
export const QualityEvaluationRecord = z.object({
  task: z.literal("quality-evaluation"),
  /** Unique id of the record. */
  id: z.string().min(1),
  /** The problem the code is meant to solve. */
  problem: z.string().min(1),
  /** The function the tests call. */
  entry_point: z.string().min(1),
  /** The code under evaluation (Python source). */
  code: z.string().min(1),
  /** The problem's visible tests, when known. */
  tests: TestSpec.optional(),
  /** Tests the evaluator never saw. */
  hidden_tests: TestSpec.optional(),
  /** A trusted solution: bug claims and a "high" verdict are checked against it by differential runs. */
  reference: z.string().optional(),
  /** A Python predicate over the entry point's arguments ("lambda n: n >= 0"): generated inputs outside it are not used. */
  input_domain: z.string().optional(),
  /** The evaluation's observations, in order (at least one). */
  observations: z.array(Observation).min(1),
  /** The overall verdict: "high" (correct and well made) or "low" (a defect or serious quality problem). */
  verdict: z.enum(["high", "low"]),
  /** Why, in prose. */
  rationale: z.string(),
});
export type QualityEvaluationRecord = z.infer<typeof QualityEvaluationRecord>;
