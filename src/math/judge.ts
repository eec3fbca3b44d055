import type { MathLabel, StepResult } from "./schema.js";

/** What a judge sees about one step: the problem, every step as written, and what the offline checks said. */
export interface JudgeContext {
  id: string;
  problem: string;
  /** All steps as text (structured steps as "action: expr"), so the judge can read the step in context. */
  steps: readonly string[];
  index: number;
  /** The offline verdict: always "unverifiable" (or "unparseable") when the judge is asked. */
  offline: StepResult;
}

export interface JudgeVerdict {
  label: MathLabel;
  evidence: string;
  /** The judge's model name, kept on the step. */
  model?: string;
  /** Share of the judge's samples that agree (1 with one sample). */
  confidence?: number;
}

/**
 * The seam for a semantic judge (an LLM, later in src/llm): it is asked only about steps the offline checks
 * left "unverifiable" or "unparseable", never about a step they decided. It returns a verdict, or undefined to
 * leave the step as it is. A judge that throws fails the record's judging, not the batch: the offline label
 * stays and the error is recorded in the evidence. Without a judge the evaluator is fully offline.
 */
export type Judge = (step: string, context: JudgeContext) => Promise<JudgeVerdict | undefined>;
