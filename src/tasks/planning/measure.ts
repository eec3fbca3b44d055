import type { TaskExec } from "../../exec/task-exec.js";
import { fitSizes, nextSize, type GrowthMeasurement, type TimingPoint } from "./growth.js";

const TIMER = "_vouch_cpu_ms";
const MAX_JOBS = 40;

// A function appended to the code that builds the input of size n (seeded by n, outside the timed region, afresh for
// each run so in-place changes do not carry over) and returns the best wall and CPU times of the entry point in ms,
// over up to 7 runs and about 400 ms (short calls, the noisiest, get the most runs; the harness stops a call after 1 s).
export function timerSource(entry: string, builder: string): string {
  return `

def ${TIMER}(n):
    import random as _random
    import time as _time
    make = eval(${JSON.stringify(builder)}, {"random": _random})
    fn = globals()[${JSON.stringify(entry)}]
    wall = cpu = None
    began = _time.perf_counter()
    for _ in range(7):
        _random.seed(n)
        args = make(n)
        if not isinstance(args, tuple):
            args = (args,)
        c0 = _time.process_time()
        t0 = _time.perf_counter()
        fn(*args)
        w = (_time.perf_counter() - t0) * 1000
        c = (_time.process_time() - c0) * 1000
        wall = w if wall is None or w < wall else wall
        cpu = c if cpu is None or c < cpu else cpu
        if (_time.perf_counter() - began) * 1000 > 400:  # building inputs counts too: the call has 1 s in all
            break
    return (wall, cpu)
`;
}

/** CPU time is counted in scheduler ticks (4 ms here): within this of it, the precise wall time is the better reading. */
const CPU_TICK_SLACK_MS = 5;

// One time from best wall and CPU times: the wall time, unless other work on the machine visibly inflated it
// (it exceeds the CPU time by more than a tick and 10%), then the CPU time.
export function combineTimes(wall: number, cpu: number): number {
  return wall - cpu <= Math.max(CPU_TICK_SLACK_MS, 0.1 * wall) ? wall : cpu;
}

// Times the sizes in one sandbox job; the points measured, and why the job stopped early if it did.
async function timeSizes(exec: TaskExec, code: string, sizes: number[]): Promise<{ points: TimingPoint[]; stopped?: string }> {
  const { outcomes, end } = await exec.call(code, TIMER, sizes.map((n) => `(${n},)`));
  const points: TimingPoint[] = [];
  for (const o of outcomes) {
    const n = sizes[o.i]!;
    const t = o.ok ? /^\(([-\d.e+]+), ([-\d.e+]+)\)$/.exec(o.repr) : null;
    if (o.ok && t) points.push({ n, ms: combineTimes(Number(t[1]), Number(t[2])) });
    else if (o.ok) return { points, stopped: `unexpected timer output ${o.repr} at n=${n}` };
    else if ("error" in o) return { points, stopped: `${o.error.type}: ${o.error.message} at n=${n}` };
    else return { points, stopped: `bad input at n=${n}: ${o.badInput.message}` };
  }
  if (points.length < sizes.length) {
    const n = sizes[points.length];
    return { points, stopped: end.loadError ? `${end.loadError.type}: ${end.loadError.message}` : `${end.limit ?? "stopped"} at n=${n}` };
  }
  return { points };
}

// The fastest time seen for each size, by size.
function bestPerSize(points: readonly TimingPoint[]): TimingPoint[] {
  const best = new Map<number, number>();
  for (const p of points) best.set(p.n, Math.min(best.get(p.n) ?? Number.POSITIVE_INFINITY, p.ms));
  return [...best].sort((a, b) => a[0] - b[0]).map(([n, ms]) => ({ n, ms }));
}

// Times `entry` on inputs from `builder` (`lambda n: args`): an adaptive schedule, one sandbox job per size (a size
// whose call never ends costs one job's time-out, not the whole measurement), then six fit sizes in two jobs, keeping
// the best time per size (and each job's own points, to see whether the machine disturbed them).
export async function measureGrowth(exec: TaskExec, code: string, entry: string, builder: string): Promise<GrowthMeasurement> {
  const timed = `${code}\n${timerSource(entry, builder)}`;
  const schedule: TimingPoint[] = [];
  let stopped: string | undefined;
  for (let job = 0; job < MAX_JOBS; job++) {
    const n = nextSize(schedule);
    if (n === undefined) break;
    await exec.settle();
    const r = await timeSizes(exec, timed, [n]);
    schedule.push(...r.points);
    if (r.stopped) {
      stopped = r.stopped;
      break;
    }
  }
  const sizes = fitSizes(schedule);
  if (!sizes) return { points: schedule, baseline: [], ...(stopped ? { stopped } : {}) };
  const runs: Awaited<ReturnType<typeof timeSizes>>[] = [];
  for (let job = 0; job < 2; job++) {
    await exec.settle(); // a size that hit the time limit had its container replaced: let that start finish first
    runs.push(await timeSizes(exec, timed, sizes));
  }
  const fit = bestPerSize(runs.flatMap((r) => r.points));
  return { points: fit.length >= 3 ? fit : schedule, baseline: [], runs: runs.map((r) => r.points), ...(stopped ? { stopped } : {}) };
}
