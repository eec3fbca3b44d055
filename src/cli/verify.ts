import { VouchError } from "../core/errors.js";
import { parseShard } from "../dataset/jsonl-reader.js";
import { verify } from "../exec/verify.js";
import { formatSummaryMarkdown, formatSummaryText, type BatchSummary } from "../report/summary.js";
import { MiB } from "../sandbox/limits.js";
import { writeFile } from "node:fs/promises";
import { createProgress } from "./progress.js";

export interface VerifyFlags {
  out: string;
  concurrency: number;
  isolation: string;
  timeoutMs: number;
  memoryMb: number;
  json: boolean;
  cache: boolean;
  cacheDir?: string;
  shard?: string;
  minPassRate?: number;
  summaryMd?: string;
}

// The exit code of a batch: 3 unverified records, 2 malformed lines, 1 pass rate under the gate, else 0.
export function batchExitCode(s: BatchSummary, minPassRate?: number): number {
  if (s.byVerdict["infra-error"] > 0) return 3;
  if (s.invalidLines.length > 0) return 2;
  if (minPassRate !== undefined && s.passRate < minPassRate) return 1;
  return 0;
}

export async function verifyCommand(input: string, f: VerifyFlags): Promise<number> {
  if (f.isolation !== "pool" && f.isolation !== "fresh") throw new VouchError("USAGE", `--isolation must be pool or fresh, not ${f.isolation}`);
  if (f.minPassRate !== undefined && !(f.minPassRate >= 0 && f.minPassRate <= 1)) {
    throw new VouchError("USAGE", `--min-pass-rate must be between 0 and 1, not ${f.minPassRate}`);
  }
  const progress = createProgress({ label: "verify", json: f.json });
  const say = (line: string) => !f.json && process.stderr.write(`${line}\n`);
  const summary = await verify({
    input,
    output: f.out,
    concurrency: f.concurrency,
    isolation: f.isolation,
    limits: { timeoutMs: f.timeoutMs, memoryBytes: f.memoryMb * MiB },
    cacheDir: f.cache ? f.cacheDir : false,
    shard: f.shard ? parseShard(f.shard) : undefined,
    log: say,
    onStart: ({ image, resumed }) => say(`vouch verify: image ${image}${resumed ? `, resuming (${resumed} already in ${f.out})` : ""}`),
    onInvalid: (_line, error) => say(`invalid: ${error}`),
    onResult: (r) => progress.tick({ id: r.id, verdict: r.verdict }),
  });
  progress.stop();
  if (f.json) process.stdout.write(JSON.stringify(summary) + "\n");
  else process.stdout.write(formatSummaryText(summary) + "\n");
  if (f.summaryMd) await writeFile(f.summaryMd, formatSummaryMarkdown(summary));
  return batchExitCode(summary, f.minPassRate);
}
