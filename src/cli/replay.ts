import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { countLines } from "../dataset/count-lines.js";
import { readJsonl } from "../dataset/jsonl-reader.js";
import { junitXml } from "../report/junit.js";
import { replayJunit } from "../replay/junit.js";
import { replay, type ReplayOptions } from "../replay/replay.js";
import { QueueFlags, queueTarget } from "./queue-flags.js";
import { ReplayResult } from "../replay/schema.js";
import { formatReplaySummary, replayExitCode } from "../replay/summary.js";
import { MiB } from "../sandbox/limits.js";
import { parseFlags } from "./flags.js";
import { createProgress, type Progress } from "./progress.js";

// The flags of `vouch replay`, coerced and checked once; a bad value is a USAGE error naming the flag.
export const ReplayFlags = z.object({
  out: z.string().min(1),
  repeat: z.coerce.number().int().min(1).max(20),
  rewrite: z.string().min(1).optional(),
  keepStaleTurns: z.boolean().default(false),
  junit: z.string().min(1).optional(),
  json: z.boolean().default(false),
  concurrency: z.coerce.number().int().min(1).max(64),
  isolation: z.enum(["pool", "fresh"]),
  timeoutMs: z.coerce.number().int().min(100),
  memoryMb: z.coerce.number().int().min(16),
  ...QueueFlags,
});
export type ReplayFlags = z.output<typeof ReplayFlags>;

export async function replayCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(ReplayFlags, raw);
  const say = (line: string) => !f.json && process.stderr.write(`${line}\n`);
  const lines = countLines(input).catch(() => 0);
  let progress: Progress | undefined;
  const queue = queueTarget(f);
  const run = queue ? async (o: ReplayOptions) => (await import("../distributed/queue-replay.js")).queueReplay({ ...o, ...queue }) : replay;
  const summary = await run({
    input,
    output: f.out,
    repeat: f.repeat,
    ...(f.rewrite ? { rewrite: f.rewrite } : {}),
    keepStaleTurns: f.keepStaleTurns,
    concurrency: f.concurrency,
    isolation: f.isolation,
    limits: { timeoutMs: f.timeoutMs, memoryBytes: f.memoryMb * MiB },
    log: say,
    onStart: ({ image, resumed }) => {
      say(`vouch replay: image ${image}, each run ${f.repeat}x${resumed ? `, resuming (${resumed} already in ${f.out})` : ""}`);
      const p = (progress = createProgress({ label: "replay", json: f.json, verdicts: ["reproduced", "diverged", "flaky"] }));
      void lines.then((n) => p.setTotal(Math.max(0, n - resumed)));
    },
    onInvalid: (_line, error) => {
      progress?.tick({ id: "", verdict: "invalid" });
      if (!process.stderr.isTTY) say(`invalid: ${error}`);
    },
    onResult: (r) => progress?.tick({ id: r.id, verdict: r.verdict }),
  });
  progress?.stop();
  if (f.junit) {
    const results: ReplayResult[] = [];
    for await (const item of readJsonl(f.out, ReplayResult)) if (item.ok) results.push(item.value);
    await writeFile(f.junit, junitXml(replayJunit(results)));
  }
  process.stdout.write((f.json ? JSON.stringify(summary) : formatReplaySummary(summary)) + "\n");
  return replayExitCode(summary);
}
