import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { basename, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { readJsonl, type Shard } from "../dataset/jsonl-reader.js";
import type { ResumableWriter } from "../dataset/resumable-writer.js";
import { QUEUE_NAME, redact, redisOptions, type QueueTarget } from "./connection.js";
import { CHUNK_RECORDS, idOf, JobData, JobResult, type InvalidLine, type JobKind, type JobSpec } from "./job.js";

/** An input line the producer sends: its line number, id and text (invalid lines and duplicates never leave it). */
export interface AdmittedLine {
  line: number;
  id: string;
  text: string;
}

const IdLine = z.looseObject({ id: z.string().min(1) });

// The lines of a JSONL input that go on the queue: each readable line with an id, once per id (a later line with
// the same id, or an unreadable one, is reported through `invalid` with the same words as a local run).
export async function* admittedLines(
  input: string,
  shard: Shard | undefined,
  invalid: (line: number, error: string, id?: string) => void,
): AsyncGenerator<AdmittedLine> {
  const name = basename(input);
  const seen = new Set<string>();
  for await (const item of readJsonl(input, IdLine, shard ? { shard } : {})) {
    if (!item.ok) invalid(item.line, item.error, item.id);
    else if (seen.has(item.value.id)) invalid(item.line, `${name}:${item.line}: duplicate id ${JSON.stringify(item.value.id)} (first kept)`, item.value.id);
    else {
      seen.add(item.value.id);
      yield { line: item.line, id: item.value.id, text: JSON.stringify(item.raw) };
    }
  }
}

export interface QueueRunOptions {
  queue: QueueTarget;
  /** Chunks queued or running at most (backpressure; default DEFAULT_DEPTH). */
  depth?: number;
  /** Records per chunk (default CHUNK_RECORDS). */
  chunkRecords?: number;
  /** How long Redis may not answer before the batch stops with QUEUE_UNAVAILABLE (default 60 s). */
  timeoutMs?: number;
  /** Expected sandbox image tag (tests: what a worker with another image does). Default: this install's. */
  image?: string;
  log?: (line: string) => void;
}

export interface ProduceOptions extends QueueRunOptions {
  kind: JobKind;
  input: string;
  output: string;
  spec: JobSpec;
  writer: ResumableWriter;
  /** The input's admitted lines, in order; the producer skips ids already in the output. */
  lines: AsyncIterable<AdmittedLine>;
  onSkip(): void;
  /** A result line, written to the output once per id (a chunk done twice after a worker died is written once). */
  onResult(r: { id: string } & Record<string, unknown>, text: string | undefined): void;
  onInvalid(i: InvalidLine): void;
}

const DEFAULT_DEPTH = 16;
const POLL_MS = 100;
/** Every this many polls, every outstanding chunk's state is read (finds a chunk Redis lost); else one read of the finished ones. */
const FULL_SWEEP_EVERY = 20;
const JOB_TTL_S = 7 * 24 * 3600;
const EVENTS_KEPT = 1_000;

// Sends a batch through the queue in chunks and writes the results to the output as they come back.
// Resumable from the output (ids there are skipped) and from Redis (a restarted producer adopts the chunks
// its run left queued, running or done). A chunk lost from Redis (restart without persistence) is sent again.
export async function produce(o: ProduceOptions): Promise<{ byWorker: Record<string, number> }> {
  const url = redact(o.queue.url);
  const timeoutMs = o.timeoutMs ?? 60_000;
  const depth = Math.max(1, o.depth ?? DEFAULT_DEPTH);
  const size = Math.max(1, o.chunkRecords ?? CHUNK_RECORDS);
  const run = createHash("sha256").update(`${o.kind}\0${hostname()}\0${resolve(o.output)}`).digest("hex").slice(0, 16);
  // our own connection, so it can be dropped at once when Redis is gone (the queue's own close waits for it)
  const redis = new Redis(redisOptions(o.queue));
  redis.on("error", () => undefined); // reported through the guard's timeout, with the last error
  // BullMQ's event stream copies every result: kept short, it does not grow Redis's memory by 10,000 of them
  const queue = new Queue(QUEUE_NAME, { connection: redis, streams: { events: { maxLen: EVENTS_KEPT } } });
  let lastError = "";
  queue.on("error", (e) => void (lastError = e.message));
  const guard = async <T>(p: Promise<T>, what: string): Promise<T> => {
    const ac = new AbortController();
    try {
      return await Promise.race([
        p,
        sleep(timeoutMs, undefined, { signal: ac.signal }).then(() => {
          throw new VouchError(
            "QUEUE_UNAVAILABLE",
            `Redis at ${url} did not answer for ${Math.round(timeoutMs / 1000)} s (${what}${lastError ? `: ${lastError}` : ""}). ` +
              `Results so far are in ${o.output}; run again to resume once Redis is back.`,
          );
        }),
      ]);
    } finally {
      ac.abort();
    }
  };
  const outstanding = new Map<string, JobData>();
  const byWorker: Record<string, number> = {};
  const jobOpts = { attempts: 3, backoff: { type: "exponential", delay: 2_000 }, removeOnComplete: { age: JOB_TTL_S }, removeOnFail: { age: JOB_TTL_S } };
  const send = (id: string, data: JobData) => guard(queue.add(o.kind, data, { ...jobOpts, jobId: id }), "adding a chunk");

  // one poll: collects the done chunks, stops on a failed one; every FULL_SWEEP_EVERY polls, also resends lost ones
  let polls = 0;
  const sweep = async (): Promise<void> => {
    let ids: string[];
    let states: string[];
    if (++polls % FULL_SWEEP_EVERY === 0) {
      ids = [...outstanding.keys()];
      states = await guard(Promise.all(ids.map((id) => queue.getJobState(id))), "polling chunks");
    } else {
      const [completed, failed] = await guard(Promise.all([queue.getRanges(["completed"], 0, -1), queue.getRanges(["failed"], 0, -1)]), "polling chunks");
      const done = new Set(completed);
      ids = [...completed, ...failed].filter((id) => outstanding.has(id));
      states = ids.map((id) => (done.has(id) ? "completed" : "failed"));
    }
    let moved = false;
    for (const [i, id] of ids.entries()) {
      const state = states[i];
      const data = outstanding.get(id)!;
      if (state === "completed") {
        const job = await guard(queue.getJob(id), "reading a result");
        if (!job) continue; // removed in between: the next pass sees it unknown and resends it
        const res = JobResult.safeParse(job.returnvalue);
        if (!res.success) throw new VouchError("QUEUE_UNAVAILABLE", `chunk ${id} came back malformed from worker: ${res.error.issues[0]?.message}`);
        await collect(data, res.data);
        await guard(job.remove(), "removing a done chunk");
        outstanding.delete(id);
        moved = true;
      } else if (state === "failed") {
        const job = await guard(queue.getJob(id), "reading a failure");
        throw new VouchError(
          "QUEUE_UNAVAILABLE",
          `a chunk failed on every try (lines ${data.lines[0]!.line}-${data.lines.at(-1)!.line}): ${job?.failedReason ?? "unknown reason"}. ` +
            `Results so far are in ${o.output}; run again to resume.`,
        );
      } else if (state === "unknown") {
        o.log?.(`vouch: chunk ${id} is gone from Redis (restarted without persistence?); sending it again`);
        await send(id, data);
      }
    }
    if (!moved) await sleep(POLL_MS);
  };
  const collect = async (data: JobData, res: JobResult): Promise<void> => {
    const texts = new Map<string, string>();
    for (const r of res.results) {
      if (o.writer.done.has(r.id)) continue;
      if (texts.size === 0) for (const l of data.lines) texts.set(idOf(l.text) ?? "", l.text);
      await o.writer.write(r);
      byWorker[res.worker] = (byWorker[res.worker] ?? 0) + 1;
      o.onResult(r, texts.get(r.id));
    }
    for (const i of res.invalid) o.onInvalid(i);
  };

  try {
    await guard(queue.waitUntilReady(), "connecting");
    // adopt what an earlier producer of this run left in Redis; a chunk that failed there is tried again
    const adopted = new Set<string>();
    const left = await guard(queue.getJobs(["wait", "active", "delayed", "prioritized", "completed", "failed"]), "listing chunks");
    for (const job of left) {
      const data = JobData.safeParse(job.data);
      if (!job.id || !data.success || data.data.run !== run) continue;
      if (await job.isFailed()) {
        await guard(job.remove(), "removing a failed chunk");
        await send(job.id, data.data);
      }
      outstanding.set(job.id, data.data);
      for (const l of data.data.lines) adopted.add(idOf(l.text) ?? "");
    }
    if (outstanding.size) o.log?.(`vouch: adopted ${outstanding.size} chunk(s) this run left in Redis (${adopted.size} records)`);

    let chunk: AdmittedLine[] = [];
    const flush = async () => {
      while (outstanding.size >= depth) await sweep();
      const data: JobData = {
        run,
        kind: o.kind,
        input: o.input,
        lines: chunk.map((l) => ({ line: l.line, text: l.text })),
        ...(o.image ? { image: o.image } : {}),
        spec: o.spec,
      };
      const id = `${run}-${createHash("sha256").update(chunk.map((l) => l.id).join("\0")).digest("hex").slice(0, 16)}`;
      outstanding.set(id, data);
      await send(id, data);
      chunk = [];
    };
    for await (const l of o.lines) {
      if (o.writer.done.has(l.id)) o.onSkip();
      else if (!adopted.has(l.id)) {
        chunk.push(l);
        if (chunk.length >= size) await flush();
      }
    }
    if (chunk.length) await flush();
    while (outstanding.size) await sweep();
  } finally {
    await Promise.race([queue.close(), sleep(2_000)]).catch(() => undefined);
    redis.disconnect();
  }
  o.log?.(`vouch ${o.kind}: results by worker: ${Object.entries(byWorker).map(([w, n]) => `${w} ${n}`).join(", ") || "none this run"}`);
  return { byWorker };
}
