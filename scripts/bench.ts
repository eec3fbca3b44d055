// `make bench`: the same assert-style samples verified three ways in one run — (a) the warm pool,
// (b) a fresh container per sample, (c) a bare host python3 subprocess per sample with no sandbox —
// at the same concurrency. Prints samples/s, p50/p95 latency, and the ratios a/c and a/b.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CodeRecord } from "../src/core/code-record.js";
import { verify } from "../src/exec/verify.js";
import { percentile } from "../src/report/summary.js";
import { assertEngine } from "../src/sandbox/docker/client.js";
import { ensureImage } from "../src/sandbox/image.js";

const INPUT = process.argv[2] ?? "fixtures/verify/bench-mbpp.jsonl";
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const FRESH_SAMPLES = Number(process.env.BENCH_FRESH_SAMPLES ?? 60);
const BARE_PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3"; // the system interpreter, not a shim

interface Run {
  name: string;
  samples: number;
  wallMs: number;
  latencies: number[];
  verdicts: Map<string, boolean>;
}


async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

async function sandboxed(name: string, file: string, isolation: "pool" | "fresh", image: string): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "vouch-bench-"));
  const latencies: number[] = [];
  const verdicts = new Map<string, boolean>();
  let firstAt = 0;
  let t0 = 0;
  const summary = await verify({
    input: file,
    output: join(dir, "out.jsonl"),
    concurrency: CONCURRENCY,
    isolation,
    image,
    cacheDir: false,
    onStart: () => (t0 = performance.now()), // after the pool is warm: steady-state throughput
    onResult: (r) => {
      firstAt ||= performance.now();
      latencies.push(r.durationMs);
      verdicts.set(r.id, r.verdict === "pass");
    },
  });
  const wallMs = performance.now() - t0;
  await rm(dir, { recursive: true, force: true });
  if (summary.total !== latencies.length) throw new Error(`${name}: ${summary.total} records but ${latencies.length} results`);
  return { name, samples: latencies.length, wallMs, latencies, verdicts };
}

function runBare(code: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(BARE_PYTHON, [code], { stdio: ["ignore", "ignore", "ignore"] });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c === 0);
    });
  });
}

async function bare(records: CodeRecord[]): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "vouch-bare-"));
  const latencies: number[] = [];
  const verdicts = new Map<string, boolean>();
  const t0 = performance.now();
  await pool(records, CONCURRENCY, async (r) => {
    if (r.tests.kind !== "assert") return;
    const s = performance.now();
    const file = join(dir, `${latencies.length}-${Math.random().toString(36).slice(2)}.py`);
    await writeFile(file, `${r.code}\n\n${r.tests.code}\n`);
    verdicts.set(r.id, await runBare(file, 10_000));
    latencies.push(performance.now() - s);
  });
  const wallMs = performance.now() - t0;
  await rm(dir, { recursive: true, force: true });
  return { name: "(c) bare python3 subprocess", samples: latencies.length, wallMs, latencies, verdicts };
}

function line(r: Run): string {
  const rate = r.samples / (r.wallMs / 1000);
  return `${r.name.padEnd(34)} ${String(r.samples).padStart(5)} samples  ${rate.toFixed(1).padStart(7)} samples/s  p50 ${percentile(r.latencies, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(r.latencies, 95).toFixed(1).padStart(7)} ms`;
}

const rate = (r: Run) => r.samples / (r.wallMs / 1000);

async function main(): Promise<void> {
  await assertEngine();
  const image = await ensureImage({ build: true, log: console.error });
  const lines = (await readFile(INPUT, "utf8")).split("\n").filter((l) => l.trim());
  const records = lines.map((l) => CodeRecord.parse(JSON.parse(l)));
  const dir = await mkdtemp(join(tmpdir(), "vouch-bench-in-"));
  const freshFile = join(dir, "fresh.jsonl");
  await writeFile(freshFile, lines.slice(0, FRESH_SAMPLES).join("\n") + "\n");
  console.log(`vouch bench: ${records.length} assert samples from ${INPUT}, concurrency ${CONCURRENCY}, ${process.env.CI ? "CI" : "local"}`);
  const c = await bare(records);
  const a = await sandboxed("(a) sandbox, warm pool", INPUT, "pool", image);
  const b = await sandboxed("(b) sandbox, --isolation fresh", freshFile, "fresh", image);
  await rm(dir, { recursive: true, force: true });
  for (const r of [a, b, c]) console.log(line(r));
  const agree = [...a.verdicts].filter(([id, pass]) => c.verdicts.get(id) === pass).length;
  console.log(`verdicts: pool and bare agree on ${agree}/${a.samples} samples (pass/not pass)`);
  console.log(`ratio a/c (pool vs bare subprocess): ${(rate(a) / rate(c)).toFixed(2)}x`);
  console.log(`ratio a/b (pool vs fresh containers): ${(rate(a) / rate(b)).toFixed(2)}x  (fresh measured on ${b.samples} samples)`);
}

await main();
