// Where one job's time goes (`npx tsx scripts/bench-profile.ts`): one warm container, jobs one after another,
// each timed on the host (write of the job line -> result parsed) against the runner's own durationMs
// (fork server request -> child exit and streams closed). The difference is the runner's bookkeeping around
// the command (job files, OOM counter, the wipe: kill scan, fork-server ping, rmtree, SysV IPC) plus transport.
// Also times the pieces of the wipe inside the container, and the Node-side work per assert job.
import { percentile } from "../src/report/summary.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { SandboxLimits } from "../src/sandbox/limits.js";
import { planPython } from "../src/exec/python/plan.js";
import { grade } from "../src/exec/grade.js";
import { runPlan } from "../src/exec/run-plan.js";
import { benchSamples, programOf } from "./bench-samples.js";
import { containersCpuMs } from "./bench-cpu.js";
import type { Sandbox } from "../src/sandbox/types.js";

const N = Number(process.env.PROFILE_N ?? 164);
const limits = SandboxLimits.parse({});
const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(2)} ms  p95 ${percentile(xs, 95).toFixed(2)} ms`;

// Container CPU per job of a kind (cgroup of this process's one container, and its shim), ms.
async function cpuPerJob(n: number, run: (i: number) => Promise<unknown>): Promise<string> {
  const c0 = await containersCpuMs();
  for (let i = 0; i < n; i++) await run(i);
  const c1 = await containersCpuMs();
  if (!c0 || !c1) return "CPU not readable";
  return `CPU per job: container ${((c1.containers - c0.containers) / n).toFixed(2)} ms, shim ${((c1.shims - c0.shims) / n).toFixed(2)} ms`;
}

async function timed(sb: Sandbox, argv: string[], n: number, files: Record<string, string> = {}, stdin?: string) {
  const host: number[] = [];
  const runner: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await sb.exec(argv, { files, ...(stdin ? { stdin } : {}) });
    host.push(performance.now() - t);
    runner.push(r.durationMs);
  }
  return { host, runner, gap: host.map((h, i) => h - runner[i]!) };
}

const WIPE_PIECES = `
import os, time, shutil, json, sys
sys.path.insert(0, "/opt/vouch")
import vouch_sys
def t(fn, n=200):
    s = time.perf_counter()
    for _ in range(n): fn()
    return (time.perf_counter() - s) * 1000 / n
def scan():
    for name in os.listdir("/proc"):
        if name.isdigit(): pass
def oom():
    for p in ("/sys/fs/cgroup/memory/memory.oom_control", "/sys/fs/cgroup/memory.events"):
        try: open(p).read()
        except OSError: pass
def mk():
    os.mkdir("/work/x"); open("/work/x/solution.py", "w").write("x" * 500); shutil.rmtree("/work/x")
def listing():
    for d in ("/work", "/tmp", "/dev/shm", "/dev/mqueue"):
        try: os.listdir(d)
        except OSError: pass
import socket
a, b = socket.socketpair()
def rtt():
    a.sendall(b"x"); b.recv(1); b.sendall(b"y"); a.recv(1)
def forked():
    pid = os.fork()
    if pid == 0: os._exit(0)
    os.waitpid(pid, 0)
print(json.dumps({"socket round trip (same process)": t(rtt), "fork+exit+wait of this interpreter": t(forked, 50),"proc scan": t(scan), "oom counter read": t(oom), "job dir write+rmtree": t(mk),
                  "sysv ipc removal": t(vouch_sys.remove_sysv_ipc), "4 dir listings": t(listing)}))
`;

// Runs inline in a fork-server child (pytest loaded, as every job): what a forked child costs when it runs a
// full garbage collection (touching every object: copy-on-write of the whole heap), with and without gc.freeze().
const GC_FORK = `
import gc, os, json, time
def child_cpu(work, n=30):
    t0 = os.times()
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            work()
            os._exit(0)
        os.waitpid(pid, 0)
    t1 = os.times()
    return round((t1[2] + t1[3] - t0[2] - t0[3]) * 1000 / n, 2)
def collect():
    gc.collect()
def nothing():
    pass
out = {"objects": len(gc.get_objects()), "exit at once": child_cpu(nothing), "gc.collect() in child": child_cpu(collect)}
gc.freeze()
out["gc.collect() in child after gc.freeze() in parent"] = child_cpu(collect)
print(json.dumps(out))
`;

async function main(): Promise<void> {
  const image = process.env.PROFILE_IMAGE ?? (await ensureImage({ build: true })); // another tag: an experimental runner
  console.log(`image ${image}`);
  const provider = new DockerProvider({ spec: { image, limits }, isolation: "pool", size: 1 });
  await provider.warm();
  const sb = await provider.acquire();
  try {
    const samples = await benchSamples(N, "profile");
    // warm-up
    await timed(sb, ["true"], 10);
    const exe = await timed(sb, ["true"], 100);
    console.log(`/bin/true (fork + exec, no Python):          host ${fmt(exe.host)} | runner ${fmt(exe.runner)} | gap ${fmt(exe.gap)}`);
    const py = await timed(sb, ["python3", "-c", "pass"], 100);
    console.log(`python3 -c pass (fork server inline):       host ${fmt(py.host)} | runner ${fmt(py.runner)} | gap ${fmt(py.gap)}`);
    const host: number[] = [];
    const runner: number[] = [];
    const nodePlan: number[] = [];
    const nodeGrade: number[] = [];
    for (const s of samples) {
      const t0 = performance.now();
      const plan = planPython(s.code, s.tests);
      const t1 = performance.now();
      const [r] = await runPlan(sb, plan, limits.timeoutMs);
      const t2 = performance.now();
      grade(plan, [r!]);
      const t3 = performance.now();
      nodePlan.push(t1 - t0);
      host.push(t2 - t1);
      runner.push(r!.durationMs);
      nodeGrade.push(t3 - t2);
    }
    console.log(`assert job (harness: 2 forks + wire):       host ${fmt(host)} | runner ${fmt(runner)} | gap ${fmt(host.map((h, i) => h - runner[i]!))}`);
    const plainHost: number[] = [];
    const plainRunner: number[] = [];
    for (const s of samples) {
      const t = performance.now();
      const r = await sb.exec(["python3", "solution.py"], { files: { "solution.py": programOf(s) } });
      plainHost.push(performance.now() - t);
      plainRunner.push(r.durationMs);
    }
    console.log(`same program as one plain python3 job:    host ${fmt(plainHost)} | runner ${fmt(plainRunner)} | gap ${fmt(plainHost.map((h, i) => h - plainRunner[i]!))}`);
    console.log(`node side per assert job: plan ${fmt(nodePlan)}; grade ${fmt(nodeGrade)}`);
    console.log(`/bin/true: ${await cpuPerJob(100, () => sb.exec(["true"]))}`);
    console.log(`python3 -c pass: ${await cpuPerJob(100, () => sb.exec(["python3", "-c", "pass"]))}`);
    console.log(`assert job: ${await cpuPerJob(samples.length, (i) => runPlan(sb, planPython(samples[i]!.code, samples[i]!.tests), limits.timeoutMs))}`);
    console.log(`plain python3 job: ${await cpuPerJob(samples.length, (i) => sb.exec(["python3", "solution.py"], { files: { "solution.py": programOf(samples[i]!) } }))}`);
    const gc = await sb.exec(["python3", "-c", GC_FORK]);
    console.log(`fork of the fork server's interpreter (pytest loaded), child CPU ms: ${gc.stdout.trim() || gc.stderr}`);
    const pieces = await sb.exec(["python3", "-c", WIPE_PIECES]);
    console.log(`runner bookkeeping pieces, ms each (measured in a job): ${pieces.stdout.trim() || pieces.stderr}`);
  } finally {
    await provider.release(sb);
    await provider.close();
  }
}

await main();
