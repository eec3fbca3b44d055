import { access } from "node:fs/promises";
import { basename } from "node:path";
import { CodeRecord } from "../core/code-record.js";
import { VouchError } from "../core/errors.js";
import type { VerifyResult } from "../core/result.js";
import { dotPath, readJsonl, type Shard } from "../dataset/jsonl-reader.js";
import { openResumableWriter, type ResumableWriter } from "../dataset/resumable-writer.js";
import { SummaryBuilder, type BatchSummary } from "../report/summary.js";
import { removeLeftovers } from "../sandbox/docker/cleanup.js";
import { assertEngine } from "../sandbox/docker/client.js";
import { DockerProvider } from "../sandbox/docker/provider.js";
import { ensureImage, imageId } from "../sandbox/image.js";
import { SandboxLimits, type SandboxLimitsInput } from "../sandbox/limits.js";
import type { Isolation, SandboxProvider } from "../sandbox/types.js";
import { defaultCacheDir, ResultCache } from "./result-cache.js";
import { verifyRecord, type RecordContext } from "./verify-record.js";

export interface VerifyOptions {
  input: string;
  output: string;
  concurrency?: number;
  isolation?: Isolation;
  limits?: SandboxLimitsInput;
  /** A directory for the result cache, or false for none. */
  cacheDir?: string | false;
  shard?: Shard;
  /** Sandbox image; by default the current python image, built when missing. */
  image?: string;
  /** A provider to use instead of the Docker one (tests of the orchestration). */
  provider?: SandboxProvider;
  onResult?: (r: VerifyResult) => void;
  onInvalid?: (line: number, error: string) => void;
  onStart?: (info: { image: string; resumed: number }) => void;
  log?: (line: string) => void;
}

// After this many infra errors in a row the engine is taken to be gone, and the batch stops.
const MAX_INFRA_STREAK = 3;

// Limits and input checked before any sandbox starts: a bad value is a USAGE or INPUT_INVALID error.
async function checkInputs(opts: VerifyOptions): Promise<SandboxLimits> {
  const parsed = SandboxLimits.safeParse(opts.limits ?? {});
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new VouchError("USAGE", `sandbox limit ${dotPath(i.path)}: ${i.message}`);
  }
  await access(opts.input).catch(() => {
    throw new VouchError("INPUT_INVALID", `input file not found: ${opts.input}`, { path: opts.input });
  });
  return parsed.data;
}

interface Sandboxes {
  provider: SandboxProvider;
  image: string;
  imageDigest?: string;
  close(): Promise<void>;
}

// The caller's provider, or a warm Docker pool (engine checked, leftovers removed, image built if missing).
async function openSandboxes(opts: VerifyOptions, limits: SandboxLimits, size: number): Promise<Sandboxes> {
  if (opts.provider) return { provider: opts.provider, image: opts.image ?? "", close: async () => undefined };
  await assertEngine();
  await removeLeftovers();
  const image = opts.image || (await ensureImage({ build: true, log: opts.log }));
  const imageDigest = await imageId(image);
  const docker = new DockerProvider({ spec: { image, limits }, isolation: opts.isolation ?? "pool", size });
  try {
    await docker.warm();
  } catch (e) {
    await docker.close();
    throw e;
  }
  return { provider: docker, image, imageDigest, close: () => docker.close() };
}

// Verifies a JSONL batch: streams the input, skips ids already in the output, runs records concurrently
// in sandboxes, appends one result line each, and summarises. A malformed line is reported and skipped.
export async function verify(opts: VerifyOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const limits = await checkInputs(opts);
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const sandboxes = await openSandboxes(opts, limits, concurrency);
  const summary = new SummaryBuilder();
  const inflight = new Set<Promise<void>>();
  let writer: ResumableWriter | undefined;
  try {
    // infra errors are not the code's verdict: a resumed run does those records again
    writer = await openResumableWriter(opts.output, { redo: (r) => r.verdict === "infra-error" });
    opts.onStart?.({ image: sandboxes.image, resumed: writer.done.size });
    const cache = opts.cacheDir === false ? undefined : new ResultCache(opts.cacheDir ?? defaultCacheDir());
    const { provider, image, imageDigest } = sandboxes;
    const ctx: RecordContext = { provider, image, imageDigest, limits, cache };
    const out = writer;
    const name = basename(opts.input);
    const seen = new Set<string>();
    let infraStreak = 0;
    let broken: string | undefined;
    for await (const item of readJsonl(opts.input, CodeRecord, { shard: opts.shard })) {
      const duplicate = item.ok && seen.has(item.value.id);
      if (!item.ok || duplicate) {
        const error = item.ok ? `${name}:${item.line}: duplicate id ${JSON.stringify(item.value.id)} (first kept)` : item.error;
        summary.addInvalid(item.line, error, item.ok ? item.value.id : item.id);
        opts.onInvalid?.(item.line, error);
        continue;
      }
      const rec = item.value;
      seen.add(rec.id);
      if (out.done.has(rec.id)) {
        summary.skipped(1);
        continue;
      }
      if (broken) break;
      const task = verifyRecord(rec, ctx).then(async (r) => {
        await out.write(r);
        summary.add(r);
        opts.onResult?.(r);
        infraStreak = r.verdict === "infra-error" ? infraStreak + 1 : 0;
        if (infraStreak >= MAX_INFRA_STREAK) broken = r.message ?? "infra-error";
      });
      const tracked: Promise<void> = task.finally(() => inflight.delete(tracked));
      inflight.add(tracked);
      if (inflight.size >= concurrency) await Promise.race(inflight);
    }
    await Promise.all(inflight);
    if (broken) {
      throw new VouchError(
        "SANDBOX_UNAVAILABLE",
        `the sandbox failed on ${MAX_INFRA_STREAK} records in a row, stopping (last: ${broken}). ` +
          `Results so far are in ${opts.output}; run again to resume.`,
      );
    }
  } finally {
    await Promise.allSettled(inflight);
    await writer?.close();
    await sandboxes.close();
  }
  return summary.finish(performance.now() - t0);
}
