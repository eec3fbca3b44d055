import { z } from "zod";

// Step labels of the math evaluator: one "correct", the error kinds, and the two "cannot say" labels.
export const MathLabel = z.enum([
  "correct",
  "arithmetic-error", // a calculation is wrong: 48 / 4 = 13
  "invalid-transformation", // an equation or expression was rewritten into a non-equivalent one, or the action was not performed
  "undefined-variable", // a variable neither given nor defined earlier
  "inconsistent-step", // contradicts an earlier step (x = 7 earlier, x = 9 now)
  "unparseable", // the step's math could not be read
  "unverifiable", // nothing checkable, or checks that cannot decide
]);
export type MathLabel = z.infer<typeof MathLabel>;

export const ERROR_LABELS: ReadonlySet<MathLabel> = new Set(["arithmetic-error", "invalid-transformation", "undefined-variable", "inconsistent-step"]);

// A step of a structured solution: what it does (action) and the expression or equation it arrives at.
export const StructuredStep = z.object({
  i: z.number().int().nonnegative().optional(),
  action: z.string().min(1),
  expr: z.string().min(1),
  /** Variables this step introduces: names, or names with the value/definition given to them. */
  vars: z.union([z.array(z.string()), z.record(z.string(), z.union([z.string(), z.number()]))]).optional(),
});
export type StructuredStep = z.infer<typeof StructuredStep>;

// An answer as written; null (as some exporters write "no answer") is the same as absent.
const Answer = z.union([z.string(), z.number(), z.null()]).transform((v) => (v === null ? undefined : String(v)));

// The label a fixture expects (ignored by the evaluator; read by `vouch math-eval`).
export const ExpectedLabel = z.object({
  first_error_step: z.number().int().min(-1),
  label: MathLabel.optional(),
});
export type ExpectedLabel = z.infer<typeof ExpectedLabel>;

export const StructuredRecord = z.object({
  id: z.string().min(1),
  problem: z.string(),
  given: z.array(z.string()).default([]),
  target: z.string().min(1),
  steps: z.array(StructuredStep).min(1),
  final_answer: Answer.optional(),
  reference_answer: Answer.optional(),
  _label: ExpectedLabel.optional(),
  /** The benchmark subset a labelled record comes from (ProcessBench: gsm8k, math, olympiadbench, omnimath). */
  subset: z.string().optional(),
});
export type StructuredRecord = z.output<typeof StructuredRecord>;

export const NaturalRecord = z.object({
  id: z.string().min(1),
  problem: z.string(),
  steps: z.array(z.string()).min(1),
  final_answer: Answer.optional(),
  reference_answer: Answer.optional(),
  _label: ExpectedLabel.optional(),
  subset: z.string().optional(),
});
export type NaturalRecord = z.output<typeof NaturalRecord>;

// Either shape, told apart by its steps (objects: structured, strings: natural language); the issues are those of
// the chosen shape, with their field paths, rather than zod's "no union member matched".
export const MathRecord = z.unknown().transform((raw, ctx) => {
  const steps = (raw as { steps?: unknown } | null)?.steps;
  const structured = Array.isArray(steps) && typeof steps[0] === "object" && steps[0] !== null;
  const parsed = structured ? StructuredRecord.safeParse(raw) : NaturalRecord.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return structured
    ? { kind: "structured" as const, record: parsed.data as StructuredRecord }
    : { kind: "natural" as const, record: parsed.data as NaturalRecord };
});
export type MathRecord = z.output<typeof MathRecord>;

export const StepResult = z.object({
  index: z.number().int().nonnegative(),
  label: MathLabel,
  evidence: z.string(),
  /** Who decided an otherwise unverifiable step: absent for the offline checks, "judge" for the optional judge. */
  by: z.literal("judge").optional(),
  /** With by "judge": the judge's model and its samples' agreement. */
  model: z.string().optional(),
  confidence: z.number().min(0).max(1).optional(),
  /** Claims of this step the offline checks read but could not decide (present when there are any): an error may
   * hide there, so a flag after this step is not claimed as the solution's first error (see first-error.ts). */
  undecided: z.number().int().positive().optional(),
});
export type StepResult = z.infer<typeof StepResult>;

export const AnswerVerdict = z.enum(["equivalent", "different", "unverifiable"]);
export type AnswerVerdict = z.infer<typeof AnswerVerdict>;

export const AnswerResult = z.object({
  verdict: AnswerVerdict,
  candidate: z.string().optional(),
  reference: z.string().optional(),
  evidence: z.string(),
});
export type AnswerResult = z.infer<typeof AnswerResult>;

// One output line of `vouch math`.
export const MathResult = z.object({
  id: z.string(),
  kind: z.enum(["structured", "natural"]),
  first_error_step: z.number().int().min(-1),
  /** With a flagged step: true when every claim in the steps before it was decided, so first_error_step is the
   * solution's first error in its written math; false when earlier steps hold claims Vouch could not decide, so the
   * first error is at or before first_error_step (a bound, not an exact claim). */
  first_error_exact: z.boolean().optional(),
  steps: z.array(StepResult),
  final_answer: AnswerResult,
});
export type MathResult = z.infer<typeof MathResult>;
