// One result as the drill-down shows it: the claim (the record), the evidence (steps, stages, observed, output).
import type { StageOutcome, StepVerdict } from "../../core/taxonomy.js";
import type { SuiteResult, TestResult } from "../../core/result.js";
import type { TrajectoryResult } from "../../core/trajectory-result.js";
import type { ResultEntry } from "../results-file.js";

export interface Sample {
  id: string;
  kind: string; // task kind, or "code"
  verdict: string;
  processScore: number | null;
  durationMs: number;
  cached: boolean;
  firstWrongStep: number;
  errors: string[];
  message?: string;
  difficulty?: { bucket: string; score: number };
  steps: StepVerdict[];
  stages: StageOutcome[];
  observed?: unknown;
  /** The trajectory record's own fields (what it claimed), when known. */
  claim?: Record<string, unknown>;
  tests?: TestResult[];
  hidden?: SuiteResult;
  stdout?: string;
  stderr?: string;
}

const STRING_MAX = 20_000;

// Long strings cut (a report holds every sample), deeply; everything else kept as is.
function clipDeep(v: unknown, max = STRING_MAX): unknown {
  if (typeof v === "string") return v.length > max ? `${v.slice(0, max)}\n... (${v.length - max} more characters)` : v;
  if (Array.isArray(v)) return v.map((x) => clipDeep(x, max));
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clipDeep(x, max)]));
  return v;
}

/** What a difficulty estimate gives the report (src/dataset/difficulty.ts difficultyOf). */
export type DifficultyFn = (record: unknown, result?: TrajectoryResult) => { bucket: "easy" | "medium" | "hard"; score: number };

// The difficulty of a record, or nothing when the estimator cannot read it (a report never fails on one record).
function safeDifficulty(fn: DifficultyFn, record: unknown, result: TrajectoryResult): { bucket: string; score: number } | undefined {
  try {
    const d = fn(record, result);
    return { bucket: d.bucket, score: d.score };
  } catch {
    return undefined;
  }
}

// A result entry as a drill-down sample, with its record (embedded, or from --trajectories) as the claim.
export function sampleOf(e: ResultEntry, records?: ReadonlyMap<string, Record<string, unknown>>, difficulty?: DifficultyFn): Sample {
  const r = e.result;
  const base = { id: r.id, verdict: r.verdict, durationMs: r.durationMs, cached: r.cached, ...(r.message ? { message: r.message } : {}) };
  if (e.kind === "code") {
    const c = e.result;
    return {
      ...base,
      kind: "code",
      processScore: null,
      firstWrongStep: -1,
      errors: [],
      steps: [],
      stages: [],
      tests: c.tests,
      ...(c.hidden ? { hidden: clipDeep(c.hidden) as SuiteResult } : {}),
      ...(c.stdout ? { stdout: clipDeep(c.stdout) as string } : {}),
      ...(c.stderr ? { stderr: clipDeep(c.stderr) as string } : {}),
    };
  }
  const t = e.result;
  const record = e.record ?? records?.get(t.id);
  const d = record && difficulty ? safeDifficulty(difficulty, record, t) : undefined;
  return {
    ...base,
    kind: t.task,
    processScore: t.processScore,
    firstWrongStep: t.firstWrongStep,
    errors: t.errors,
    steps: clipDeep(t.steps) as StepVerdict[],
    stages: t.stages,
    ...(t.observed ? { observed: clipDeep(t.observed) } : {}),
    ...(record ? { claim: clipDeep(record) as Record<string, unknown> } : {}),
    ...(d ? { difficulty: d } : {}),
  };
}
