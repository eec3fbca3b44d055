import type { TaskExec, TimingPoint } from "../../exec/task-exec.js";
import { fitSizes, nextSize, type GrowthMeasurement } from "./growth.js";

// The fastest time seen for each size, by size.
function bestPerSize(points: readonly TimingPoint[]): TimingPoint[] {
  const best = new Map<number, number>();
  for (const p of points) best.set(p.n, Math.min(best.get(p.n) ?? Number.POSITIVE_INFINITY, p.ms));
  return [...best].sort((a, b) => a[0] - b[0]).map(([n, ms]) => ({ n, ms }));
}

/** A function that does nothing, appended to the code: timing it on the same inputs gives the cost of copying them. */
const BASELINE = "_vouch_copy_baseline";
const MAX_JOBS = 40;

// Times `entry` on inputs from `builder` (`lambda n: args`) with an adaptive schedule: one sandbox job per size, so a
// size whose call never ends costs one job's time-out, not the whole measurement. Then times the do-nothing baseline.
export async function measureGrowth(exec: TaskExec, code: string, entry: string, builder: string): Promise<GrowthMeasurement> {
  const points: TimingPoint[] = [];
  let stopped: string | undefined;
  for (let job = 0; job < MAX_JOBS; job++) {
    const n = nextSize(points);
    if (n === undefined) break;
    const r = await exec.time(code, entry, builder, [n], 60_000);
    const p = r.points[0];
    if (!p) {
      stopped = r.end.loadError
        ? `${r.end.loadError.type}: ${r.end.loadError.message}`
        : r.end.limit
          ? `${r.end.limit} at n=${n}`
          : `the call or the input builder failed at n=${n}${r.end.stderr ? `: ${r.end.stderr.trim().split("\n").at(-1)}` : ""}`;
      break;
    }
    points.push(p);
  }
  const sizes = fitSizes(points);
  let measured = points;
  if (sizes) {
    // two jobs over the fit sizes, best time per size: a burst of load on the machine rarely hits both
    const runs = [await exec.time(code, entry, builder, sizes, 60_000), await exec.time(code, entry, builder, sizes, 60_000)];
    const fit = bestPerSize(runs.flatMap((r) => r.points));
    if (fit.length >= 3) measured = fit;
  }
  const withBaseline = `${code}\n\n\ndef ${BASELINE}(*args):\n    return None\n`;
  const base = measured.length ? await exec.time(withBaseline, BASELINE, builder, measured.map((p) => p.n), 60_000) : { points: [] };
  return { points: measured, baseline: base.points, ...(stopped ? { stopped } : {}) };
}
