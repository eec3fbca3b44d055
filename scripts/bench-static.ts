// `make bench`, part 2: the schema and static stages of the cascade, with no Docker, over every trajectory
// fixture, repeated. Prints ms per record (mean, p95, max) per kind: the target is well under 100 ms.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { imageModules } from "../src/analysis/modules.js";
import { percentile } from "../src/report/summary.js";
import { SandboxLimits } from "../src/sandbox/limits.js";
import { taskFor } from "../src/tasks/registry.js";
import { verifyTrajectory, type TrajectoryContext } from "../src/tasks/verify-trajectory.js";

const DIR = "fixtures/trajectories";
const ROUNDS = Number(process.env.BENCH_STATIC_ROUNDS ?? 20);

async function main(): Promise<void> {
  const ctx: TrajectoryContext = { modules: imageModules(), image: "", limits: SandboxLimits.parse({}) };
  const records: { id: string; task: string }[] = [];
  for (const f of (await readdir(DIR)).filter((n) => n.endsWith(".jsonl")).sort()) {
    for (const l of (await readFile(join(DIR, f), "utf8")).split("\n")) if (l.trim()) records.push(JSON.parse(l));
  }
  const byKind = new Map<string, number[]>();
  // the first round warms the parser up; its times are not counted
  for (let round = 0; round <= ROUNDS; round++) {
    for (const raw of records) {
      const def = taskFor(raw.task)!;
      // a new id each round; the parse caches of src/analysis hold 16 codes, far fewer than the fixtures, so each record parses afresh
      const rec = { ...raw, id: `${raw.id}#${round}` };
      const t0 = performance.now();
      await verifyTrajectory(def, rec, ctx);
      const ms = performance.now() - t0;
      if (round > 0) (byKind.get(raw.task) ?? byKind.set(raw.task, []).get(raw.task)!).push(ms);
    }
  }
  console.log(`vouch bench (static stages, no Docker): ${records.length} trajectory fixtures x ${ROUNDS} rounds`);
  const all: number[] = [];
  for (const [kind, xs] of [...byKind].sort()) {
    all.push(...xs);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    console.log(`  ${kind.padEnd(24)} mean ${mean.toFixed(2).padStart(6)} ms  p95 ${percentile(xs, 95).toFixed(2).padStart(6)} ms  max ${percentile(xs, 100).toFixed(2).padStart(6)} ms`);
  }
  const mean = all.reduce((a, b) => a + b, 0) / all.length;
  console.log(`  ${"all".padEnd(24)} mean ${mean.toFixed(2).padStart(6)} ms  p95 ${percentile(all, 95).toFixed(2).padStart(6)} ms  (target: well under 100 ms per record; ratio to target ${(100 / percentile(all, 95)).toFixed(0)}x)`);
}

await main();
