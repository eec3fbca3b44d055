import { createWriteStream, type WriteStream } from "node:fs";
import { mkdir, open, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { planCurriculum, type CurriculumEntry } from "./curriculum.js";
import { difficultyOf, type Difficulty } from "./difficulty.js";
import { DEFAULT_NUM_PERM, DEFAULT_SEED, lshParams } from "./minhash.js";
import { Deduper, labelGroup } from "./partition-dedup.js";
import { readPartitionInput, type InputItem } from "./partition-input.js";
import type { KindCounts, PartitionManifest } from "./partition-manifest.js";
import { placeRecord, SUBSETS, type Placement, type Subset } from "./partition-subsets.js";
import type { TrajectoryResult } from "../core/trajectory-result.js";

// `vouch partition`: streams verified trajectories into training subsets (docs/partition.md).

export const PartitionOptions = z.object({
  input: z.string().min(1),
  results: z.string().min(1).optional(),
  outDir: z.string().min(1),
  dedupThreshold: z.number().gt(0).max(1).default(0.8),
  numPerm: z.number().int().min(16).max(1024).default(DEFAULT_NUM_PERM),
  seed: z.number().int().default(DEFAULT_SEED),
  curriculum: z.boolean().default(false),
  easyShare: z.number().min(0).max(0.9).default(0.2),
});
export type PartitionOptionsInput = z.input<typeof PartitionOptions>;
export type PartitionOptions = z.output<typeof PartitionOptions>;

// A JSONL output that knows where each line starts (the curriculum reads lines back) and waits on backpressure.
class JsonlOut {
  private readonly stream: WriteStream;
  private offset = 0;
  constructor(readonly path: string) {
    this.stream = createWriteStream(path);
  }
  async write(value: unknown): Promise<{ offset: number; length: number }> {
    const buf = Buffer.from(JSON.stringify(value) + "\n");
    const at = { offset: this.offset, length: buf.length - 1 };
    this.offset += buf.length;
    if (!this.stream.write(buf)) await once(this.stream, "drain");
    return at;
  }
  async close(): Promise<void> {
    this.stream.end();
    await once(this.stream, "finish");
  }
}

const FILES = ["sft", "process", "correction", "duplicates", "excluded", "unusable"] as const;
const emptyKind = (): KindCounts => ({ input: 0, sft: 0, process: 0, correction: 0, duplicates: 0, excluded: 0 });
const bump = (m: Record<string, number>, k: string, n = 1) => (m[k] = (m[k] ?? 0) + n);

// The lines each subset gets for one record.
function subsetLine(s: Subset, id: string, record: Record<string, unknown>, result: TrajectoryResult, p: Placement, d: Difficulty): unknown {
  const difficulty = { bucket: d.bucket, score: d.score };
  const { expect: _expect, ...clean } = record; // fixture labels are not training data
  if (s === "sft") return { id, task: result.task, difficulty, record: clean };
  if (s === "process") {
    const steps = result.steps.map(({ index, name, label, errorType, evidence }) => ({ index, name, label, ...(errorType ? { errorType } : {}), evidence }));
    return { id, task: result.task, verdict: result.verdict, processScore: result.processScore, firstWrongStep: result.firstWrongStep, steps, difficulty, record: clean };
  }
  return { id, task: result.task, firstWrongStep: result.firstWrongStep, errors: result.errors, correction: p.correction, difficulty, record: clean };
}

// Partitions a batch; writes DIR/{sft,process,correction,duplicates,excluded,unusable}.jsonl, manifest.json
// and, with curriculum, curriculum.jsonl. Returns the manifest (its accounting must balance).
export async function partition(raw: PartitionOptionsInput): Promise<PartitionManifest> {
  const o = PartitionOptions.parse(raw);
  await mkdir(o.outDir, { recursive: true });
  const out = Object.fromEntries(FILES.map((f) => [f, new JsonlOut(join(o.outDir, `${f}.jsonl`))])) as Record<(typeof FILES)[number], JsonlOut>;
  const dedup = new Deduper(o.dedupThreshold, o.numPerm, o.seed);
  const acc = { input: 0, kept: 0, duplicates: 0, excluded: 0, unusable: 0 };
  const subsets = { sft: 0, process: 0, correction: 0 };
  const overlap: Record<string, number> = {};
  const byKind: Record<string, KindCounts> = {};
  const notIn: Record<string, Record<string, number>> = {};
  const excludedReasons: Record<string, number> = {};
  const unusableReasons: Record<string, number> = {};
  const difficulty: Record<string, Record<string, number>> = {};
  const curriculumPool: CurriculumEntry<{ subset: Subset; offset: number; length: number }>[] = [];
  const handle = async (item: InputItem) => {
    acc.input++;
    if (!item.ok) {
      acc.unusable++;
      bump(unusableReasons, item.kind);
      await out.unusable.write({ line: item.line, ...(item.id ? { id: item.id } : {}), kind: item.kind, reason: item.reason });
      return;
    }
    const { id, record, result } = item;
    const kind = (byKind[result.task] ??= emptyKind());
    kind.input++;
    const placement = placeRecord(record, result);
    if (placement.subsets.length === 0) {
      acc.excluded++;
      kind.excluded++;
      const reason = placement.excluded ?? "in no subset";
      bump(excludedReasons, reason.replace(/ \(.*\)$/, ""));
      await out.excluded.write({ line: item.line, id, task: result.task, verdict: result.verdict, reason });
      return;
    }
    const hit = dedup.check(id, record, labelGroup(result));
    if (hit) {
      acc.duplicates++;
      kind.duplicates++;
      await out.duplicates.write({ line: item.line, id, task: result.task, duplicateOf: hit.duplicateOf, similarity: hit.similarity, subsets: placement.subsets });
      return;
    }
    acc.kept++;
    bump(overlap, `${placement.subsets.length} subset${placement.subsets.length > 1 ? "s" : ""}`);
    const d = difficultyOf(record, result);
    for (const s of SUBSETS) {
      if (!placement.subsets.includes(s)) {
        bump((notIn[s] ??= {}), placement.why[s] ?? "?");
        continue;
      }
      subsets[s]++;
      kind[s]++;
      bump((difficulty[s] ??= { easy: 0, medium: 0, hard: 0 }), d.bucket);
      const at = await out[s].write(subsetLine(s, id, record, result, placement, d));
      if (o.curriculum && s !== "correction") curriculumPool.push({ item: { subset: s, ...at }, bucket: d.bucket, score: d.score });
    }
  };
  try {
    for await (const item of readPartitionInput(o.input, o.results)) await handle(item);
  } finally {
    await Promise.all(Object.values(out).map((w) => w.close()));
  }
  const files: Record<string, string> = Object.fromEntries(FILES.map((f) => [f, join(o.outDir, `${f}.jsonl`)]));
  let curriculum: PartitionManifest["curriculum"];
  if (o.curriculum) {
    files.curriculum = join(o.outDir, "curriculum.jsonl");
    curriculum = await writeCurriculum(o, curriculumPool, files.curriculum);
  }
  const balanced = acc.input === acc.kept + acc.duplicates + acc.excluded + acc.unusable;
  const { bands, rows } = lshParams(o.dedupThreshold, o.numPerm);
  files.manifest = join(o.outDir, "manifest.json");
  const manifest: PartitionManifest = {
    input: o.input,
    ...(o.results ? { results: o.results } : {}),
    outDir: o.outDir,
    parameters: { dedupThreshold: o.dedupThreshold, numPerm: o.numPerm, bands, rows, seed: o.seed, curriculum: o.curriculum, easyShare: o.easyShare },
    accounting: { ...acc, balanced },
    subsets,
    overlap,
    byKind,
    notIn,
    excludedReasons,
    unusableReasons,
    difficulty,
    ...(curriculum ? { curriculum } : {}),
    files,
  };
  await writeFile(files.manifest, JSON.stringify(manifest, null, 2) + "\n");
  if (!balanced) throw new VouchError("INTERNAL", `partition lost records: ${JSON.stringify(acc)}`);
  return manifest;
}

// Writes curriculum.jsonl: each sft/process line again, in stage order, with its stage; lines are read back
// from the subset files by offset, so nothing but offsets is held in memory.
async function writeCurriculum(
  o: PartitionOptions,
  pool: CurriculumEntry<{ subset: Subset; offset: number; length: number }>[],
  path: string,
): Promise<NonNullable<PartitionManifest["curriculum"]>> {
  const stages = planCurriculum(pool, o.easyShare, o.seed);
  const handles = { sft: await open(join(o.outDir, "sft.jsonl")), process: await open(join(o.outDir, "process.jsonl")) };
  const w = new JsonlOut(path);
  try {
    for (const st of stages) {
      for (const e of st.items) {
        const fh = handles[e.item.subset as "sft" | "process"];
        const buf = Buffer.alloc(e.item.length);
        await fh.read(buf, 0, e.item.length, e.item.offset);
        await w.write({ stage: st.stage, stageName: st.name, subset: e.item.subset, ...(JSON.parse(buf.toString("utf8")) as object) });
      }
    }
  } finally {
    await w.close();
    await Promise.all(Object.values(handles).map((h) => h.close()));
  }
  return stages.map((s) => ({ stage: s.stage, name: s.name, records: s.items.length, easy: s.items.filter((e) => e.bucket === "easy").length }));
}
