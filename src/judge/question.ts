import { z } from "zod";

// The question types: one prompt each (prompts/judge-<type>.txt).
export const QuestionType = z.enum(["explanation", "root-cause", "reflection", "plan-step", "math-step"]);
export type QuestionType = z.infer<typeof QuestionType>;

// What the judge is asked about one step: the step as written, and what the earlier stages gathered.
export const JudgeQuestion = z.object({
  type: QuestionType,
  /** The record the step belongs to. */
  record: z.string().min(1),
  /** The step's index in the cascade (or the math result). */
  index: z.number().int().nonnegative(),
  /** The step's name ("turn 1 reflection", "diagnosis: f line 3"). */
  name: z.string().min(1),
  /** The step's own text: a quote in the reply must come from it. */
  text: z.string().min(1),
  /** What the step is about (the code, the patch, the problem), by heading. */
  context: z.record(z.string(), z.string()).default({}),
  /** What rules and execution found (the real error, the real feedback, trace values), by heading. */
  evidence: z.record(z.string(), z.string()).default({}),
  /** Steps this one rests on (see Cascade.judged). */
  restsOn: z.array(z.number().int().nonnegative()).default([]),
});
export type JudgeQuestion = z.output<typeof JudgeQuestion>;
export type JudgeQuestionInput = z.input<typeof JudgeQuestion>;

const CLIP = 4000;
const clip = (s: string) => (s.length > CLIP ? `${s.slice(0, CLIP)}\n... (${s.length - CLIP} more characters)` : s);

// Sections "### heading\ntext" in a stable order (keys as given), each clipped; "(none)" for an empty record.
export function sections(parts: Readonly<Record<string, string>>): string {
  const out = Object.entries(parts)
    .filter(([, v]) => v.trim() !== "")
    .map(([k, v]) => `### ${k}\n${clip(v.trim())}`);
  return out.length ? out.join("\n\n") : "(none)";
}
