import { writeFile } from "node:fs/promises";
import { judgeEval, formatJudgeEval } from "../judge/eval.js";
import { judgeFromFlags } from "./judge-flags.js";
import { formatUsage } from "../llm/usage.js";

// `vouch judge-eval LABELLED.jsonl`: the judge on labelled steps; agreement, precision and recall per question type.
export async function judgeEvalCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const { judge, llm } = (await judgeFromFlags(raw, true))!;
  const report = await judgeEval(input, judge);
  const usage = llm.usage();
  if (raw.json) process.stdout.write(JSON.stringify({ ...report, usage }) + "\n");
  else process.stdout.write([formatJudgeEval(report), ...formatUsage(usage)].join("\n") + "\n");
  if (typeof raw.report === "string") await writeFile(raw.report, JSON.stringify({ ...report, usage }, null, 2) + "\n");
  return report.invalidLines.length > 0 ? 2 : 0;
}
