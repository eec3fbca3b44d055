import { z } from "zod";
import { exitCodes, VouchError } from "../core/errors.js";
import { TaskKind } from "../core/trajectory-result.js";
import { countLines } from "../dataset/count-lines.js";
import { generate } from "../generate/generate.js";
import { formatGenerateSummary, type GenerateSummary } from "../generate/summary.js";
import { createLlm } from "../llm/client.js";
import { llmOptionsFromFlags } from "./llm-flags.js";
import { formatUsage } from "../llm/usage.js";
import { judgeFromFlags } from "./judge-flags.js";
import { trajectoryJudge } from "../judge/trajectory.js";
import { MiB } from "../sandbox/limits.js";
import { parseFlags } from "./flags.js";
import { createProgress, type Progress } from "./progress.js";

// `--task`: "all", one kind, or kinds separated by commas.
const TaskList = z
  .string()
  .min(1)
  .transform((s) => s.split(",").map((k) => k.trim()).filter(Boolean))
  .pipe(z.union([z.tuple([z.literal("all")]), z.array(TaskKind).min(1)]));

// The flags of `vouch generate` (the LLM flags are parsed by src/llm/options.ts).
export const GenerateFlags = z.object({
  task: TaskList,
  out: z.string().min(1),
  keep: z.enum(["passed", "failed", "all"]).default("passed"),
  maxTurns: z.coerce.number().int().min(1).max(20),
  concurrency: z.coerce.number().int().min(1).max(64),
  isolation: z.enum(["pool", "fresh"]),
  timeoutMs: z.coerce.number().int().min(100),
  memoryMb: z.coerce.number().int().min(16),
  cache: z.boolean().default(true),
  cacheDir: z.string().optional(),
  json: z.boolean().default(false),
});
export type GenerateFlags = z.output<typeof GenerateFlags>;

// The exit code of a run: 5 the endpoint went away, 4 the sandbox did, 3 records left unverified, 2 malformed lines.
export function generateExitCode(s: GenerateSummary): number {
  if (s.stopped) return exitCodes[s.stopped.code as keyof typeof exitCodes] ?? 70;
  if (s.infraErrors.length > 0) return 3;
  if (s.invalidLines.length > 0) return 2;
  return 0;
}

export async function generateCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  if (raw.task === undefined) throw new VouchError("USAGE", "--task is required: a kind, kinds separated by commas, or all");
  const f = parseFlags(GenerateFlags, raw);
  const llm = createLlm(llmOptionsFromFlags(raw));
  const judged = await judgeFromFlags(raw);
  const say = (line: string) => !f.json && process.stderr.write(`${line}\n`);
  const lines = countLines(input).catch(() => 0);
  let progress: Progress | undefined;
  const summary = await generate({
    input,
    output: f.out,
    tasks: f.task[0] === "all" ? undefined : (f.task as TaskKind[]),
    llm,
    ...(judged ? { judge: trajectoryJudge(judged.judge, judged.weight) } : {}),
    keep: f.keep,
    maxTurns: f.maxTurns,
    concurrency: f.concurrency,
    isolation: f.isolation,
    limits: { timeoutMs: f.timeoutMs, memoryBytes: f.memoryMb * MiB },
    cacheDir: f.cache ? f.cacheDir : false,
    onStart: ({ image, resumed, kinds }) => {
      say(`vouch generate: ${kinds.join(", ")} with ${llm.model}, image ${image}${resumed ? `, resuming (${resumed} problem-kind pairs already in ${f.out})` : ""}`);
      const p = (progress = createProgress({ label: "generate", json: f.json }));
      void lines.then((n) => p.setTotal(Math.max(0, n * kinds.length - resumed)));
    },
    onPair: ({ problem, outcome }) => progress?.tick({ id: problem, verdict: outcome }),
    onInvalid: (_line, error) => !process.stderr.isTTY && say(`invalid: ${error}`),
  });
  progress?.stop();
  const judgeUsage = judged?.llm.usage();
  if (f.json) process.stdout.write(JSON.stringify(judgeUsage ? { ...summary, judgeUsage } : summary) + "\n");
  else {
    const usage = [...(summary.usage ? formatUsage(summary.usage) : []), ...(judgeUsage ? ["judge:", ...formatUsage(judgeUsage)] : [])];
    process.stdout.write(formatGenerateSummary(summary, usage.length ? usage.join("\n") : undefined) + "\n");
  }
  return generateExitCode(summary);
}
