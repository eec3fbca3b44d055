import { z } from "zod";
import { ErrorType } from "../core/taxonomy.js";
import type { TrajectoryResult } from "../core/trajectory-result.js";

// What a labelled fixture says Vouch should find: a sound trajectory, or one flaw at a known step.
export const Expectation = z.discriminatedUnion("verdict", [
  z.object({ verdict: z.literal("pass") }),
  z.object({ verdict: z.literal("fail"), error: ErrorType, firstWrongStep: z.number().int().nonnegative() }),
]);
export type Expectation = z.infer<typeof Expectation>;

export const LabelledRecord = z.looseObject({ id: z.string(), task: z.string(), expect: Expectation });
export type LabelledRecord = z.output<typeof LabelledRecord>;

export interface KindScore {
  sound: number;
  soundPassed: number;
  flawed: number;
  /** Flawed ones failed with the expected error type at the expected first wrong step. */
  caughtExactly: number;
  caughtWrongType: number;
  caughtWrongStep: number;
  missed: number;
}

export interface ConfusionReport {
  byKind: Record<string, KindScore>;
  /** expected label ("sound" or an error type) → found label → count. */
  matrix: Record<string, Record<string, number>>;
  /** Records whose outcome was not the expected one, with what was found. */
  mismatches: { id: string; task: string; expected: string; found: string }[];
  missingResults: string[];
  total: KindScore;
}

const empty = (): KindScore => ({ sound: 0, soundPassed: 0, flawed: 0, caughtExactly: 0, caughtWrongType: 0, caughtWrongStep: 0, missed: 0 });

// What Vouch found for a record, as a label comparable with the expectation.
function foundLabel(r: TrajectoryResult): { label: string; step: number } {
  if (r.verdict === "infra-error") return { label: "infra-error", step: -1 };
  if (r.verdict === "pass") return { label: "sound", step: -1 };
  const step = r.firstWrongStep;
  const label = step >= 0 ? (r.steps[step]?.errorType ?? "wrong") : `failed ${r.stages.find((s) => s.status === "fail")?.stage ?? "?"} stage`;
  return { label, step };
}

// Scores verification results against labelled fixtures: per kind, and an expected-vs-found matrix.
export function confusion(labels: readonly LabelledRecord[], results: ReadonlyMap<string, TrajectoryResult>): ConfusionReport {
  const report: ConfusionReport = { byKind: {}, matrix: {}, mismatches: [], missingResults: [], total: empty() };
  for (const rec of labels) {
    const r = results.get(rec.id);
    if (!r) {
      report.missingResults.push(rec.id);
      continue;
    }
    const k = (report.byKind[rec.task] ??= empty());
    const found = foundLabel(r);
    const expected = rec.expect.verdict === "pass" ? "sound" : rec.expect.error;
    const row = (report.matrix[expected] ??= {});
    row[found.label] = (row[found.label] ?? 0) + 1;
    let ok: boolean;
    if (rec.expect.verdict === "pass") {
      k.sound++;
      ok = found.label === "sound";
      if (ok) k.soundPassed++;
    } else {
      k.flawed++;
      const typeOk = found.label === rec.expect.error;
      const stepOk = found.step === rec.expect.firstWrongStep;
      ok = typeOk && stepOk;
      if (ok) k.caughtExactly++;
      else if (found.label === "sound" || found.label === "infra-error") k.missed++;
      else if (!typeOk) k.caughtWrongType++;
      else k.caughtWrongStep++;
    }
    if (!ok) {
      const exp = rec.expect.verdict === "pass" ? "sound" : `${rec.expect.error} at step ${rec.expect.firstWrongStep}`;
      report.mismatches.push({ id: rec.id, task: rec.task, expected: exp, found: found.step >= 0 ? `${found.label} at step ${found.step}` : found.label });
    }
  }
  for (const k of Object.values(report.byKind)) for (const key of Object.keys(k) as (keyof KindScore)[]) report.total[key] += k[key];
  return report;
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : "-");

// The report as aligned text tables for a terminal (and a closing note).
export function formatConfusion(r: ConfusionReport): string {
  const out: string[] = [];
  const head = ["task", "sound passed", "flawed caught (type+step)", "wrong type", "wrong step", "missed"];
  const rows = Object.entries(r.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, k]) => [kind, `${k.soundPassed}/${k.sound}`, `${k.caughtExactly}/${k.flawed} (${pct(k.caughtExactly, k.flawed)})`, String(k.caughtWrongType), String(k.caughtWrongStep), String(k.missed)]);
  const t = r.total;
  rows.push(["total", `${t.soundPassed}/${t.sound}`, `${t.caughtExactly}/${t.flawed} (${pct(t.caughtExactly, t.flawed)})`, String(t.caughtWrongType), String(t.caughtWrongStep), String(t.missed)]);
  out.push(...table(head, rows), "");
  const cols = [...new Set(Object.values(r.matrix).flatMap((row) => Object.keys(row)))].sort(sortLabels);
  const expectedRows = Object.keys(r.matrix).sort(sortLabels);
  out.push("expected (rows) vs found at the first wrong step (columns):");
  out.push(...table(["expected \\ found", ...cols], expectedRows.map((e) => [e, ...cols.map((c) => String(r.matrix[e]![c] ?? "."))])));
  if (r.mismatches.length) {
    out.push("", "not as expected:");
    for (const m of r.mismatches) out.push(`  ${m.id} (${m.task}): expected ${m.expected}, found ${m.found}`);
  }
  if (r.missingResults.length) out.push("", `no result for: ${r.missingResults.join(", ")}`);
  return out.join("\n");
}

const sortLabels = (a: string, b: string) => (a === "sound" ? -1 : b === "sound" ? 1 : a.localeCompare(b));

function table(head: string[], rows: string[][]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...rows.map(line)];
}
