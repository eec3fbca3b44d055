// `make bench-distributed`: the bench samples verified locally (`verify`, warm pool) and through the queue with
// 1, 2 and 3 `vouch worker` processes on this machine (each with BENCH_CONCURRENCY sandboxes; locally also with
// as many sandboxes as the 3 workers), paired in rounds;
// Redis's own cost per job from INFO (commandstats, bytes); and from it a paper estimate of the number of worker
// machines one Redis instance can serve. All on one 2-core machine: more workers here add no cores.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Redis } from "ioredis";
import { queueVerify } from "../src/distributed/queue-verify.js";
import { CHUNK_RECORDS } from "../src/distributed/job.js";
import { verify } from "../src/pipeline/verify.js";
import { ensureImage } from "../src/sandbox/image.js";
import { startTestRedis, type TestRedis } from "../test/support/redis-server.js";

const INPUT = process.argv[2] ?? "fixtures/verify/bench-mbpp.jsonl";
const RECORDS = Number(process.env.BENCH_RECORDS ?? 640);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

// The input's records repeated (ids made unique) up to RECORDS.
async function benchInput(dir: string): Promise<string> {
  const src = (await readFile(INPUT, "utf8")).split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as { id: string });
  const out = Array.from({ length: RECORDS }, (_, i) => JSON.stringify({ ...src[i % src.length]!, id: `${src[i % src.length]!.id}#${i}` }));
  const file = join(dir, "bench.jsonl");
  await writeFile(file, out.join("\n") + "\n");
  return file;
}

async function startWorkers(redis: TestRedis, n: number): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: n }, async (_, i) => {
    const p = spawn(process.execPath, ["bin/vouch.js", "worker", "--queue", redis.url, "--concurrency", String(CONCURRENCY), "--name", `b${i + 1}`], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr!.on("data", (d: Buffer) => (err += d.toString()));
    for (let t = 0; t < 1200 && !err.includes(": image "); t++) await sleep(100);
    if (!err.includes(": image ")) throw new Error(`worker did not start: ${err}`);
    return p;
  }));
}

async function stopWorkers(ps: ChildProcess[]): Promise<void> {
  await Promise.all(ps.map((p) => new Promise((res) => { p.once("exit", res); p.kill("SIGTERM"); })));
}

interface RedisCost { usec: number; cpuUsec: number; calls: number; netIn: number; netOut: number }
async function redisCost(r: Redis): Promise<RedisCost> {
  const stats = await r.info("commandstats");
  let usec = 0;
  let calls = 0;
  for (const m of stats.matchAll(/calls=(\d+),usec=(\d+)/g)) {
    calls += Number(m[1]);
    usec += Number(m[2]);
  }
  const cpu = await r.info("cpu");
  const sec = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(cpu)?.[1] ?? 0);
  const cpuUsec = 1e6 * (sec("used_cpu_user") + sec("used_cpu_sys"));
  const net = await r.info("stats");
  const num = (k: string) => Number(new RegExp(`${k}:(\\d+)`).exec(net)?.[1] ?? 0);
  return { usec, cpuUsec, calls, netIn: num("total_net_input_bytes"), netOut: num("total_net_output_bytes") };
}

async function main(): Promise<void> {
  const image = await ensureImage({ build: true });
  const dir = await mkdtemp(join(tmpdir(), "vouch-bench-dist-"));
  const input = await benchInput(dir);
  const redis = await startTestRedis({ persistence: true });
  const admin = new Redis({ port: redis.port, password: redis.password });
  console.log(`vouch bench-distributed: ${RECORDS} records (${INPUT} repeated), chunks of ${CHUNK_RECORDS}, ${CONCURRENCY} sandboxes per worker, ${ROUNDS} rounds, all on this machine (${(await import("node:os")).availableParallelism()} cores, shared: compare within a round)`);
  const rates: Record<string, number[]> = {};
  const costs: Array<RedisCost & { jobs: number }> = [];
  try {
    for (let round = 1; round <= ROUNDS; round++) {
      // local: the warm pool, timed from the first record (the pool is started before); with as many
      // sandboxes as one worker, and as many as three workers (what more workers on one machine really add)
      for (const [key, c] of [["local", CONCURRENCY], [`local, ${3 * CONCURRENCY} sandboxes`, 3 * CONCURRENCY]] as const) {
        let t0 = 0;
        const local = await verify({ input, output: join(dir, `${key}-${round}.jsonl`), concurrency: c, image, cacheDir: false, onStart: () => (t0 = performance.now()) });
        (rates[key] ??= []).push(local.verified / ((performance.now() - t0) / 1000));
      }
      for (const n of [1, 2, 3]) {
        const workers = await startWorkers(redis, n); // warm before the clock starts, like the local pool
        const before = await redisCost(admin);
        const t1 = performance.now();
        const s = await queueVerify({ input, output: join(dir, `queued-${round}-${n}.jsonl`), queue: { url: redis.url }, cacheDir: false });
        const secs = (performance.now() - t1) / 1000;
        const after = await redisCost(admin);
        await stopWorkers(workers);
        (rates[`${n} worker${n > 1 ? "s" : ""}`] ??= []).push(s.verified / secs);
        costs.push({ usec: after.usec - before.usec, cpuUsec: after.cpuUsec - before.cpuUsec, calls: after.calls - before.calls, netIn: after.netIn - before.netIn, netOut: after.netOut - before.netOut, jobs: Math.ceil(s.verified / CHUNK_RECORDS) });
      }
      console.log(`round ${round}: ${Object.entries(rates).map(([k, v]) => `${k} ${v.at(-1)!.toFixed(1)}/s`).join(", ")}`);
    }
  } finally {
    admin.disconnect();
    await redis.close();
    await rm(dir, { recursive: true, force: true });
  }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const localRate = mean(rates.local!);
  console.log("\n| run | records/s (mean of rounds) | vs local |\n| --- | --- | --- |");
  for (const [k, v] of Object.entries(rates)) console.log(`| ${k} | ${mean(v).toFixed(1)} (${v.map((x) => x.toFixed(1)).join(", ")}) | ${(mean(v) / localRate).toFixed(2)}x |`);
  const one = mean(rates["1 worker"]!);
  console.log(`\nqueue overhead per record (1 worker, same sandboxes as local): ${((1000 / one - 1000 / localRate)).toFixed(2)} ms of wall time per record (${(100 * (localRate / one - 1)).toFixed(1)}%)`);
  const jobs = costs.reduce((a, c) => a + c.jobs, 0);
  const usecPerJob = costs.reduce((a, c) => a + c.usec, 0) / jobs;
  const cpuPerJob = costs.reduce((a, c) => a + c.cpuUsec, 0) / jobs;
  const callsPerJob = costs.reduce((a, c) => a + c.calls, 0) / jobs;
  const bytesPerJob = costs.reduce((a, c) => a + c.netIn + c.netOut, 0) / jobs;
  console.log(`Redis per job of ${CHUNK_RECORDS} records: ${callsPerJob.toFixed(0)} commands, ${(usecPerJob / 1000).toFixed(2)} ms of Redis CPU in commands, ${(cpuPerJob / 1000).toFixed(2)} ms of Redis process CPU in all (networking, AOF with fsync always, timers), ${(bytesPerJob / 1024).toFixed(1)} KiB in+out`);
  // paper estimate: Redis runs commands on one thread; kept at 50% busy, counting its whole process CPU
  // (an upper bound: it includes the idle timers and the fsync of every write), its latency stays low
  const jobsPerSec = (0.5 * 1e6) / cpuPerJob;
  const recordsPerSec = jobsPerSec * CHUNK_RECORDS;
  const best = Math.max(...Object.values(rates).map(mean)); // one 2-core machine, the best way measured here
  console.log(
    `paper estimate: one Redis at 50% of one core serves ${jobsPerSec.toFixed(0)} jobs/s = ${recordsPerSec.toFixed(0)} records/s ` +
      `(${((jobsPerSec * bytesPerJob * 8) / 1e6).toFixed(0)} Mbit/s of network), i.e. about ${Math.floor(recordsPerSec / best)} worker machines ` +
      `at this shared machine's best rate (${best.toFixed(1)} records/s) before Redis is the bottleneck`,
  );
}

await main();
