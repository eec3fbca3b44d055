import { z } from "zod";
import { TestSpec } from "../../core/test-spec.js";

// One function of the design: the hierarchical organisation the code is meant to have.
export const DesignFunction = z.object({
  /** The function's name as the code will define it ("helper" or "Class.method"). */
  name: z.string().min(1),
  /** What it is responsible for, in prose. */
  role: z.string(),
  /** Other functions of the design (or the code) it calls; checked against the code's call sites. */
  calls: z.array(z.string().min(1)).default([]),
});
export type DesignFunction = z.infer<typeof DesignFunction>;

// The design: the approach in prose and the functions that carry it out.
export const Design = z.object({
  /** The algorithm or strategy, in prose. */
  approach: z.string().min(1),
  /** The functions the code will define, top-down (at least one). */
  functions: z.array(DesignFunction).min(1),
});
export type Design = z.infer<typeof Design>;

// An edge case the trajectory identified, with the behaviour it expects.
export const EdgeCase = z
  .object({
    /** A call of the entry point as Python, e.g. "second_smallest([1, 1])". */
    call: z.string().min(1),
    /** The return value expected, as a Python literal ("None", "[1, 2]"); absent when an exception is expected. */
    expected: z.string().min(1).optional(),
    /** The exception type expected instead of a value ("ValueError"). */
    raises: z.string().min(1).optional(),
    /** Why this case matters. */
    reason: z.string(),
  })
  .refine((e) => (e.expected === undefined) !== (e.raises === undefined), "give exactly one of expected or raises");
export type EdgeCase = z.infer<typeof EdgeCase>;

// A solution-implementation trajectory: requirement analysis, design, edge cases, then the code.
export const ImplementationRecord = z.object({
  task: z.literal("implementation"),
  /** Unique id of the record. */
  id: z.string().min(1),
  /** The problem statement the trajectory solves. */
  problem: z.string().min(1),
  /** The function the tests call. */
  entry_point: z.string().min(1),
  /** Requirement analysis: what the function must do, one point per item. */
  requirements: z.array(z.string().min(1)).min(1),
  /** The design: approach and functions. */
  design: Design,
  /** The edge cases the trajectory considered, each with its expected behaviour (at least one). */
  edge_cases: z.array(EdgeCase).min(1),
  /** The final implementation (Python source). */
  code: z.string().min(1),
  /** The visible tests (the ones the problem shows). */
  tests: TestSpec,
  /** Tests the trajectory never saw; a pass on visible tests and a fail here is a pseudo-fix. */
  hidden_tests: TestSpec.optional(),
  /** A trusted solution: edge-case expectations and differential runs are checked against it. */
  reference: z.string().optional(),
  /** A Python predicate over the entry point's arguments ("lambda n: n >= 0"): generated inputs outside it are not used. */
  input_domain: z.string().optional(),
});
export type ImplementationRecord = z.infer<typeof ImplementationRecord>;
