// The math evaluator's public surface (re-exported by name from src/index.ts).
export { math, formatMathSummary, type MathOptions, type MathSummary } from "./batch.js";
export { evaluateRecord, evaluateOffline, type EvaluateOptions } from "./evaluate.js";
export { compareAnswers } from "./answer.js";
export { mathEval, formatMathEval, type MathEvalReport } from "./metrics.js";
export type { Judge, JudgeContext, JudgeVerdict } from "./judge.js";
export { MathRecord, MathResult, MathLabel, StructuredRecord, NaturalRecord, StepResult, AnswerResult } from "./schema.js";
