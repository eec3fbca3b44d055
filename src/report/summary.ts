import { z } from "zod";
import { Verdict, type VerifyResult } from "../core/result.js";

const INVALID_SHOWN = 10;

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

  add(r: VerifyResult): void {
    this.verified++;
    this.byVerdict[r.verdict]++;
    if (r.verdict === "infra-error") this.infra.push(r.id);
    if (r.cached) this.cached++;
    else this.latencies.push(r.durationMs);
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
    };
  }
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
  return out.join("\n");
}

const mdCode = (s: string) => `\`${oneLine(s).replace(/`/g, "'")}\``;

// A Markdown table for a CI job summary ($GITHUB_STEP_SUMMARY).
export function formatSummaryMarkdown(s: BatchSummary): string {
  const share = (n: number) => (s.verified ? pct(n / s.verified) : "-");
  const out = [
    "## Vouch verification",
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
  return out.join("\n") + "\n";
}
