import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { parseFlags } from "./flags.js";
import { parseShard } from "../dataset/jsonl-reader.js";
import { verify, type VerifyOptions } from "../pipeline/verify.js";
import { QueueFlags, queueTarget } from "./queue-flags.js";
import { formatSummaryMarkdown, formatSummaryText, type BatchSummary } from "../report/summary.js";
import { MiB } from "../sandbox/limits.js";
import { writeFile } from "node:fs/promises";
import { countLines } from "../dataset/count-lines.js";
import { createProgress, type Progress } from "./progress.js";
import { ErrorType } from "../core/taxonomy.js";
import { latestResults } from "../report/results-file.js";
import { junitXml, verifyJunit } from "../report/junit.js";
import { failOnHits, formatGateHits, outputPassRate } from "../report/gate.js";
import { judgeFromFlags } from "./judge-flags.js";
import { formatUsage } from "../llm/usage.js";

// The flags of `vouch verify`, coerced and checked once; a bad value is a USAGE error naming the flag.
export const VerifyFlags = z.object({
  out: z.string().min(1),
  concurrency: z.coerce.number().int().min(1).max(64),
  isolation: z.enum(["pool", "fresh"]),
  timeoutMs: z.coerce.number().int().min(100),
  memoryMb: z.coerce.number().int().min(16),
  json: z.boolean().default(false),
  cache: z.boolean().default(true),
  cacheDir: z.string().optional(),
  shard: z.string().optional(),
  minPassRate: z.coerce.number().min(0).max(1).optional(),
  summaryMd: z.string().optional(),
  staticOnly: z.boolean().default(false),
  junit: z.string().min(1).optional(),
  failOn: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((x) => x.trim()).filter(Boolean) : []))
    .pipe(z.array(ErrorType)),
  ...QueueFlags,
});
export type VerifyFlags = z.output<typeof VerifyFlags>;


// The exit code of a batch: 3 unverified records, 2 malformed lines, 1 pass rate under the gate, else 0.
export function batchExitCode(s: BatchSummary, minPassRate?: number): number {
  if (s.byVerdict["infra-error"] > 0) return 3;
  if (s.invalidLines.length > 0) return 2;
  if (minPassRate !== undefined && s.passRate < minPassRate) return 1;
  return 0;
}

export async function verifyCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(VerifyFlags, raw);
  const say = (line: string) => !f.json && process.stderr.write(`${line}\n`);
  const shard = f.shard ? parseShard(f.shard) : undefined;
  const lines = countLines(input).catch(() => 0);
  const judged = await judgeFromFlags(raw);
  let progress: Progress | undefined;
  const queue = queueTarget(f);
  if (queue && judged) throw new VouchError("USAGE", "--judge runs where the results are written: it cannot be combined with --queue yet (judge the merged results with a local run)");
  // the queue producer (bullmq) and the judge (the LLM client) load only when asked for, not at every start-up
  const run = queue ? async (o: VerifyOptions) => (await import("../distributed/queue-verify.js")).queueVerify({ ...o, ...queue }) : verify;
  const judge = judged && (await import("../judge/trajectory.js")).trajectoryJudge(judged.judge, judged.weight);
  const summary = await run({
    ...(judge ? { judge } : {}),
    input,
    output: f.out,
    concurrency: f.concurrency,
    isolation: f.isolation,
    limits: { timeoutMs: f.timeoutMs, memoryBytes: f.memoryMb * MiB },
    cacheDir: f.cache ? f.cacheDir : false,
    staticOnly: f.staticOnly,
    shard,
    log: say,
    onStart: ({ image, resumed }) => {
      say(`vouch verify: image ${image}${resumed ? `, resuming (${resumed} already in ${f.out})` : ""}`);
      const p = (progress = createProgress({ label: "verify", json: f.json }));
      void lines.then((n) => p.setTotal(Math.max(0, Math.ceil(n / (shard?.count ?? 1)) - resumed)));
    },
    onInvalid: (_line, error) => {
      progress?.tick({ id: "", verdict: "invalid" });
      if (!process.stderr.isTTY) say(`invalid: ${error}`); // on a terminal they are listed in the summary
    },
    onResult: (r) => progress?.tick({ id: r.id, verdict: r.verdict }),
  });
  progress?.stop();
  const judgeUsage = judged?.llm.usage();
  if (f.json) process.stdout.write(JSON.stringify(judgeUsage ? { ...summary, judgeUsage } : summary) + "\n");
  else process.stdout.write(formatSummaryText(summary) + "\n" + (judgeUsage ? formatUsage(judgeUsage).join("\n") + "\n" : ""));
  if (f.summaryMd) await writeFile(f.summaryMd, formatSummaryMarkdown(summary));
  const gated = f.junit || f.failOn.length || summary.resumed > 0 ? await reportOutput(f) : 0;
  // a resumed run is gated on the whole output, not on the records this run happened to verify
  const minPassRate = summary.resumed > 0 ? undefined : f.minPassRate;
  return batchExitCode(summary, minPassRate) || gated;
}

// --junit, --fail-on and (after a resume) --min-pass-rate read the whole output: writes the XML, returns 1 when a gate trips.
async function reportOutput(f: VerifyFlags): Promise<number> {
  const { entries } = await latestResults(f.out);
  if (f.junit) await writeFile(f.junit, junitXml(verifyJunit(entries.map((e) => e.result))));
  let code = 0;
  const rate = outputPassRate(entries);
  if (f.minPassRate !== undefined && rate < f.minPassRate) {
    process.stderr.write(`--min-pass-rate ${f.minPassRate}: the whole output ${f.out} passes ${(rate * 100).toFixed(1)}%\n`);
    code = 1;
  }
  const hits = failOnHits(entries, f.failOn);
  if (hits.length === 0) return code;
  process.stderr.write([`--fail-on ${f.failOn.join(",")}: ${hits.length} record(s) have such a step`, ...formatGateHits(hits)].join("\n") + "\n");
  return 1;
}
