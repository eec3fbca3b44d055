import { z } from "zod";
import { TestSpec } from "../../core/test-spec.js";

// Why an alternative was rejected: too slow, too much memory, not correct, or harder to get right.
export const RejectedFor = z.enum(["time", "memory", "correctness", "simplicity"]);
export type RejectedFor = z.infer<typeof RejectedFor>;

// A strategy the plan considered and did not take.
export const Alternative = z.object({
  /** The approach in a sentence ("brute force over all substrings"). */
  approach: z.string().min(1),
  /** Its time complexity as the trajectory claims it ("O(n^2)"), if stated. */
  complexity: z.string().optional(),
  /** The kind of reason it was rejected for. */
  rejected_for: RejectedFor,
  /** The reason, in the trajectory's words. */
  reason: z.string().min(1, "an alternative needs the reason it was rejected"),
});
export type Alternative = z.infer<typeof Alternative>;

// One ordered step of the plan and the code it becomes.
export const PlanStep = z.object({
  /** What the step does. */
  step: z.string().min(1),
  /** The identifiers, called functions, attributes or defined functions ("Cls.meth", "heapq.heappush") the step becomes in the code. */
  code_refs: z.array(z.string().min(1)).default([]),
});
export type PlanStep = z.infer<typeof PlanStep>;

// A claimed time complexity and how to build an input of size n to time it.
export const ComplexityClaim = z.object({
  /** The claimed class, single variable: O(1), O(log n), O(sqrt n), O(n), O(n log n), O(n^2), O(n^3), O(2^n). */
  time: z.string().min(1),
  /** `lambda n: <argument tuple>` building an input of size n for the entry point (may use `random`). */
  input_builder: z.string().optional(),
});
export type ComplexityClaim = z.infer<typeof ComplexityClaim>;

// A planning trajectory: the problem, the alternatives weighed and rejected, the chosen strategy, the ordered plan,
// its claimed complexity, and optionally the code the plan became and tests for it.
export const PlanningRecord = z.object({
  task: z.literal("planning"),
  id: z.string().min(1),
  /** The problem statement. */
  problem: z.string().min(1),
  /** The function the code defines and the timing calls (absent for stdin/stdout programs). */
  entry_point: z.string().optional(),
  /** Strategies considered and rejected, each with its reason. */
  alternatives: z.array(Alternative).min(1, "a plan must weigh at least one alternative"),
  /** The strategy taken and why. */
  chosen: z.object({ approach: z.string().min(1), reason: z.string().min(1) }),
  /** The plan, in order. */
  plan: z.array(PlanStep).min(1),
  /** The claimed time complexity of the chosen strategy. */
  complexity: ComplexityClaim.optional(),
  /** The code the plan became (Python), if the trajectory carries it. */
  code: z.string().optional(),
  /** Tests the code must pass. */
  tests: TestSpec.optional(),
});
export type PlanningRecord = z.infer<typeof PlanningRecord>;
