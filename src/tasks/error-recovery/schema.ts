import { z } from "zod";
import { TestSpec } from "../../core/test-spec.js";

// What the trajectory says the fixed code gives on the visible tests.
export const ClaimedResult = z.object({
  /** true: "all visible tests pass" after the patch. */
  all_pass: z.boolean(),
  /** When all_pass is false: the visible tests the trajectory says still fail (names, statements or "line N"). */
  failing: z.array(z.string()).default([]),
});
export type ClaimedResult = z.infer<typeof ClaimedResult>;

// Where the trajectory localises the bug.
export const Diagnosis = z.object({
  /** The function (qualname, e.g. "f" or "Stack.push") the bug is in: the patch may only change it. */
  function: z.string().min(1),
  /** The 1-based line of the buggy code the bug is on, when the diagnosis names one. */
  line: z.number().int().positive().optional(),
  /** The diagnosis in words. */
  text: z.string(),
});
export type Diagnosis = z.infer<typeof Diagnosis>;

// A single-turn error-recovery trajectory: buggy code fails a test; the trajectory reproduces the error,
// localises it, patches it, explains the patch and says what the tests give afterwards.
export const ErrorRecovery = z.object({
  task: z.literal("error-recovery"),
  id: z.string().min(1),
  /** The problem statement, for people (not checked). */
  problem: z.string().optional(),
  /** The function the tests call: needed for the differential check against `reference`. */
  entry_point: z.string().optional(),
  /** The code before the fix (it is run as solution.py). */
  buggy_code: z.string(),
  /** The visible tests. */
  tests: TestSpec,
  /** Tests the trajectory never saw: the fixed code must pass them too (else pseudo-fix). */
  hidden_tests: TestSpec.optional(),
  /** A correct solution: fixed code and reference must agree on generated inputs (else pseudo-fix). */
  reference: z.string().optional(),
  /** The visible test the trajectory says fails: its name ("line 2: assert f(3) == 9"), its statement, or "line N"/"case N". */
  failing_test: z.string().min(1),
  /** The error the trajectory says that test gives: "Type: message", or a whole traceback. */
  claimed_error: z.string().min(1),
  diagnosis: Diagnosis,
  /** A unified diff against buggy_code (file solution.py). */
  patch: z.string().min(1),
  /** What the patch changes and why, in words; code in backticks. */
  explanation: z.string(),
  claimed_result: ClaimedResult,
});
export type ErrorRecovery = z.infer<typeof ErrorRecovery>;
