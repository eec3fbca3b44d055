import { candidateOf, compareAnswers } from "./answer.js";
import type { Judge } from "./judge.js";
import { checkNaturalSteps } from "./nl-check.js";
import { firstError } from "./first-error.js";
import type { MathRecord, MathResult } from "./schema.js";
import { checkStructuredSteps } from "./step-check.js";

export interface EvaluateOptions {
  /** Asked about steps the offline checks cannot decide; see Judge. */
  judge?: Judge;
}

// Evaluates one record offline: step labels, the first wrong step, and the final-answer verdict.
export function evaluateOffline(input: MathRecord): MathResult {
  const { kind, record } = input;
  const steps = kind === "structured" ? checkStructuredSteps(record) : checkNaturalSteps(record);
  const candidate =
    kind === "structured"
      ? (record.final_answer ?? record.steps[record.steps.length - 1]?.expr)
      : candidateOf(record.steps, record.final_answer);
  const first = firstError(steps);
  return {
    id: record.id,
    kind,
    first_error_step: first.step,
    ...(first.exact !== undefined ? { first_error_exact: first.exact } : {}),
    steps,
    final_answer: compareAnswers(candidate, record.reference_answer),
  };
}

// Evaluates one record: offline first, then (when given) the judge on the steps left undecided.
export async function evaluateRecord(input: MathRecord, opts: EvaluateOptions = {}): Promise<MathResult> {
  const result = evaluateOffline(input);
  if (!opts.judge) return result;
  const { kind, record } = input;
  const texts = kind === "structured" ? record.steps.map((s) => `${s.action}: ${s.expr}`) : record.steps;
  for (const step of result.steps) {
    if (step.label !== "unverifiable" && step.label !== "unparseable") continue;
    try {
      const v = await opts.judge(texts[step.index]!, { id: record.id, problem: record.problem, steps: texts, index: step.index, offline: { ...step } });
      if (v) Object.assign(step, { label: v.label, evidence: v.evidence, by: "judge" as const }, v.model ? { model: v.model } : {}, v.confidence !== undefined ? { confidence: v.confidence } : {});
    } catch (e) {
      step.evidence += ` (judge failed: ${(e as Error).message})`;
    }
  }
  const first = firstError(result.steps);
  result.first_error_step = first.step;
  if (first.exact === undefined) delete result.first_error_exact;
  else result.first_error_exact = first.exact;
  return result;
}
