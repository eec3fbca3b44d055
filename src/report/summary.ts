import { z } from "zod";
import { Verdict, type VerifyResult } from "../core/result.js";
import { ErrorType } from "../core/taxonomy.js";
import { TaskKind, type TrajectoryResult } from "../core/trajectory-result.js";

const INVALID_SHOWN = 10;

// A failed trajectory as the summary lists it: where it first went wrong, and why.
export const TopFailure = z.object({
  id: z.string(),
  task: z.string(),
  processScore: z.number(),
  step: z.number().int(),
  name: z.string(),
  errorType: z.string().optional(),
  evidence: z.string(),
});
export type TopFailure = z.infer<typeof TopFailure>;

const TOP_FAILURES = 10;

// The judge's share of a batch: steps it labelled, replies ignored for contradicting execution, steps it left.
export const JudgedSummary = z.object({
  correct: z.number().int().nonnegative(),
  wrong: z.number().int().nonnegative(),
  /** Replies refused: they contradicted execution or an earlier stage. */
  ignored: z.number().int().nonnegative(),
  /** Steps asked about and left unverifiable (judge failed, reply invalid or off-quote, samples split). */
  left: z.number().int().nonnegative(),
  errorTypes: z.record(z.string(), z.number().int()),
  models: z.array(z.string()),
});
export type JudgedSummary = z.infer<typeof JudgedSummary>;

// What the trajectory records of a batch gave: per kind, error types, process scores, batch-level checks.
export const TrajectorySummary = z.object({
  byTask: z.record(z.string(), z.object({ pass: z.number().int(), fail: z.number().int(), "infra-error": z.number().int(), meanProcessScore: z.number() })),
  errorTypes: z.record(z.string(), z.number().int()), // error type → trajectories whose steps carry it
  firstWrongStep: z.record(z.string(), z.number().int()), // index → trajectories failing first there
  /** Batch-level findings of a kind (e.g. difficulty calibration), with lines for people. */
  batch: z.record(z.string(), z.object({ lines: z.array(z.string()), data: z.record(z.string(), z.unknown()) })),
  /** Steps labelled wrong with hallucinated-step (invented API, test result, message), over every trajectory. */
  hallucinatedSteps: z.number().int().nonnegative().optional(),
  /** The failed trajectories with the lowest process scores, each with its first wrong step. */
  failures: z.array(TopFailure).optional(),
  /** Steps the LLM judge labelled (kept apart from the rule and execution labels above), when a judge ran. */
  judged: JudgedSummary.optional(),
});
export type TrajectorySummary = z.infer<typeof TrajectorySummary>;

// What a batch gave, for people (text, Markdown) and machines (--json).
export const BatchSummary = z.object({
  total: z.number().int().nonnegative(), // valid records of the input: verified + resumed
  verified: z.number().int().nonnegative(), // records given a verdict in this run, cached included
  resumed: z.number().int().nonnegative(), // records skipped because the output already had them
  byVerdict: z.record(Verdict, z.number().int().nonnegative()), // every verdict, 0 when none
  passRate: z.number().min(0).max(1), // pass / (verified - infra-error), 0 when none
  invalidLines: z.array(z.object({ line: z.number().int(), id: z.string().optional(), error: z.string() })),
  infraErrors: z.array(z.string()), // ids of records that got no verdict on the code
  cached: z.number().int().nonnegative(),
  durationMs: z.number().nonnegative(), // wall clock of the batch
  samplesPerSecond: z.number().nonnegative(), // verified / wall clock
  latencyMs: z.object({ p50: z.number(), p95: z.number(), max: z.number() }), // over non-cached results
  trajectories: TrajectorySummary.optional(), // present when the batch held trajectory records
});
export type BatchSummary = z.infer<typeof BatchSummary>;

// Nearest-rank percentile (p in 0..100) of a list of numbers; 0 for an empty list.
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1]!;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

// Accumulates results as they stream in; holds counts and latencies, not the results.
export class SummaryBuilder {
  private readonly byVerdict = Object.fromEntries(Verdict.options.map((v) => [v, 0])) as Record<Verdict, number>;
  private readonly latencies: number[] = [];
  private readonly invalid: BatchSummary["invalidLines"] = [];
  private readonly infra: string[] = [];
  private verified = 0;
  private cached = 0;
  private resumed = 0;
  private traj: TrajectorySummary | undefined;
  private scoreSums: Record<string, number> = {};

  add(r: VerifyResult | TrajectoryResult): void {
    if ("task" in r) this.addTrajectory(r);
    this.verified++;
    this.byVerdict[r.verdict]++;
    if (r.verdict === "infra-error") this.infra.push(r.id);
    if (r.cached) this.cached++;
    else this.latencies.push(r.durationMs);
  }

  private addTrajectory(r: TrajectoryResult): void {
    const t = (this.traj ??= { byTask: {}, errorTypes: {}, firstWrongStep: {}, batch: {} });
    const k = (t.byTask[r.task] ??= { pass: 0, fail: 0, "infra-error": 0, meanProcessScore: 0 });
    k[r.verdict]++;
    if (r.verdict === "infra-error") return;
    this.scoreSums[r.task] = (this.scoreSums[r.task] ?? 0) + r.processScore;
    k.meanProcessScore = round(this.scoreSums[r.task]! / (k.pass + k.fail), 3);
    // rule and execution labels here; the judge's apart (addJudged)
    for (const e of r.errors) if (!judgedOnly(r, e)) t.errorTypes[e] = (t.errorTypes[e] ?? 0) + 1;
    if (r.firstWrongStep >= 0) t.firstWrongStep[r.firstWrongStep] = (t.firstWrongStep[r.firstWrongStep] ?? 0) + 1;
    t.hallucinatedSteps = (t.hallucinatedSteps ?? 0) + r.steps.filter((x) => x.label === "wrong" && x.errorType === "hallucinated-step" && !x.source).length;
    addJudged(t, r);
    if (r.verdict === "fail") this.keepFailure(t, r);
  }

  // Keeps the TOP_FAILURES failed trajectories with the lowest process scores (bounded memory).
  private keepFailure(t: TrajectorySummary, r: TrajectoryResult): void {
    const step = r.steps.find((x) => x.index === r.firstWrongStep);
    const evidence = step?.evidence ?? r.stages.find((x) => x.status === "fail")?.findings[0] ?? r.message ?? "";
    const f: TopFailure = { id: r.id, task: r.task, processScore: r.processScore, step: r.firstWrongStep, name: step?.name ?? "", ...(step?.errorType ? { errorType: step.errorType } : {}), evidence: evidence.slice(0, 300) };
    const list = (t.failures ??= []);
    list.push(f);
    list.sort((a, b) => a.processScore - b.processScore);
    if (list.length > TOP_FAILURES) list.pop();
  }

  /** A kind's batch-level report (e.g. difficulty calibration). */
  addBatchReport(task: TaskKind, report: { lines: string[]; data: Record<string, unknown> }): void {
    (this.traj ??= { byTask: {}, errorTypes: {}, firstWrongStep: {}, batch: {} }).batch[task] = report;
  }

  addInvalid(line: number, error: string, id?: string): void {
    this.invalid.push({ line, ...(id !== undefined ? { id } : {}), error });
  }

  // Records already in the output (a resumed run), counted but not verified again.
  skipped(n: number): void {
    this.resumed += n;
  }

  finish(wallMs: number): BatchSummary {
    const graded = this.verified - this.byVerdict["infra-error"];
    return {
      total: this.verified + this.resumed,
      verified: this.verified,
      resumed: this.resumed,
      byVerdict: { ...this.byVerdict },
      passRate: graded > 0 ? this.byVerdict.pass / graded : 0,
      invalidLines: [...this.invalid],
      infraErrors: [...this.infra],
      cached: this.cached,
      durationMs: Math.round(wallMs),
      samplesPerSecond: wallMs > 0 ? round(this.verified / (wallMs / 1000), 2) : 0,
      latencyMs: {
        p50: round(percentile(this.latencies, 50), 1),
        p95: round(percentile(this.latencies, 95), 1),
        max: round(percentile(this.latencies, 100), 1),
      },
      ...(this.traj ? { trajectories: structuredClone(this.traj) } : {}),
    };
  }
}

// Whether an error type of a result is carried only by steps the judge labelled.
function judgedOnly(r: TrajectoryResult, e: string): boolean {
  const carriers = r.steps.filter((x) => x.errorType === e && x.label === "wrong");
  return carriers.length > 0 && carriers.every((x) => x.source === "judge");
}

// Adds a result's judge stage to the batch's judged counts (nothing when the judge did not run on it).
function addJudged(t: TrajectorySummary, r: TrajectoryResult): void {
  const stage = r.stages.find((s) => s.stage === "judge" && s.status !== "skipped");
  const steps = r.steps.filter((s) => s.source === "judge");
  if (!stage && !steps.length) return;
  const j = (t.judged ??= { correct: 0, wrong: 0, ignored: 0, left: 0, errorTypes: {}, models: [] });
  for (const s of steps) {
    j[s.label === "wrong" ? "wrong" : "correct"]++;
    if (s.label === "wrong" && s.errorType) j.errorTypes[s.errorType] = (j.errorTypes[s.errorType] ?? 0) + 1;
    if (s.model && !j.models.includes(s.model)) j.models.push(s.model);
  }
  for (const f of stage?.findings ?? []) {
    if (f.includes(": judge reply ignored: ")) j.ignored++;
    else if (f.includes(": left unverifiable: ")) j.left++;
  }
}

// The judged-steps line of the summaries (kept apart from the executed labels).
export function judgedLine(j: JudgedSummary): string {
  const types = Object.entries(j.errorTypes).map(([e, n]) => `${e} ${n}`).join(", ");
  return `judged steps (LLM judge ${j.models.join(", ") || "-"}, not executed): correct ${j.correct}, wrong ${j.wrong}${types ? ` (${types})` : ""}, replies ignored (contradicting execution) ${j.ignored}, left unverifiable ${j.left}`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const rate = (x: number) => (x >= 1 || x === 0 ? x.toFixed(1) : x.toFixed(2));
const nonZero = (s: BatchSummary) => Verdict.options.filter((v) => s.byVerdict[v] > 0).map((v) => [v, s.byVerdict[v]] as const);
const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ");

// A few aligned lines for a terminal.
export function formatSummaryText(s: BatchSummary): string {
  const rows: [string, string][] = nonZero(s).map(([v, n]) => [v, String(n)]);
  rows.push(["pass rate", `${pct(s.passRate)} (infra-error excluded)`]);
  if (s.cached) rows.push(["from cache", String(s.cached)]);
  if (s.resumed) rows.push(["resumed", `${s.resumed} (already in the output)`]);
  rows.push(["throughput", `${rate(s.samplesPerSecond)}/s`]);
  rows.push(["latency", `p50 ${s.latencyMs.p50} ms, p95 ${s.latencyMs.p95} ms, max ${s.latencyMs.max} ms`]);
  const width = Math.max(...rows.map(([k]) => k.length));
  const numWidth = Math.max(...rows.map(([, v]) => (/^\d+$/.test(v) ? v.length : 0)));
  const out = [`verified ${s.verified} of ${s.total} record(s) in ${(s.durationMs / 1000).toFixed(1)} s`];
  for (const [k, v] of rows) out.push(`  ${k.padEnd(width)}  ${/^\d+$/.test(v) ? v.padStart(numWidth) : v}`);
  if (s.invalidLines.length) {
    out.push(`${s.invalidLines.length} invalid line(s):`);
    for (const l of s.invalidLines.slice(0, INVALID_SHOWN)) out.push(`  ${oneLine(l.error)}`);
    if (s.invalidLines.length > INVALID_SHOWN) out.push(`  ... and ${s.invalidLines.length - INVALID_SHOWN} more`);
  }
  if (s.infraErrors.length) out.push(`infra-error (not the code's fault, not verified): ${s.infraErrors.join(", ")}`);
  if (s.trajectories) out.push(...trajectoryLines(s.trajectories));
  return out.join("\n");
}

// The trajectory part of the text summary: a line per kind, error types, batch-level findings.
function trajectoryLines(t: TrajectorySummary): string[] {
  const out = ["trajectories:"];
  const kinds = TaskKind.options.filter((k) => t.byTask[k]);
  const width = Math.max(...kinds.map((k) => k.length));
  for (const k of kinds) {
    const c = t.byTask[k]!;
    out.push(`  ${k.padEnd(width)}  pass ${c.pass}, fail ${c.fail}${c["infra-error"] ? `, infra-error ${c["infra-error"]}` : ""}, mean process score ${c.meanProcessScore.toFixed(2)}`);
  }
  const errors = ErrorType.options.filter((e) => t.errorTypes[e]).map((e) => `${e} ${t.errorTypes[e]}`);
  if (errors.length) out.push(`  error types: ${errors.join(", ")}`);
  if (t.judged) out.push(`  ${judgedLine(t.judged)}`);
  for (const [kind, b] of Object.entries(t.batch)) for (const l of b.lines) out.push(`  ${kind}: ${l}`);
  return out;
}

const mdCode = (s: string) => `\`${oneLine(s).replace(/`/g, "'")}\``;
const mdCell = (s: string) => oneLine(s).replace(/\|/g, "\\|");

// The lowest-scoring failed trajectories as a Markdown table, each with its first wrong step.
function failureTable(fs: TopFailure[]): string[] {
  return [
    `**Top failures** (lowest process score first)`,
    "",
    "| id | task | score | first wrong step | error type | evidence |",
    "|---|---|---:|---|---|---|",
    ...fs.map((f) => `| ${mdCode(f.id)} | ${f.task} | ${f.processScore.toFixed(2)} | ${f.step >= 0 ? `${f.step}: ${mdCell(f.name)}` : "-"} | ${f.errorType ?? "-"} | ${mdCell(f.evidence)} |`),
  ];
}

// A Markdown table for a CI job summary ($GITHUB_STEP_SUMMARY).
export function formatSummaryMarkdown(s: BatchSummary): string {
  const share = (n: number) => (s.verified ? pct(n / s.verified) : "-");
  const graded = s.verified - s.byVerdict["infra-error"];
  const headline = `**Pass rate ${pct(s.passRate)}** (${s.byVerdict.pass} of ${graded} graded; infra errors kept apart: ${s.byVerdict["infra-error"]})` +
    (s.trajectories?.hallucinatedSteps !== undefined ? ` · hallucinated steps: **${s.trajectories.hallucinatedSteps}**` : "");
  const out = [
    "## Vouch verification",
    "",
    headline,
    "",
    "| verdict | records | share |",
    "|---|---:|---:|",
    ...nonZero(s).map(([v, n]) => `| ${v} | ${n} | ${share(n)} |`),
    `| **total** | **${s.verified}** | |`,
    "",
    "| metric | value |",
    "|---|---:|",
    `| pass rate (infra-error excluded) | ${pct(s.passRate)} |`,
    `| throughput | ${rate(s.samplesPerSecond)}/s |`,
    `| latency p50 / p95 / max | ${s.latencyMs.p50} / ${s.latencyMs.p95} / ${s.latencyMs.max} ms |`,
    `| from cache | ${s.cached} |`,
    `| resumed | ${s.resumed} |`,
    `| wall clock | ${(s.durationMs / 1000).toFixed(1)} s |`,
  ];
  if (s.invalidLines.length) {
    out.push("", `**${s.invalidLines.length} invalid line(s)**`, "");
    for (const l of s.invalidLines.slice(0, INVALID_SHOWN)) out.push(`- ${mdCode(l.error)}`);
    if (s.invalidLines.length > INVALID_SHOWN) out.push(`- ... and ${s.invalidLines.length - INVALID_SHOWN} more`);
  }
  if (s.infraErrors.length) out.push("", `**Not verified (infra-error):** ${s.infraErrors.map(mdCode).join(", ")}`);
  if (s.trajectories) {
    const t = s.trajectories;
    out.push("", "| task | pass | fail | infra-error | mean process score |", "|---|---:|---:|---:|---:|");
    for (const k of TaskKind.options.filter((x) => t.byTask[x])) {
      const c = t.byTask[k]!;
      out.push(`| ${k} | ${c.pass} | ${c.fail} | ${c["infra-error"]} | ${c.meanProcessScore.toFixed(2)} |`);
    }
    const errors = ErrorType.options.filter((e) => t.errorTypes[e]);
    if (errors.length) out.push("", "| error type | trajectories |", "|---|---:|", ...errors.map((e) => `| ${e} | ${t.errorTypes[e]} |`));
    if (t.judged) out.push("", `**${judgedLine(t.judged)}**`);
    for (const [kind, b] of Object.entries(t.batch)) out.push("", `**${kind}**`, "", ...b.lines.map((l) => `- ${l}`));
    if (t.failures?.length) out.push("", ...failureTable(t.failures));
  }
  return out.join("\n") + "\n";
}
