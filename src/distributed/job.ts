import { z } from "zod";
import { SandboxLimits } from "../sandbox/limits.js";

// What crosses the queue, checked with zod on both sides: a chunk of input lines (producer -> worker) and
// the chunk's results (worker -> producer).

export const JobKind = z.enum(["verify", "math", "replay"]);
export type JobKind = z.infer<typeof JobKind>;

/** Records per job: enough that the queue's cost per record stays small, few enough to spread a batch. */
export const CHUNK_RECORDS = 32;

// How a chunk is verified: only what a verdict depends on. The worker keeps its own isolation and pool;
// there is no field that could make it run code outside its sandbox.
export const JobSpec = z.strictObject({
  limits: SandboxLimits,
  staticOnly: z.boolean().default(false),
  cache: z.boolean().default(true),
  repeat: z.number().int().min(1).max(20).default(1),
});
export type JobSpec = z.output<typeof JobSpec>;

export const InputLine = z.strictObject({ line: z.number().int().positive(), text: z.string() });
export type InputLine = z.infer<typeof InputLine>;

export const JobData = z.strictObject({
  /** The producer's run (kind, host and output): a restarted producer finds its jobs by it. */
  run: z.string().min(1),
  kind: JobKind,
  /** The input as the producer named it, so messages about a line name the producer's file and line. */
  input: z.string().min(1),
  lines: z.array(InputLine).min(1),
  /** The sandbox image tag the producer expects (content hash of sandbox-images): a worker with another refuses. */
  image: z.string().optional(),
  spec: JobSpec,
});
export type JobData = z.output<typeof JobData>;

export const InvalidLine = z.strictObject({ line: z.number().int(), error: z.string(), id: z.string().optional() });
export type InvalidLine = z.infer<typeof InvalidLine>;

export const JobResult = z.strictObject({
  worker: z.string(),
  image: z.string().optional(),
  imageDigest: z.string().optional(),
  /** One result line per record (the same lines `vouch verify|math|replay` writes), with worker and imageDigest. */
  results: z.array(z.looseObject({ id: z.string() })),
  invalid: z.array(InvalidLine),
});
export type JobResult = z.infer<typeof JobResult>;

// The id of a chunk line (its text is a JSON record), or undefined.
export function idOf(text: string | undefined): string | undefined {
  try {
    const v = JSON.parse(text ?? "") as { id?: unknown } | null;
    return typeof v?.id === "string" ? v.id : undefined;
  } catch {
    return undefined;
  }
}
