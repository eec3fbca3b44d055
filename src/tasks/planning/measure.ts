import type { TaskExec, TimingPoint } from "../../exec/task-exec.js";
import { nextSize, type GrowthMeasurement } from "./growth.js";

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
  const withBaseline = `${code}\n\n\ndef ${BASELINE}(*args):\n    return None\n`;
  const base = points.length ? await exec.time(withBaseline, BASELINE, builder, points.map((p) => p.n), 60_000) : { points: [] };
  return { points, baseline: base.points, ...(stopped ? { stopped } : {}) };
}
