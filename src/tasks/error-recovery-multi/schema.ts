import { z } from "zod";
import { TestSpec } from "../../core/test-spec.js";

// One test's outcome as a turn records it.
export const RecordedTestOutcome = z.object({
  /** The test's name ("line 2: assert f(3) == 9"), its statement, or "line N"/"case N". */
  name: z.string().min(1),
  status: z.enum(["pass", "fail", "error"]),
  /** The error text recorded for it ("Type: message", or "AssertionError: got X, expected Y"). */
  message: z.string().optional(),
});
export type RecordedTestOutcome = z.infer<typeof RecordedTestOutcome>;

// What a turn says running its code gave.
export const TurnFeedback = z.object({
  /** Per-test outcomes (any subset of the visible tests). */
  tests: z.array(RecordedTestOutcome).default([]),
  /** Error text the run printed (a traceback or "Type: message"); it must be the error of a failing test. */
  error: z.string().optional(),
  /** true: "all visible tests pass"; false: "some test fails". */
  all_pass: z.boolean().optional(),
});
export type TurnFeedback = z.infer<typeof TurnFeedback>;

// One attempt: full code, or a unified diff against the previous turn's code; its feedback; the reflection on
// that feedback that leads to the next turn (absent on the last turn).
export const Turn = z
  .object({
    /** The whole solution.py of this turn. */
    code: z.string().optional(),
    /** A unified diff (file solution.py) against the previous turn's code. */
    patch: z.string().optional(),
    feedback: TurnFeedback,
    /** The model's reading of the feedback: what failed and why, what to change. */
    reflection: z.string().optional(),
  })
  .refine((t) => (t.code === undefined) !== (t.patch === undefined), "a turn carries exactly one of code or patch");
export type Turn = z.infer<typeof Turn>;

// A multi-turn error-recovery trajectory: attempts, their (recorded) test feedback and reflections, until the
// last turn, which must pass.
export const ErrorRecoveryMulti = z
  .object({
    task: z.literal("error-recovery-multi"),
    id: z.string().min(1),
    /** The problem statement, for people (not checked). */
    problem: z.string().optional(),
    /** The function the tests call: needed for the differential check against `reference`. */
    entry_point: z.string().optional(),
    /** The visible tests every turn runs. */
    tests: TestSpec,
    /** Tests no turn saw: the last turn must pass them too (else pseudo-fix). */
    hidden_tests: TestSpec.optional(),
    /** A correct solution: the last turn must agree with it on generated inputs (else pseudo-fix). */
    reference: z.string().optional(),
    turns: z.array(Turn).min(1),
  })
  .refine((r) => r.turns[0]?.code !== undefined, { message: "the first turn must carry full code", path: ["turns", 0, "code"] });
export type ErrorRecoveryMulti = z.infer<typeof ErrorRecoveryMulti>;
