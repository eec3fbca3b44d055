import { z } from "zod";
import { parseFlags } from "./flags.js";
import { partition } from "../dataset/partition.js";
import { formatPartitionTable } from "../dataset/partition-manifest.js";

// The flags of `vouch partition`, coerced and checked once; a bad value is a USAGE error naming the flag.
export const PartitionFlags = z.object({
  results: z.string().min(1).optional(),
  outDir: z.string().min(1),
  dedupThreshold: z.coerce.number().gt(0).max(1).default(0.8),
  curriculum: z.boolean().default(false),
  easyShare: z.coerce.number().min(0).max(0.9).default(0.2),
  seed: z.coerce.number().int().default(1),
  json: z.boolean().default(false),
});
export type PartitionFlags = z.output<typeof PartitionFlags>;

// `vouch partition TRAJ.jsonl --out-dir DIR`: exit 0 when every line was usable, 2 when some were not
// (they are in DIR/unusable.jsonl) or the flags are bad.
export async function partitionCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(PartitionFlags, raw);
  const manifest = await partition({
    input,
    outDir: f.outDir,
    dedupThreshold: f.dedupThreshold,
    curriculum: f.curriculum,
    easyShare: f.easyShare,
    seed: f.seed,
    ...(f.results ? { results: f.results } : {}),
  });
  if (f.json) process.stdout.write(JSON.stringify(manifest) + "\n");
  else process.stdout.write(`vouch partition: ${input} → ${f.outDir}\n${formatPartitionTable(manifest)}\n`);
  return manifest.accounting.unusable > 0 ? 2 : 0;
}
