import { access } from "node:fs/promises";
import { CodeRecord } from "../core/code-record.js";
import { VouchError } from "../core/errors.js";
import type { VerifyResult } from "../core/result.js";
import { dotPath, readJsonl, type Shard } from "../dataset/jsonl-reader.js";
import { openResumableWriter } from "../dataset/resumable-writer.js";
import { SummaryBuilder, type BatchSummary } from "../report/summary.js";
import { removeLeftovers } from "../sandbox/docker/cleanup.js";
import { assertEngine } from "../sandbox/docker/client.js";
import { DockerProvider } from "../sandbox/docker/provider.js";
import { ensureImage, imageId } from "../sandbox/image.js";
import { SandboxLimits, type SandboxLimitsInput } from "../sandbox/limits.js";
import type { Isolation, SandboxProvider } from "../sandbox/types.js";
import { defaultCacheDir, ResultCache } from "./result-cache.js";
import { verifyRecord } from "./verify-record.js";

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

// Verifies a JSONL batch: streams the input, skips ids already in the output, runs records concurrently
// in sandboxes, appends one result line each, and summarises. A malformed line is reported and skipped.
export async function verify(opts: VerifyOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const parsedLimits = SandboxLimits.safeParse(opts.limits ?? {});
  if (!parsedLimits.success) {
    const i = parsedLimits.error.issues[0]!;
    throw new VouchError("USAGE", `sandbox limit ${dotPath(i.path)}: ${i.message}`);
  }
  const limits = parsedLimits.data;
  await access(opts.input).catch(() => {
    throw new VouchError("INPUT_INVALID", `input file not found: ${opts.input}`, { path: opts.input });
  });
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  let provider = opts.provider;
  let image = opts.image ?? "";
  let imageDigest: string | undefined;
  if (!provider) {
    await assertEngine();
    await removeLeftovers();
    image ||= await ensureImage({ build: true, log: opts.log });
    imageDigest = await imageId(image);
    const docker = new DockerProvider({ spec: { image, limits }, isolation: opts.isolation ?? "pool", size: concurrency });
    await docker.warm();
    provider = docker;
  }
  const summary = new SummaryBuilder();
  // infra errors are not the code's verdict: a resumed run does those records again
  const writer = await openResumableWriter(opts.output, { redo: (r) => r.verdict === "infra-error" });
  opts.onStart?.({ image, resumed: writer.done.size });
  const cache = opts.cacheDir === false ? undefined : new ResultCache(opts.cacheDir ?? defaultCacheDir());
  const ctx = { provider, image, imageDigest, limits, cache };
  const seen = new Set<string>();
  const inflight = new Set<Promise<void>>();
  let skipped = 0;
  let infraStreak = 0;
  let broken: string | undefined;
  try {
    for await (const item of readJsonl(opts.input, CodeRecord, { shard: opts.shard })) {
      if (!item.ok) {
        summary.addInvalid(item.line, item.error, item.id);
        opts.onInvalid?.(item.line, item.error);
        continue;
      }
      const rec = item.value;
      if (seen.has(rec.id)) {
        const error = `line ${item.line}: duplicate id ${JSON.stringify(rec.id)} (first occurrence kept)`;
        summary.addInvalid(item.line, error, rec.id);
        opts.onInvalid?.(item.line, error);
        continue;
      }
      seen.add(rec.id);
      if (writer.done.has(rec.id)) {
        skipped++;
        continue;
      }
      if (broken) break;
      const task = verifyRecord(rec, ctx).then(async (r) => {
        await writer.write(r);
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
    await writer.close();
    if (!opts.provider) await provider.close();
  }
  summary.skipped(skipped);
  return summary.finish(performance.now() - t0);
}
