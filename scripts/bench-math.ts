// Throughput of the math evaluator on one core: natural-language solutions per second, measured in this run
// (`npx tsx scripts/bench-math.ts [file.jsonl ...]`). Each set runs repeatedly for about 3 seconds after a warm-up:
// by default the fixture set (short solutions) and the ProcessBench development split (real model-written
// solutions, longer: about 6 steps of several sentences each).
import { existsSync, readFileSync } from "node:fs";
import { evaluateOffline } from "../src/math/evaluate.js";
import { MathRecord } from "../src/math/schema.js";

const files = process.argv.slice(2).length ? process.argv.slice(2) : ["fixtures/math/natural.jsonl", "fixtures/public/processbench_dev.jsonl"];

for (const file of files.filter((f) => existsSync(f))) {
  const records = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((l) => MathRecord.parse(JSON.parse(l)));
  for (const r of records) evaluateOffline(r); // warm-up (JIT, parser set-up)
  const budgetMs = 3000;
  const t0 = performance.now();
  let done = 0;
  let steps = 0;
  while (performance.now() - t0 < budgetMs) {
    for (const r of records) {
      steps += evaluateOffline(r).steps.length;
      done++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  console.log(`math ${file}: ${done} solutions (${records.length} distinct, ${steps} steps) in ${seconds.toFixed(2)} s on one core`);
  console.log(`math ${file}: ${(done / seconds).toFixed(0)} solutions/s, ${(steps / seconds).toFixed(0)} steps/s`);
}
