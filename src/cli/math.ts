import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { parseFlags } from "./flags.js";
import { countLines } from "../dataset/count-lines.js";
import { parseShard } from "../dataset/jsonl-reader.js";
import { formatMathSummary, math, type MathOptions, type MathSummary } from "../math/batch.js";
import { QueueFlags, queueTarget } from "./queue-flags.js";
import { formatMathEval, mathEval } from "../math/metrics.js";
import { createProgress, type Progress } from "./progress.js";
import { judgeFromFlags } from "./judge-flags.js";
import { mathJudge } from "../judge/math.js";
import { formatUsage } from "../llm/usage.js";

// The flags of `vouch math`, coerced and checked once; a bad value is a USAGE error naming the flag.
export const MathFlags = z.object({
  out: z.string().min(1),
  json: z.boolean().default(false),
  shard: z.string().optional(),
  maxErrorRate: z.coerce.number().min(0).max(1).optional(),
  labels: z.boolean().default(false),
  ...QueueFlags,
});
export type MathFlags = z.output<typeof MathFlags>;


// Exit code of a math batch: 2 malformed lines, 1 share of solutions with an error step over the gate, else 0.
export function mathExitCode(s: MathSummary, maxErrorRate?: number): number {
  if (s.invalidLines.length > 0) return 2;
  if (maxErrorRate !== undefined && s.errorRate > maxErrorRate) return 1;
  return 0;
}

export async function mathCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(MathFlags, raw);
  const say = (line: string) => !f.json && process.stderr.write(`${line}\n`);
  const shard = f.shard ? parseShard(f.shard) : undefined;
  const lines = countLines(input).catch(() => 0);
  const judged = await judgeFromFlags(raw);
  const judgedSteps: Record<string, number> = {};
  let progress: Progress | undefined;
  const queue = queueTarget(f);
  if (queue && judged) throw new VouchError("USAGE", "--judge runs where the results are written: it cannot be combined with --queue yet (judge the merged results with a local run)");
  const run = queue ? async (o: MathOptions) => (await import("../distributed/queue-math.js")).queueMath({ ...o, ...queue, log: say }) : math;
  const summary = await run({
    ...(judged ? { judge: mathJudge(judged.judge) } : {}),
    input,
    output: f.out,
    ...(shard ? { shard } : {}),
    onStart: ({ resumed }) => {
      if (resumed) say(`vouch math: resuming (${resumed} already in ${f.out})`);
      const p = (progress = createProgress({ label: "math", json: f.json }));
      void lines.then((n) => p.setTotal(Math.max(0, Math.ceil(n / (shard?.count ?? 1)) - resumed)));
    },
    onInvalid: (_line, error) => {
      progress?.tick({ id: "", verdict: "invalid" });
      if (!process.stderr.isTTY) say(`invalid: ${error}`);
    },
    onResult: (r) => {
      progress?.tick({ id: r.id, verdict: r.first_error_step >= 0 ? "fail" : "pass" });
      for (const s of r.steps) if (s.by === "judge") judgedSteps[s.label] = (judgedSteps[s.label] ?? 0) + 1;
    },
  });
  progress?.stop();
  const judgeUsage = judged?.llm.usage();
  if (f.json) process.stdout.write(JSON.stringify(judgeUsage ? { ...summary, judgeUsage } : summary) + "\n");
  else {
    // the judge's labels are in the step counts above; here they are counted apart
    const apart = judged ? `judged steps (LLM judge ${judged.llm.model}, not offline checks): ${Object.entries(judgedSteps).map(([l, n]) => `${l} ${n}`).join(", ") || "none"}\n` : "";
    process.stdout.write(formatMathSummary(summary) + "\n" + apart + (judgeUsage ? formatUsage(judgeUsage).join("\n") + "\n" : ""));
  }
  return mathExitCode(summary, f.maxErrorRate);
}

// Progress counts a solution with an error step as "fail", one without as "pass".
// `vouch math-eval labelled.jsonl`: the precision numbers on a labelled set (records with `_label`).
export async function mathEvalCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const report = await mathEval(input);
  if (raw.json) process.stdout.write(JSON.stringify(report) + "\n");
  else {
    process.stdout.write(formatMathEval(report) + "\n");
    if (raw.mistakes) for (const m of report.mistakes) process.stdout.write(`  ${m.id}: expected ${JSON.stringify(m.expected)}, got step ${m.predicted.step} ${m.predicted.label}: ${m.predicted.evidence}\n`);
  }
  if (typeof raw.report === "string") await writeFile(raw.report, JSON.stringify(report, null, 2) + "\n");
  return report.invalidLines.length > 0 ? 2 : 0;
}
