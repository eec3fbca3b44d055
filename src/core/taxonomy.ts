import { z } from "zod";

// The error taxonomy of the design (process-supervision practice) plus execution outcomes.
export const ErrorType = z.enum([
  "arithmetic-error",
  "logical-leap",
  "pseudo-explanation",
  "hallucinated-step", // invented API, variable, test result, trace value or error message
  "scope-violation", // a patch touches what the task forbids (tests, test infrastructure, code outside the diagnosis)
  "pseudo-fix", // passes the visible tests, fails hidden/differential ones or breaks pass-to-pass
  "redundant-step",
  "inconsistent-step", // analysis and code (or two steps) disagree
  "syntax-error",
  "runtime-error",
  "wrong-answer",
  "timeout",
  "memory-limit",
  "output-limit",
]);
export type ErrorType = z.infer<typeof ErrorType>;

// A step is correct, wrong (with an error type), or could not be checked.
export const StepLabel = z.enum(["correct", "wrong", "unverifiable"]);
export type StepLabel = z.infer<typeof StepLabel>;

// One step of a trajectory, as Vouch judged it.
export const StepVerdict = z.object({
  index: z.number().int().nonnegative(),
  /** What the step is, in the trajectory's own terms: "diagnosis", "turn 2 feedback", "walkthrough step 4". */
  name: z.string(),
  label: StepLabel,
  errorType: ErrorType.optional(),
  /** Why: the real output, value, trace line or diff that supports the label. */
  evidence: z.string(),
  /** Absent for the rule and execution stages; "judge" when an LLM judge labelled a step they left unverifiable. */
  source: z.literal("judge").optional(),
  /** The judge's model name (with source "judge"). */
  model: z.string().optional(),
  /** With source "judge": the share of the judge's samples that agreed with the label (1 with one sample). */
  confidence: z.number().min(0).max(1).optional(),
});
export type StepVerdict = z.infer<typeof StepVerdict>;

// The stages of the verification cascade, cheap to expensive.
export const StageName = z.enum(["schema", "static", "execute", "judge"]);
export type StageName = z.infer<typeof StageName>;

export const StageStatus = z.enum(["pass", "fail", "skipped", "error"]);
export type StageStatus = z.infer<typeof StageStatus>;

export const StageOutcome = z.object({
  stage: StageName,
  status: StageStatus,
  durationMs: z.number().nonnegative(),
  /** One line per finding; for a skipped stage, why it was skipped. */
  findings: z.array(z.string()),
});
export type StageOutcome = z.infer<typeof StageOutcome>;
