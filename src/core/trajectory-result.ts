import { z } from "zod";
import { StageOutcome, StepVerdict, ErrorType } from "./taxonomy.js";

// The trajectory kinds Vouch verifies (src/tasks/<kind>/).
export const TaskKind = z.enum([
  "error-recovery",
  "error-recovery-multi",
  "planning",
  "implementation",
  "quality-evaluation",
  "difficulty-estimation",
  "unit-test-walkthrough",
]);
export type TaskKind = z.infer<typeof TaskKind>;

// The verdict on a trajectory: pass when every checkable claim held, fail when one did not,
// infra-error when the sandbox failed (never the trajectory's fault).
export const TrajectoryVerdict = z.enum(["pass", "fail", "infra-error"]);
export type TrajectoryVerdict = z.infer<typeof TrajectoryVerdict>;

// One result line of `vouch verify` for a trajectory record.
export const TrajectoryResult = z.object({
  id: z.string(),
  task: TaskKind,
  verdict: TrajectoryVerdict,
  stages: z.array(StageOutcome),
  steps: z.array(StepVerdict),
  /** Error types found by rules and execution, in the order of the steps that carry them (judged steps apart). */
  errors: z.array(ErrorType),
  /** Index of the first step rules or execution labelled wrong, or -1 (a step the judge labelled wrong is not counted). */
  firstWrongStep: z.number().int().min(-1),
  /** Step-level score in [0,1]: correct 1, unverifiable 0.5, wrong 0, averaged; not only the final answer. */
  processScore: z.number().min(0).max(1),
  /** Facts the verifier measured that are not step labels (observed outputs, metrics, timings). */
  observed: z.record(z.string(), z.unknown()).optional(),
  message: z.string().optional(),
  durationMs: z.number().nonnegative(),
  cached: z.boolean(),
  image: z.string(),
  key: z.string(),
});
export type TrajectoryResult = z.infer<typeof TrajectoryResult>;
