// Distributed verification as deployed: a real redis-server (test/support/redis-server.ts), `vouch worker`s as
// separate processes, the producer as `vouch verify --queue`; every fault of docs/distributed.md, and the output
// checked record by record against a local `vouch verify` of the same input.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isVouchError } from "../src/core/errors.js";
import { queueVerify } from "../src/distributed/queue-verify.js";
import { ensureImage, imageId } from "../src/sandbox/image.js";
import { startTestRedis, type TestRedis } from "./support/redis-server.js";

const CLI = ["--import", "tsx", "src/cli/main.ts"];
const LOCK_MS = 8_000; // a worker killed -9 loses its jobs after this (then the stalled check, every LOCK_MS/2)

interface Proc {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

function vouch(args: string[]): Proc {
  const proc = spawn(process.execPath, [...CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  proc.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  proc.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((res) => proc.once("exit", (code) => res(code)));
  return { proc, out: () => out, err: () => err, exit };
}

async function waitFor(cond: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function startWorker(redis: TestRedis, name: string): Promise<Proc> {
  const w = vouch(["worker", "--queue", redis.url, "--concurrency", "1", "--name", name, "--lock-ms", String(LOCK_MS)]);
  await waitFor(() => w.err().includes(`vouch worker ${name}: image`) || w.proc.exitCode !== null, 180_000, `worker ${name}`);
  if (w.proc.exitCode !== null) throw new Error(`worker ${name} exited: ${w.err()}`);
  return w;
}

const lines = async (file: string): Promise<Array<Record<string, unknown>>> =>
  (await readFile(file, "utf8").catch(() => "")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, unknown>);

// A result without what may differ between two runs of the same record: timings (fields, and "46 ms" in a
// step's evidence), who ran it, cache and key.
const VOLATILE = new Set(["durationMs", "worker", "imageDigest", "attempts", "cached", "key", "wallMs", "latencyMs"]);
function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).filter(([k]) => !VOLATILE.has(k)).map(([k, x]) => [k, stable(x)]));
  return typeof v === "string" ? v.replace(/\b\d+(\.\d+)? ?ms\b/g, "N ms") : v;
}

// Cheap code records (one tiny assert each): passes, failures and errors; every tenth fails, every tenth raises.
function codeRecords(n: number, prefix: string): unknown[] {
  return Array.from({ length: n }, (_, i) => {
    const k = i % 10;
    const code = k === 9 ? `def f(x):\n    raise ValueError(${i})\n` : `def f(x):\n    return x + ${i}\n`;
    const expected = k === 8 ? i : 1 + i;
    return { id: `${prefix}${String(i).padStart(4, "0")}`, language: "python", code, entry_point: "f", tests: { kind: "assert", code: `assert f(1) == ${expected}\n` } };
  });
}

// Trajectory records of every kind whose verdicts do not rest on timing (planning's complexity claims do).
async function trajectoryRecords(): Promise<string[]> {
  const dir = "fixtures/trajectories";
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".jsonl") && f !== "planning.jsonl")) {
    out.push(...(await readFile(join(dir, f), "utf8")).split("\n").filter((l) => l.trim()).slice(0, 3));
  }
  return out;
}

async function writeInput(dir: string, name: string, records: unknown[], extra: string[] = []): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, [...records.map((r) => (typeof r === "string" ? r : JSON.stringify(r))), ...extra].join("\n") + "\n");
  return file;
}

// Same records, same results; records whose program is random or timed on purpose (the replay fixture's
// "flaky" ones) only present: their outputs, and so their verdicts, differ from run to run, local or not.
function expectSameVerdicts(local: Array<Record<string, unknown>>, queued: Array<Record<string, unknown>>): void {
  const byId = new Map(queued.map((r) => [r.id as string, r]));
  expect(queued.length).toBe(local.length);
  for (const r of local) {
    const q = byId.get(r.id as string);
    if (String(r.id).includes("flaky")) expect(q?.verdict, String(r.id)).toBeTypeOf("string");
    else expect(stable(q), String(r.id)).toEqual(stable(r));
  }
}

describe("distributed verification (BullMQ on a real redis-server, workers as processes)", () => {
  let dir: string;
  let redis: TestRedis;
  let digest: string;
  const workers: Proc[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "vouch-dist-"));
    const image = await ensureImage({ build: true });
    digest = await imageId(image);
    redis = await startTestRedis({ persistence: true });
    // three workers for every test (w1 is killed by the first, w2 stopped by the second; w3 serves the rest)
    workers.push(...(await Promise.all(["w1", "w2", "w3"].map((n) => startWorker(redis, n)))));
  }, 600_000);

  afterAll(async () => {
    for (const w of workers) if (w.proc.exitCode === null) w.proc.kill("SIGKILL");
    await redis?.close();
    // the containers of workers killed -9 (only those of dead processes of this host)
    await new Promise((res) => spawn(process.execPath, [...CLI, "cleanup"], { stdio: "ignore" }).once("exit", res));
  }, 120_000);

  it("1,000+ records over 3 workers: a worker killed -9, the producer killed and restarted, Redis restarted; every id once, verdicts as local", async () => {
    const input = await writeInput(dir, "batch.jsonl", [...codeRecords(1040, "c"), ...(await trajectoryRecords())], [
      "{not json",
      JSON.stringify({ id: "c0001", language: "python", code: "def f(x): return 0", entry_point: "f", tests: { kind: "assert", code: "assert True" } }),
      JSON.stringify({ id: "unknown-task", task: "no-such-task" }),
      JSON.stringify({ id: "no-tests", language: "python", code: "x = 1" }),
    ]);
    const localOut = join(dir, "local.jsonl");
    const queuedOut = join(dir, "queued.jsonl");
    const local = vouch(["verify", input, "--out", localOut, "--no-cache", "--concurrency", "2", "--json"]);
    const started = workers;
    const [w1] = started;
    const localCode = await local.exit;
    const producerArgs = ["verify", input, "--out", queuedOut, "--no-cache", "--queue", redis.url, "--json"];
    let producer = vouch(producerArgs);
    const done = async () => (await lines(queuedOut)).length;

    await waitFor(async () => (await done()) >= 150 && (await lines(queuedOut)).some((r) => r.worker === "w1"), 240_000, "150 results, some by w1");
    w1!.proc.kill("SIGKILL"); // mid-job: it holds two chunks
    await waitFor(async () => (await done()) >= 350, 240_000, "350 results");
    producer.proc.kill("SIGKILL");
    await producer.exit;
    producer = vouch(producerArgs);
    await waitFor(async () => (await done()) >= 550, 240_000, "550 results");
    await redis.stop();
    await sleep(1_000);
    await redis.start();
    const code = await producer.exit;

    const queued = await lines(queuedOut);
    const ids = queued.map((r) => r.id as string);
    expect(new Set(ids).size).toBe(ids.length); // no duplicate
    expectSameVerdicts(await lines(localOut), queued); // no loss, same verdicts
    expect(code).toBe(localCode); // 2: the malformed lines, in both
    const localSummary = JSON.parse(local.out()) as { invalidLines: Array<{ line: number; error: string }> };
    const queuedSummary = JSON.parse(producer.out()) as { invalidLines: Array<{ line: number; error: string }>; resumed: number };
    const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
    expect(queuedSummary.invalidLines.sort(byLine)).toEqual(localSummary.invalidLines.sort(byLine));
    expect(queuedSummary.resumed).toBeGreaterThan(0);
    // every result says which worker verified it, with which image
    for (const r of queued) {
      expect(["w1", "w2", "w3"]).toContain(r.worker);
      expect(r.imageDigest).toBe(digest);
    }
    expect(new Set(queued.map((r) => r.worker)).size).toBe(3);
    // the killed worker's chunks were taken up by the others (BullMQ's stalled-job check)
    expect(started.slice(1).some((w) => w.err().includes("stalled"))).toBe(true);
  }, 600_000);

  it("SIGTERM: a worker finishes the chunks it holds and exits 0; the batch completes on the others", async () => {
    const input = await writeInput(dir, "term.jsonl", codeRecords(160, "t"));
    const out = join(dir, "term-out.jsonl");
    const [w2, w3] = workers.slice(1);
    const producer = vouch(["verify", input, "--out", out, "--no-cache", "--queue", redis.url, "--json"]);
    await waitFor(async () => (await lines(out)).some((r) => r.worker === "w2"), 120_000, "a result from w2");
    w2!.proc.kill("SIGTERM");
    expect(await w2!.exit).toBe(0);
    expect(w2!.err()).toContain("finishing the jobs under way");
    expect(await producer.exit).toBe(0);
    const ids = (await lines(out)).map((r) => r.id);
    expect(ids.length).toBe(160);
    expect(new Set(ids).size).toBe(160);
    expect(w3!.proc.exitCode).toBeNull();
  }, 300_000);

  it("a worker whose image is not the producer's refuses the chunk with a clear error", async () => {
    const input = await writeInput(dir, "image.jsonl", codeRecords(8, "i"));
    const run = queueVerify({ input, output: join(dir, "image-out.jsonl"), queue: { url: redis.url }, image: "vouch-python:not-this-one", cacheDir: false });
    await expect(run).rejects.toThrow(/refuses the job: its sandbox image is vouch-python:\w+ \(sha256:\w+\), the producer expects vouch-python:not-this-one/);
    expect(await lines(join(dir, "image-out.jsonl"))).toEqual([]);
  }, 120_000);

  it("Redis without persistence: restarted mid-batch, lost chunks are sent again; down too long, a clear error, then a re-run resumes", async () => {
    const volatile = await startTestRedis({ persistence: false });
    const w = await startWorker(volatile, "v1");
    try {
      const out = join(dir, "volatile-out.jsonl");
      const input = await writeInput(dir, "volatile.jsonl", codeRecords(192, "v"));
      // restarted quickly: its chunks are gone, the producer sends them again and the batch completes
      const run = queueVerify({ input, output: out, queue: { url: volatile.url }, cacheDir: false, depth: 3 });
      await waitFor(async () => (await lines(out)).length >= 32, 120_000, "first results");
      await volatile.stop();
      await volatile.start();
      const s = await run;
      expect(s.verified + s.resumed).toBe(192);
      let ids = (await lines(out)).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(192);

      // down for longer than the producer waits: QUEUE_UNAVAILABLE, results kept; back up: a re-run finishes
      const out2 = join(dir, "volatile-out2.jsonl");
      const run2 = queueVerify({ input, output: out2, queue: { url: volatile.url }, cacheDir: false, depth: 3, timeoutMs: 3_000 });
      await waitFor(async () => (await lines(out2)).length >= 32, 120_000, "first results");
      await volatile.stop();
      const e: unknown = await run2.catch((x: unknown) => x);
      expect(isVouchError(e) && e.code).toBe("QUEUE_UNAVAILABLE");
      expect(String((e as Error).message)).toMatch(/did not answer for 3 s.*run again to resume/);
      const before = (await lines(out2)).length;
      expect(before).toBeLessThan(192);
      await volatile.start();
      const again = await queueVerify({ input, output: out2, queue: { url: volatile.url }, cacheDir: false });
      expect(again.resumed).toBe(before);
      ids = (await lines(out2)).map((r) => r.id);
      expect(new Set(ids).size).toBe(192);
      expect(ids.length).toBe(192);
    } finally {
      w.proc.kill("SIGKILL");
      await volatile.close();
    }
  }, 400_000);

  it("vouch math and vouch replay --queue write what they write locally", async () => {
    for (const [cmd, file] of [["math", "fixtures/math/structured.jsonl"], ["replay", "fixtures/replay/trajectories.jsonl"]] as const) {
      const localOut = join(dir, `${cmd}-local.jsonl`);
      const queuedOut = join(dir, `${cmd}-queued.jsonl`);
      const local = vouch([cmd, file, "--out", localOut, "--json"]);
      const queued = vouch([cmd, file, "--out", queuedOut, "--json", "--queue", redis.url]);
      expect(await queued.exit, queued.err()).toBe(await local.exit);
      expectSameVerdicts(await lines(localOut), await lines(queuedOut));
    }
  }, 300_000);
});
