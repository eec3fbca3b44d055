import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { UnrecoverableError, Worker, type Job } from "bullmq";
import { verify } from "../pipeline/verify.js";
import { openSandboxes, type Sandboxes } from "../exec/sandboxes.js";
import { math } from "../math/batch.js";
import { replay } from "../replay/replay.js";
import { ensureImage, imageId } from "../sandbox/image.js";
import { SandboxLimits } from "../sandbox/limits.js";
import type { Isolation } from "../sandbox/types.js";
import { QUEUE_NAME, redact, redisOptions, type QueueTarget } from "./connection.js";
import { idOf, JobData, type InvalidLine, type JobResult } from "./job.js";

export interface QueueWorkerOptions {
  queue: QueueTarget;
  /** Shown in every result it returns; default host-pid. */
  name?: string;
  /** Sandboxes of this machine running at once. */
  concurrency: number;
  isolation: Isolation;
  cacheDir?: string;
  log: (line: string) => void;
  /** How long a job stays this worker's without a renewal (a worker killed -9 loses it after this). */
  lockMs?: number;
  /** How often workers look for jobs whose worker died (BullMQ's stalled-job check). */
  stalledCheckMs?: number;
}

export interface QueueWorker {
  name: string;
  image: string;
  imageDigest: string;
  /** Stops taking jobs; waits for the jobs under way (force: hands them back at once, another worker redoes them). */
  close(force?: boolean): Promise<void>;
}

/** Chunks run at once: two, so the sandboxes stay busy while one chunk's last records finish. */
const CHUNKS_AT_ONCE = 2;

// A long-running worker: takes chunks from the queue and verifies them with the same functions as
// `vouch verify`, `vouch math` and `vouch replay`, in this machine's warm pool; returns the result lines.
export async function startQueueWorker(opts: QueueWorkerOptions): Promise<QueueWorker> {
  const name = opts.name ?? `${hostname()}-${process.pid}`;
  const image = await ensureImage({ build: true, log: opts.log });
  const imageDigest = await imageId(image);
  const pools = new Map<string, Promise<Sandboxes>>();
  // one warm pool per set of limits a producer asks for (the pool's containers are made with them)
  const poolFor = (limits: SandboxLimits): Promise<Sandboxes> => {
    const key = JSON.stringify(limits);
    let p = pools.get(key);
    if (!p) pools.set(key, (p = openSandboxes({ image, isolation: opts.isolation, log: opts.log }, limits, opts.concurrency)));
    return p;
  };
  await poolFor(SandboxLimits.parse({}));
  const tmp = await mkdtemp(join(tmpdir(), "vouch-worker-"));

  const processChunk = async (job: Job): Promise<JobResult> => {
    const parsed = JobData.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`worker ${name}: malformed job ${job.id}: ${parsed.error.issues[0]?.message}`);
    const data = parsed.data;
    const sandboxed = data.kind === "replay" || (data.kind === "verify" && !data.spec.staticOnly);
    if (sandboxed && data.image && data.image !== image) {
      throw new UnrecoverableError(
        `worker ${name} refuses the job: its sandbox image is ${image} (${imageDigest}), the producer expects ${data.image}. ` +
          `Verdicts must not depend on the machine: install the producer's version of Vouch on this worker and run \`vouch image build\``,
      );
    }
    const dir = await mkdtemp(join(tmp, "job-"));
    const file = join(dir, basename(data.input)); // same base name: messages name the producer's file
    await writeFile(file, data.lines.map((l) => l.text).join("\n") + "\n");
    const results: Array<{ id: string }> = [];
    const invalid: InvalidLine[] = [];
    const onResult = (r: { id: string }) => void results.push(r);
    const onInvalid = (k: number, error: string) => invalid.push(relocated(data, file, k, error));
    try {
      if (data.kind === "math") {
        await math({ input: file, output: "/dev/null", onResult, onInvalid });
      } else {
        const sb = sandboxed ? await poolFor(data.spec.limits) : undefined;
        const common = {
          input: file,
          output: "/dev/null",
          concurrency: opts.concurrency,
          limits: data.spec.limits,
          ...(sb ? { provider: sb.provider, image: sb.image } : {}),
          onResult,
          onInvalid,
        };
        if (data.kind === "verify") {
          const cacheDir = data.spec.cache ? opts.cacheDir : false;
          await verify({ ...common, staticOnly: data.spec.staticOnly, ...(cacheDir !== undefined ? { cacheDir } : {}) });
        } else {
          await replay({ ...common, repeat: data.spec.repeat });
        }
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return {
      worker: name,
      ...(sandboxed ? { image, imageDigest } : {}),
      results: results.map((r) => ({ ...r, worker: name, ...(sandboxed ? { imageDigest } : {}) })),
      invalid,
    };
  };

  const worker = new Worker(QUEUE_NAME, processChunk, {
    connection: redisOptions(opts.queue),
    concurrency: CHUNKS_AT_ONCE,
    lockDuration: opts.lockMs ?? 30_000,
    stalledInterval: opts.stalledCheckMs ?? 15_000,
    maxStalledCount: 3,
  });
  worker.on("failed", (job, err) => opts.log(`vouch worker ${name}: job ${job?.id} failed: ${err.message}`));
  let lastError = ""; // a Redis that is down fails every reconnection alike: said once
  worker.on("error", (err) => {
    if (err.message !== lastError) opts.log(`vouch worker ${name}: queue error: ${err.message}`);
    lastError = err.message;
  });
  worker.on("completed", () => void (lastError = ""));
  worker.on("stalled", (id) => opts.log(`vouch worker ${name}: job ${id} stalled (its worker died or hung), queued again`));
  await worker.waitUntilReady();
  opts.log(`vouch worker ${name}: image ${image} (${imageDigest}), ${opts.concurrency} sandboxes, queue ${redact(opts.queue.url)}`);

  return {
    name,
    image,
    imageDigest,
    async close(force = false) {
      await worker.close(force);
      await Promise.all([...pools.values()].map(async (p) => (await p.catch(() => undefined))?.close()));
      await rm(tmp, { recursive: true, force: true });
    },
  };
}

// A message about line k of the chunk file, about the producer's file and line instead (and the record's id).
function relocated(data: JobData, file: string, k: number, error: string): InvalidLine {
  const src = data.lines[k - 1];
  const line = src?.line ?? k;
  const at = (path: string) => new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${k}(?!\\d)`, "g");
  const message = error.replace(at(file), `${data.input}:${line}`).replace(at(basename(file)), `${basename(data.input)}:${line}`);
  const id = idOf(src?.text);
  return { line, error: message, ...(id ? { id } : {}) };
}
