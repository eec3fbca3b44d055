import { z } from "zod";
import type { QuestionType } from "./question.js";

// The error types a judge may give: readings of prose, never execution outcomes (those are execution's to say).
export const JudgedErrorType = z.enum(["logical-leap", "pseudo-explanation", "hallucinated-step", "inconsistent-step", "redundant-step", "arithmetic-error"]);
export type JudgedErrorType = z.infer<typeof JudgedErrorType>;

// The math evaluator's error labels, for the math-step question.
export const MathErrorType = z.enum(["arithmetic-error", "invalid-transformation", "undefined-variable", "inconsistent-step"]);

// Whitespace folded, quotes and case ignored: a quote is matched against the step as a reader would.
export function normalise(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

// Whether a reply's quote is really in the step (leading/trailing quote marks and ellipses dropped).
export function quotedFrom(quote: string, step: string): boolean {
  const q = normalise(quote.replace(/^[\s"'`.…]+|[\s"'`.…]+$/g, ""));
  return q.length > 0 && normalise(step).includes(q);
}

// The reply schema of one question: label, error type (when wrong), a quote that must be in `step`, a reason.
export function replySchema(type: QuestionType, step: string) {
  const errorType = type === "math-step" ? MathErrorType : JudgedErrorType;
  return z
    .object({
      label: z.enum(["correct", "wrong"]),
      error_type: errorType.nullable().optional(),
      quote: z.string().min(1).max(600),
      reason: z.string().min(1).max(600),
    })
    .superRefine((r, ctx) => {
      if (!quotedFrom(r.quote, step)) ctx.addIssue({ code: "custom", path: ["quote"], message: `the quote ${JSON.stringify(r.quote.slice(0, 120))} is not in the step` });
      if (r.label === "wrong" && !r.error_type) ctx.addIssue({ code: "custom", path: ["error_type"], message: "a wrong step needs its error type" });
    });
}
export type JudgeReply = z.output<ReturnType<typeof replySchema>>;
