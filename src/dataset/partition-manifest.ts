import { z } from "zod";
import { DifficultyBucket } from "./difficulty.js";

// DIR/manifest.json of `vouch partition`: parameters, counts per subset and kind, reasons, and the sum check.

const Buckets = z.record(DifficultyBucket, z.number().int());

export const KindCounts = z.object({
  input: z.number().int(),
  sft: z.number().int(),
  process: z.number().int(),
  correction: z.number().int(),
  duplicates: z.number().int(),
  excluded: z.number().int(),
});
export type KindCounts = z.infer<typeof KindCounts>;

export const PartitionManifest = z.object({
  input: z.string(),
  results: z.string().optional(),
  outDir: z.string(),
  parameters: z.object({
    dedupThreshold: z.number(),
    numPerm: z.number().int(),
    bands: z.number().int(),
    rows: z.number().int(),
    seed: z.number().int(),
    curriculum: z.boolean(),
    easyShare: z.number(),
  }),
  /** Every non-blank input line lands in exactly one of kept, duplicates, excluded, unusable. */
  accounting: z.object({
    input: z.number().int(),
    kept: z.number().int(),
    duplicates: z.number().int(),
    excluded: z.number().int(),
    unusable: z.number().int(),
    balanced: z.boolean(),
  }),
  /** Records per subset (a record may be in several). */
  subsets: z.object({ sft: z.number().int(), process: z.number().int(), correction: z.number().int() }),
  /** Kept records in 1, 2 or 3 subsets. */
  overlap: z.record(z.string(), z.number().int()),
  byKind: z.record(z.string(), KindCounts),
  /** Why kept records are not in a subset: subset → reason → count. */
  notIn: z.record(z.string(), z.record(z.string(), z.number().int())),
  excludedReasons: z.record(z.string(), z.number().int()),
  unusableReasons: z.record(z.string(), z.number().int()),
  difficulty: z.record(z.string(), Buckets),
  curriculum: z.array(z.object({ stage: z.number().int(), name: DifficultyBucket, records: z.number().int(), easy: z.number().int() })).optional(),
  files: z.record(z.string(), z.string()),
});
export type PartitionManifest = z.infer<typeof PartitionManifest>;

const pad = (s: string | number, n: number) => String(s).padEnd(n);
const padl = (s: string | number, n: number) => String(s).padStart(n);

// The table `vouch partition` prints: per kind and subset, duplicates, exclusions and unusable lines with
// their reasons, and the sum check.
export function formatPartitionTable(m: PartitionManifest): string {
  const out: string[] = [];
  const cols = ["input", "sft", "process", "correction", "duplicates", "excluded"] as const;
  out.push(`${pad("kind", 24)}${cols.map((c) => padl(c, 11)).join("")}`);
  const total: Record<string, number> = {};
  for (const [kind, c] of Object.entries(m.byKind).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`${pad(kind, 24)}${cols.map((k) => padl(c[k], 11)).join("")}`);
    for (const k of cols) total[k] = (total[k] ?? 0) + c[k];
  }
  out.push(`${pad("all kinds", 24)}${cols.map((k) => padl(total[k] ?? 0, 11)).join("")}`);
  out.push("");
  const overlap = Object.entries(m.overlap).map(([n, c]) => `${c} in ${n}`).join(", ");
  out.push(`subsets (a record may be in several; kept records: ${overlap || "none"}):`);
  for (const s of ["sft", "process", "correction"] as const) {
    const d: Record<string, number> = m.difficulty[s] ?? {};
    out.push(`  ${pad(s, 11)} ${padl(m.subsets[s], 5)}  easy ${d.easy ?? 0}, medium ${d.medium ?? 0}, hard ${d.hard ?? 0}`);
    for (const [why, n] of Object.entries(m.notIn[s] ?? {}).sort((a, b) => b[1] - a[1])) out.push(`      not in ${s}: ${n} × ${why}`);
  }
  out.push(`duplicates removed: ${m.accounting.duplicates} (estimated Jaccard >= ${m.parameters.dedupThreshold}, same kind and labels; see duplicates.jsonl)`);
  out.push(`excluded: ${m.accounting.excluded}`);
  for (const [why, n] of Object.entries(m.excludedReasons)) out.push(`  ${n} × ${why}`);
  out.push(`unusable: ${m.accounting.unusable}`);
  for (const [why, n] of Object.entries(m.unusableReasons)) out.push(`  ${n} × ${why}`);
  if (m.curriculum) {
    out.push(`curriculum: ${m.curriculum.map((s) => `stage ${s.stage} (${s.name}) ${s.records} records, ${s.easy} easy`).join("; ")}`);
  }
  const a = m.accounting;
  out.push(
    `sum check: ${a.input} input = ${a.kept} kept + ${a.duplicates} duplicates + ${a.excluded} excluded + ${a.unusable} unusable: ${a.balanced ? "ok" : "MISMATCH"}`,
  );
  return out.join("\n");
}
