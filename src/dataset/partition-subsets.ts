import { z } from "zod";
import type { TaskKind, TrajectoryResult } from "../core/trajectory-result.js";
import type { StepVerdict } from "../core/taxonomy.js";

// Which training subsets a verified record belongs to, and why not the others (docs/partition.md).

export const Subset = z.enum(["sft", "process", "correction"]);
export type Subset = z.infer<typeof Subset>;
export const SUBSETS = Subset.options;

// Steps no executor can check by their nature (prose, choices, judgements): they may stay unverifiable in a
// "fully verified" record. Any other unverifiable step was checkable and was not checked, so the record is no
// clean positive. Matched against "<step name> | <evidence>".
export const PROSE_STEPS: Record<TaskKind, RegExp | undefined> = {
  "error-recovery": undefined,
  "error-recovery-multi": /^turn \d+ reflection\b/,
  planning: /^chosen\b|^alternative \d+:.*\| rejected for (simplicity|correctness|memory)\b/,
  implementation: /^requirements\b/,
  "quality-evaluation": /^observation \d+: remark\b/,
  "difficulty-estimation": /^constraints \| no constraint claimed/,
  "unit-test-walkthrough": undefined,
};

const ERROR_RECOVERY: ReadonlySet<TaskKind> = new Set(["error-recovery", "error-recovery-multi"]);

export interface Placement {
  subsets: Subset[];
  /** For each subset the record is not in, why. */
  why: Partial<Record<Subset, string>>;
  /** Set when the record is in no subset at all: the reason it is excluded. */
  excluded?: string;
  correction?: Correction;
}

export interface Correction {
  step: number;
  name: string;
  errorType?: string;
  /** What the verifier found instead: the real value, output, trace line or diff. */
  evidence: string;
  /** Error-recovery kinds: a verified fix (the reference solution, or the record's own patch when it was labelled correct). */
  fix?: { source: "reference" | "patch"; code: string };
}

const isProse = (kind: TaskKind, s: StepVerdict) => PROSE_STEPS[kind]?.test(`${s.name} | ${s.evidence}`) ?? false;

// Checkable steps left unverifiable (why a passing record is not a clean positive), by name; a step only an LLM
// judge labelled is still unchecked (a reading, not a check).
export function uncheckedSteps(result: TrajectoryResult): StepVerdict[] {
  return result.steps.filter((s) => (s.label === "unverifiable" || s.source === "judge") && !isProse(result.task, s));
}

// The correction of a record's first wrong step, or why there is none.
export function correctionOf(record: unknown, result: TrajectoryResult): Correction | string {
  if (result.firstWrongStep < 0) return "no located error (no wrong step)";
  const step = result.steps.find((s) => s.index === result.firstWrongStep);
  if (!step) return `first wrong step ${result.firstWrongStep} is not among the labelled steps`;
  const base: Correction = { step: step.index, name: step.name, ...(step.errorType ? { errorType: step.errorType } : {}), evidence: step.evidence };
  if (!ERROR_RECOVERY.has(result.task)) return step.evidence.trim() ? base : "the wrong step carries no evidence";
  const r = (typeof record === "object" && record !== null ? record : {}) as Record<string, unknown>;
  if (typeof r.reference === "string" && r.reference.trim()) return { ...base, fix: { source: "reference", code: r.reference } };
  const patchStep = result.steps.find((s) => /^patch\b/.test(s.name));
  if (result.task === "error-recovery" && patchStep?.label === "correct" && typeof r.patch === "string") {
    return { ...base, fix: { source: "patch", code: r.patch } };
  }
  return "error recovery without a verified fix (no reference, patch not labelled correct)";
}

// Places one verified record: sft (clean, fully verified positive), process (step labels), correction
// (a located error with its correction). Infra errors and schema failures go nowhere, with their reason.
export function placeRecord(record: unknown, result: TrajectoryResult): Placement {
  if (result.verdict === "infra-error") {
    return { subsets: [], why: {}, excluded: `infra-error: the sandbox failed, the record was never judged${result.message ? ` (${result.message})` : ""}` };
  }
  const schema = result.stages.find((s) => s.stage === "schema");
  if (schema?.status === "fail" || result.steps.length === 0) {
    return { subsets: [], why: {}, excluded: schema?.status === "fail" ? "schema failure: no step labels" : "no steps labelled" };
  }
  const why: Partial<Record<Subset, string>> = {};
  const subsets: Subset[] = [];
  const execute = result.stages.find((s) => s.stage === "execute");
  const unchecked = uncheckedSteps(result);
  if (result.verdict !== "pass" || result.firstWrongStep >= 0) why.sft = "not a positive: a step is wrong";
  else if (result.steps.some((s) => s.source === "judge" && s.label === "wrong")) why.sft = "not a clean positive: the LLM judge finds a step wrong";
  else if (execute?.status !== "pass") why.sft = `not fully verified: the execute stage ${execute ? execute.status : "is missing"}`;
  else if (unchecked.length > 0) why.sft = "not fully verified: a checkable step stayed unverifiable";
  else subsets.push("sft");
  if (result.steps.some((s) => s.label !== "unverifiable")) subsets.push("process");
  else why.process = "no step labelled correct or wrong";
  const correction = correctionOf(record, result);
  if (typeof correction === "string") why.correction = correction;
  else subsets.push("correction");
  return {
    subsets,
    why,
    ...(subsets.length === 0 ? { excluded: Object.values(why).join("; ") } : {}),
    ...(typeof correction === "string" ? {} : { correction }),
  };
}
