import { z } from "zod";
import type { TaskKind, TrajectoryVerdict } from "../core/trajectory-result.js";
import type { LlmUsage } from "../llm/types.js";

const SHOWN = 10;

// What one kind gave over a run: candidates generated and their verdicts, what was kept, what gave nothing.
export const KindSummary = z.object({
  candidates: z.number().int().nonnegative(), // records generated and verified in this run
  passed: z.number().int().nonnegative(),
  failed: z.number().int().nonnegative(),
  infraErrors: z.number().int().nonnegative(), // verification or generation hit a sandbox failure: never kept
  kept: z.number().int().nonnegative(), // written to the output (by --keep)
  resumed: z.number().int().nonnegative(), // problems whose records of this kind were already in the output
  skipped: z.record(z.string(), z.number().int().nonnegative()), // reason → problems that gave no record
  modelFailures: z.number().int().nonnegative(), // problems whose reply stayed invalid after the re-ask
  counters: z.record(z.string(), z.number()), // the generator's own facts (mutants tried/killed per operator...)
});
export type KindSummary = z.infer<typeof KindSummary>;

// What `vouch generate` did, for people (text) and machines (--json).
export const GenerateSummary = z.object({
  problems: z.number().int().nonnegative(),
  invalidLines: z.array(z.object({ line: z.number().int(), id: z.string().optional(), error: z.string() })),
  byKind: z.record(z.string(), KindSummary),
  /** Problems where the model failed: the reply stayed unparsable or off-schema after the re-ask. */
  modelFailures: z.array(z.object({ problem: z.string(), kind: z.string(), message: z.string() })),
  /** Problems where the sandbox failed (generation or verification): redone by the next run. */
  infraErrors: z.array(z.object({ problem: z.string(), kind: z.string(), message: z.string() })),
  written: z.number().int().nonnegative(),
  usage: z.custom<LlmUsage>().optional(),
  durationMs: z.number().nonnegative(),
  /** Why the batch stopped early (LLM_UNREACHABLE, SANDBOX_UNAVAILABLE); what was written is kept. */
  stopped: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type GenerateSummary = z.infer<typeof GenerateSummary>;

const emptyKind = (): KindSummary => ({ candidates: 0, passed: 0, failed: 0, infraErrors: 0, kept: 0, resumed: 0, skipped: {}, modelFailures: 0, counters: {} });

// Accumulates a run's outcomes as they come.
export class GenerateSummaryBuilder {
  private readonly s: GenerateSummary = { problems: 0, invalidLines: [], byKind: {}, modelFailures: [], infraErrors: [], written: 0, durationMs: 0 };

  constructor(kinds: readonly TaskKind[]) {
    for (const k of kinds) this.s.byKind[k] = emptyKind();
  }

  private kind(k: string): KindSummary {
    return (this.s.byKind[k] ??= emptyKind());
  }

  problem(): void {
    this.s.problems++;
  }
  invalid(line: number, error: string, id?: string): void {
    this.s.invalidLines.push({ line, error, ...(id ? { id } : {}) });
  }
  resumed(k: string): void {
    this.kind(k).resumed++;
  }
  skipped(k: string, reason: string): void {
    const sk = this.kind(k).skipped;
    sk[reason] = (sk[reason] ?? 0) + 1;
  }
  modelFailure(k: string, problem: string, message: string): void {
    this.kind(k).modelFailures++;
    this.s.modelFailures.push({ problem, kind: k, message });
  }
  infraError(k: string, problem: string, message: string): void {
    this.kind(k).infraErrors++;
    this.s.infraErrors.push({ problem, kind: k, message });
  }
  counters(k: string, c: Record<string, number> | undefined): void {
    const into = this.kind(k).counters;
    for (const [name, n] of Object.entries(c ?? {})) into[name] = (into[name] ?? 0) + n;
  }
  // One verified candidate of a problem, and whether it was written; a sandbox failure is listed with the others.
  verified(k: string, problem: string, result: { verdict: TrajectoryVerdict; message?: string | undefined }, kept: boolean): void {
    const s = this.kind(k);
    s.candidates++;
    if (result.verdict === "pass") s.passed++;
    else if (result.verdict === "fail") s.failed++;
    else this.infraError(k, problem, result.message ?? "sandbox failure");
    if (kept) {
      s.kept++;
      this.s.written++;
    }
  }
  stop(code: string, message: string): void {
    this.s.stopped ??= { code, message };
  }
  finish(durationMs: number, usage?: LlmUsage): GenerateSummary {
    return { ...this.s, durationMs: Math.round(durationMs), ...(usage ? { usage } : {}) };
  }
}

// Counters grouped for reading: "mutants.tried.flip-comparison" lines sorted, prefixes kept.
function counterLines(c: Record<string, number>): string[] {
  return Object.keys(c)
    .sort()
    .map((k) => `    ${k}: ${c[k]}`);
}

// The summary as text: one block per kind, then model failures, sandbox failures, invalid lines, usage.
export function formatGenerateSummary(s: GenerateSummary, usageText?: string): string {
  const out: string[] = [`generate: ${s.problems} problem(s), ${s.written} record(s) written in ${(s.durationMs / 1000).toFixed(1)} s`];
  for (const [kind, k] of Object.entries(s.byKind)) {
    out.push(`  ${kind}: ${k.candidates} candidate(s), ${k.passed} passed, ${k.failed} failed${k.infraErrors ? `, ${k.infraErrors} infra-error` : ""}, ${k.kept} kept` +
      `${k.resumed ? `, ${k.resumed} already done` : ""}${k.modelFailures ? `, ${k.modelFailures} model failure(s)` : ""}`);
    for (const [reason, n] of Object.entries(k.skipped)) out.push(`    skipped ${n}: ${reason}`);
    out.push(...counterLines(k.counters));
  }
  if (s.modelFailures.length) {
    out.push(`model failures (${s.modelFailures.length}):`);
    for (const f of s.modelFailures.slice(0, SHOWN)) out.push(`  ${f.problem} ${f.kind}: ${f.message}`);
  }
  if (s.infraErrors.length) {
    out.push(`sandbox failures (${s.infraErrors.length}, redone by the next run):`);
    for (const f of s.infraErrors.slice(0, SHOWN)) out.push(`  ${f.problem} ${f.kind}: ${f.message}`);
  }
  if (s.invalidLines.length) {
    out.push(`invalid input lines (${s.invalidLines.length}):`);
    for (const l of s.invalidLines.slice(0, SHOWN)) out.push(`  ${l.error}`);
  }
  if (usageText) out.push(usageText);
  if (s.stopped) out.push(`stopped early (${s.stopped.code}): ${s.stopped.message}`);
  return out.join("\n");
}
