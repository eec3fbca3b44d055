// The data behind the HTML report, aggregated from results with no I/O (the page only draws it).
import { ErrorType } from "../../core/taxonomy.js";
import { TaskKind } from "../../core/trajectory-result.js";
import type { TrajectoryResult } from "../../core/trajectory-result.js";
import type { ResultEntry, UnreadLine } from "../results-file.js";
import { sampleOf, type DifficultyFn, type Sample } from "./sample.js";

export interface KindRow {
  kind: string; // a task kind, or "code" for code records
  total: number;
  pass: number;
  fail: number; // every graded verdict that is not pass
  infraError: number;
  passRate: number | null; // pass / (pass + fail); null when nothing was graded
  meanProcessScore: number | null; // trajectories only
}

export interface ReportModel {
  title: string;
  source: string;
  totals: { results: number; trajectories: number; code: number; graded: number; pass: number; fail: number; infraErrors: number; unread: number; passRate: number | null; hallucinatedSteps: number };
  byKind: KindRow[];
  codeVerdicts: Record<string, number>;
  errorTypes: { type: string; trajectories: number; steps: number }[];
  processScores: { bins: { from: number; to: number; pass: number; fail: number }[]; mean: number | null; median: number | null };
  difficulty: { available: boolean; note: string; buckets: { bucket: string; total: number; pass: number; fail: number; passRate: number | null; meanScore: number | null }[] };
  firstWrongStep: { kinds: string[]; positions: { index: number; byKind: Record<string, number>; total: number }[]; relative: { early: number; middle: number; late: number } };
  slowest: { id: string; kind: string; verdict: string; durationMs: number }[];
  infraErrors: { id: string; kind: string; message: string }[];
  unread: UnreadLine[];
  samples: Sample[];
  /** Steps labelled by the LLM judge, kept apart from the executed labels (empty when no judge ran). */
  judged: { id: string; kind: string; index: number; name: string; label: string; errorType: string; model: string; confidence: number | null; evidence: string }[];
}

export interface ModelInput {
  entries: ResultEntry[];
  unread: UnreadLine[];
  /** Trajectory records by id (from --trajectories), for the claim and the difficulty. */
  records?: ReadonlyMap<string, Record<string, unknown>>;
  difficulty?: DifficultyFn;
  title?: string;
  source?: string;
}

const BINS = 10;
const SLOWEST = 10;
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const mean = (xs: number[]) => (xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
const rate = (pass: number, fail: number) => (pass + fail ? round(pass / (pass + fail), 4) : null);

// The median of a list of numbers, null when empty.
function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return round(s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2);
}

// Verdict counts per task kind (registry order), then one row for code records.
function kindRows(entries: ResultEntry[]): KindRow[] {
  const rows = new Map<string, KindRow & { scores: number[] }>();
  const row = (kind: string) => rows.get(kind) ?? rows.set(kind, { kind, total: 0, pass: 0, fail: 0, infraError: 0, passRate: null, meanProcessScore: null, scores: [] }).get(kind)!;
  for (const e of entries) {
    const r = row(e.kind === "code" ? "code" : e.result.task);
    r.total++;
    if (e.result.verdict === "infra-error") r.infraError++;
    else if (e.result.verdict === "pass") r.pass++;
    else r.fail++;
    if (e.kind === "trajectory" && e.result.verdict !== "infra-error") r.scores.push(e.result.processScore);
  }
  const order = [...TaskKind.options, "code"].filter((k) => rows.has(k));
  return order.map((k) => {
    const { scores, ...r } = rows.get(k)!;
    return { ...r, passRate: rate(r.pass, r.fail), meanProcessScore: k === "code" ? null : mean(scores) };
  });
}

// Error types in taxonomy order: trajectories carrying each, and wrong steps labelled with it.
function errorTypes(trajs: TrajectoryResult[]): ReportModel["errorTypes"] {
  const t: Record<string, number> = {};
  const s: Record<string, number> = {};
  for (const r of trajs) {
    // the judge's labels are shown apart (judgedSteps): only rule and execution labels here
    const executed = r.steps.filter((st) => st.label === "wrong" && st.errorType && !st.source);
    for (const e of new Set(executed.map((st) => st.errorType!))) t[e] = (t[e] ?? 0) + 1;
    for (const st of executed) s[st.errorType!] = (s[st.errorType!] ?? 0) + 1;
  }
  return ErrorType.options.filter((e) => t[e] || s[e]).map((e) => ({ type: e, trajectories: t[e] ?? 0, steps: s[e] ?? 0 }));
}

// Process scores in ten bins of width 0.1 (1.0 falls in the last), split by verdict.
function processScores(trajs: TrajectoryResult[]): ReportModel["processScores"] {
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: round(i / BINS, 1), to: round((i + 1) / BINS, 1), pass: 0, fail: 0 }));
  for (const r of trajs) bins[Math.min(BINS - 1, Math.floor(r.processScore * BINS))]![r.verdict === "pass" ? "pass" : "fail"]++;
  const scores = trajs.map((r) => r.processScore);
  return { bins, mean: mean(scores), median: median(scores) };
}

// Where trajectories first go wrong: by step index per kind, and by relative position (thirds of the steps).
function firstWrong(trajs: TrajectoryResult[]): ReportModel["firstWrongStep"] {
  const wrong = trajs.filter((r) => r.firstWrongStep >= 0);
  const kinds = TaskKind.options.filter((k) => wrong.some((r) => r.task === k));
  const max = Math.max(-1, ...wrong.map((r) => r.firstWrongStep));
  const positions = Array.from({ length: max + 1 }, (_, index) => {
    const at = wrong.filter((r) => r.firstWrongStep === index);
    return { index, byKind: Object.fromEntries(kinds.map((k) => [k, at.filter((r) => r.task === k).length])), total: at.length };
  });
  const relative = { early: 0, middle: 0, late: 0 };
  for (const r of wrong) {
    const x = r.steps.length > 1 ? r.firstWrongStep / (r.steps.length - 1) : 0;
    relative[x < 1 / 3 ? "early" : x < 2 / 3 ? "middle" : "late"]++;
  }
  return { kinds, positions, relative };
}

// Difficulty buckets of the graded trajectories whose records are known; unavailable without records.
function difficulty(samples: Sample[]): ReportModel["difficulty"] {
  const known = samples.filter((s) => s.difficulty && s.verdict !== "infra-error");
  const trajs = samples.filter((s) => s.kind !== "code" && s.verdict !== "infra-error").length;
  if (!known.length) return { available: false, note: "needs --trajectories (the trajectory records), or results that embed their record", buckets: [] };
  const buckets = (["easy", "medium", "hard"] as const).map((bucket) => {
    const b = known.filter((s) => s.difficulty!.bucket === bucket);
    const pass = b.filter((s) => s.verdict === "pass").length;
    return { bucket, total: b.length, pass, fail: b.length - pass, passRate: rate(pass, b.length - pass), meanScore: mean(b.map((s) => s.processScore ?? 0)) };
  });
  return { available: true, note: `${known.length} of ${trajs} graded trajectories have their record`, buckets };
}

// The whole report model: every section's numbers and one sample per result for the drill-down.
export function buildModel(input: ModelInput): ReportModel {
  const { entries, unread } = input;
  const samples = entries.map((e) => sampleOf(e, input.records, input.difficulty));
  const trajs = entries.flatMap((e) => (e.kind === "trajectory" ? [e.result] : []));
  const graded = trajs.filter((r) => r.verdict !== "infra-error");
  const byKind = kindRows(entries);
  const pass = byKind.reduce((a, r) => a + r.pass, 0);
  const fail = byKind.reduce((a, r) => a + r.fail, 0);
  const codeVerdicts: Record<string, number> = {};
  for (const e of entries) if (e.kind === "code") codeVerdicts[e.result.verdict] = (codeVerdicts[e.result.verdict] ?? 0) + 1;
  const infra = samples.filter((s) => s.verdict === "infra-error");
  return {
    title: input.title ?? "Vouch report",
    source: input.source ?? "",
    totals: {
      results: entries.length,
      trajectories: trajs.length,
      code: entries.length - trajs.length,
      graded: pass + fail,
      pass,
      fail,
      infraErrors: infra.length,
      unread: unread.length,
      passRate: rate(pass, fail),
      hallucinatedSteps: graded.reduce((a, r) => a + r.steps.filter((s) => s.errorType === "hallucinated-step" && s.label === "wrong" && !s.source).length, 0),
    },
    byKind,
    codeVerdicts,
    errorTypes: errorTypes(graded),
    processScores: processScores(graded),
    difficulty: difficulty(samples),
    firstWrongStep: firstWrong(graded),
    slowest: [...samples].sort((a, b) => b.durationMs - a.durationMs).slice(0, SLOWEST).map((s) => ({ id: s.id, kind: s.kind, verdict: s.verdict, durationMs: s.durationMs })),
    infraErrors: infra.map((s) => ({ id: s.id, kind: s.kind, message: s.message ?? "" })),
    unread,
    samples,
    judged: judgedSteps(graded),
  };
}

// Every step the judge labelled, wrong ones first.
function judgedSteps(trajs: TrajectoryResult[]): ReportModel["judged"] {
  const out = trajs.flatMap((r) =>
    r.steps
      .filter((s) => s.source === "judge")
      .map((s) => ({ id: r.id, kind: r.task, index: s.index, name: s.name, label: s.label, errorType: s.errorType ?? "", model: s.model ?? "", confidence: s.confidence ?? null, evidence: s.evidence })),
  );
  return out.sort((a, b) => Number(b.label === "wrong") - Number(a.label === "wrong"));
}
