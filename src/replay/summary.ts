import { z } from "zod";
import { ReplayVerdict, TurnVerdict, type ReplayResult } from "./schema.js";

const INVALID_SHOWN = 10;

// What a replay batch gave: trajectories per verdict, where they first diverge, flaky turns, bad lines, rewrites.
export const ReplaySummary = z.object({
  total: z.number().int().nonnegative(), // valid input records: replayed + resumed
  replayed: z.number().int().nonnegative(),
  resumed: z.number().int().nonnegative(),
  byVerdict: z.record(ReplayVerdict, z.number().int().nonnegative()),
  turns: z.record(TurnVerdict, z.number().int().nonnegative()),
  /** first diverged turn → trajectories diverging first there */
  firstDivergedTurn: z.record(z.string(), z.number().int().nonnegative()),
  flakyTurns: z.array(z.object({ id: z.string(), turn: z.number().int() })),
  infraErrors: z.array(z.string()),
  invalidLines: z.array(z.object({ line: z.number().int(), id: z.string().optional(), error: z.string() })),
  rewrite: z.object({ path: z.string(), records: z.number().int(), turnsRewritten: z.number().int(), turnsDropped: z.number().int(), flakyLeftOut: z.number().int() }).optional(),
  repeat: z.number().int().positive(),
  durationMs: z.number().nonnegative(),
});
export type ReplaySummary = z.infer<typeof ReplaySummary>;

const zeros = <T extends string>(keys: readonly T[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<T, number>;

// Accumulates results as they stream in.
export class ReplaySummaryBuilder {
  private readonly s: ReplaySummary;
  constructor(repeat: number) {
    this.s = {
      total: 0, replayed: 0, resumed: 0, byVerdict: zeros(ReplayVerdict.options), turns: zeros(TurnVerdict.options),
      firstDivergedTurn: {}, flakyTurns: [], infraErrors: [], invalidLines: [], repeat, durationMs: 0,
    };
  }

  add(r: ReplayResult): void {
    this.s.replayed++;
    this.s.byVerdict[r.verdict]++;
    for (const t of r.turns) {
      this.s.turns[t.verdict]++;
      if (t.verdict === "flaky") this.s.flakyTurns.push({ id: r.id, turn: t.turn });
    }
    if (r.firstDivergedTurn >= 0) this.s.firstDivergedTurn[r.firstDivergedTurn] = (this.s.firstDivergedTurn[r.firstDivergedTurn] ?? 0) + 1;
    if (r.verdict === "infra-error") this.s.infraErrors.push(r.id);
  }

  resumed(n: number): void {
    this.s.resumed += n;
  }

  invalid(line: number, error: string, id?: string): void {
    this.s.invalidLines.push({ line, error, ...(id ? { id } : {}) });
  }

  // The rewrite's counts, started on the first trajectory rewritten or left out.
  private rewriteTo(path: string): NonNullable<ReplaySummary["rewrite"]> {
    return (this.s.rewrite ??= { path, records: 0, turnsRewritten: 0, turnsDropped: 0, flakyLeftOut: 0 });
  }

  rewrote(path: string, turnsRewritten: number, turnsDropped: number): void {
    const r = this.rewriteTo(path);
    r.records++;
    r.turnsRewritten += turnsRewritten;
    r.turnsDropped += turnsDropped;
  }

  // A flaky trajectory kept out of the rewrite (its runs disagree: no feedback is "the real one").
  leftOutFlaky(path: string): void {
    this.rewriteTo(path).flakyLeftOut++;
  }

  finish(durationMs: number): ReplaySummary {
    return { ...this.s, total: this.s.replayed + this.s.resumed, durationMs: Math.round(durationMs) };
  }
}

// The exit code of a replay batch, as for verify: 3 infra errors, 2 malformed lines, 1 a diverged trajectory, else 0.
export function replayExitCode(s: ReplaySummary): number {
  if (s.byVerdict["infra-error"] > 0) return 3;
  if (s.invalidLines.length > 0) return 2;
  if (s.byVerdict.diverged > 0) return 1;
  return 0;
}

// The summary for people.
export function formatReplaySummary(s: ReplaySummary): string {
  const counts = (r: Record<string, number>) => Object.entries(r).filter(([, n]) => n > 0).map(([k, n]) => `${k} ${n}`).join(", ") || "none";
  const lines = [
    `replayed ${s.replayed} trajectories${s.resumed ? ` (${s.resumed} already in the output)` : ""} in ${(s.durationMs / 1000).toFixed(1)} s, each run ${s.repeat}x`,
    `verdicts: ${counts(s.byVerdict)}`,
    `turns: ${counts(s.turns)}`,
  ];
  const hist = Object.entries(s.firstDivergedTurn).sort(([a], [b]) => Number(a) - Number(b));
  if (hist.length) lines.push(`first diverged turn: ${hist.map(([k, n]) => `turn ${k}: ${n}`).join(", ")}`);
  if (s.flakyTurns.length) lines.push(`flaky turns: ${s.flakyTurns.slice(0, 10).map((f) => `${f.id}#${f.turn}`).join(", ")}${s.flakyTurns.length > 10 ? ", ..." : ""}`);
  if (s.infraErrors.length) lines.push(`infra errors (no verdict; a re-run retries them): ${s.infraErrors.join(", ")}`);
  if (s.rewrite) lines.push(`rewrite: ${s.rewrite.records} trajectories to ${s.rewrite.path}, ${s.rewrite.turnsRewritten} turns rewritten, ${s.rewrite.turnsDropped} stale turns dropped${s.rewrite.flakyLeftOut ? `, ${s.rewrite.flakyLeftOut} flaky trajectories left out` : ""}`);
  if (s.invalidLines.length) {
    lines.push(`invalid lines: ${s.invalidLines.length}`);
    for (const l of s.invalidLines.slice(0, INVALID_SHOWN)) lines.push(`  ${l.error}`);
  }
  return lines.join("\n");
}
