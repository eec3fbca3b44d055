// Paired A/B of two builds of the CLI on a noisy machine (`npx tsx scripts/bench-cli-ab.ts OLD/bin/vouch.js bin/vouch.js`):
// `vouch verify` end to end on the 164 bench samples (new unique code each run, an empty cache), the two builds
// alternating AB_RUNS times; prints every run's samples/s and the median of each, and B/A per pair.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeBenchJsonl } from "./bench-samples.js";

const [A, B] = process.argv.slice(2);
const RUNS = Number(process.env.AB_RUNS ?? 5);
const N = Number(process.env.AB_SAMPLES ?? 164);

async function once(bin: string, dir: string, k: number): Promise<number> {
  const file = join(dir, `in-${k}-${Math.random().toString(36).slice(2)}.jsonl`);
  await writeBenchJsonl(file, N, `ab ${file}`);
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, "verify", file, "--out", `${file}.out`, "--cache-dir", join(dir, "cache"), "--concurrency", "2", "--json"], { stdio: "ignore" });
  const code = await new Promise<number | null>((r) => child.on("exit", r));
  if (code !== 0) throw new Error(`${bin} exited ${code}`);
  return N / ((performance.now() - t0) / 1000);
}

const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) / 2)]!;
const dir = await mkdtemp(join(tmpdir(), "vouch-ab-"));
const a: number[] = [];
const b: number[] = [];
for (let k = 0; k < RUNS; k++) {
  const first = k % 2 === 0;
  const [x, y] = first ? [await once(A!, dir, k), await once(B!, dir, k)] : [0, 0];
  const [y2, x2] = first ? [0, 0] : [await once(B!, dir, k), await once(A!, dir, k)];
  a.push(x || x2);
  b.push(y || y2);
  console.log(`pair ${k + 1}: A ${a[k]!.toFixed(1)}/s  B ${b[k]!.toFixed(1)}/s  B/A ${(b[k]! / a[k]!).toFixed(2)}`);
}
await rm(dir, { recursive: true, force: true });
console.log(`median A ${med(a).toFixed(1)}/s  B ${med(b).toFixed(1)}/s  median of pair ratios B/A ${med(b.map((y, i) => y / a[i]!)).toFixed(2)}`);
