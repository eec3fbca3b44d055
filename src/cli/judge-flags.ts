import type { Command } from "cac";
import { z } from "zod";
import { parseFlags } from "./flags.js";
import { DEFAULT_JUDGE_WEIGHT } from "../tasks/cascade.js";
import { llmOptionsFromFlags } from "./llm-flags.js";
import type { Llm } from "../llm/types.js";
import type { StepJudge } from "../judge/ask.js";

// The judge flags of verify, math, generate and judge-eval, as cac hands them over (camel-cased).
export const JudgeFlags = z.object({
  judge: z.boolean().default(false),
  judgeModel: z.string().min(1).optional(),
  judgeWeight: z.coerce.number().min(0).max(1).default(DEFAULT_JUDGE_WEIGHT),
  judgeSamples: z.coerce.number().int().min(1).max(15).default(1),
});
export type JudgeFlags = z.output<typeof JudgeFlags>;

// Adds the judge flags to a command (the endpoint flags are the LLM ones: --base-url, --api-key-env, ...).
export function addJudgeOptions(cmd: Command, withSwitch = true): Command {
  if (withSwitch) cmd.option("--judge", "Ask an LLM judge about the steps rules and execution left unverifiable (endpoint: the LLM flags)");
  return cmd
    .option("--judge-model <name>", "The judge's model (default: env VOUCH_JUDGE_MODEL, else --model)")
    .option("--judge-weight <w>", `Weight of a judged step in the process score, an executed one weighing 1 (default ${DEFAULT_JUDGE_WEIGHT})`)
    .option("--judge-samples <k>", "Ask the judge k times per step and take the majority; the agreement is the step's confidence (default 1)");
}

export interface JudgeSetup {
  judge: StepJudge;
  llm: Llm;
  weight: number;
}

// The judge from the flags and environment, or undefined without --judge (`force`: judge-eval always judges). The
// LLM client and the judge are loaded only then: a run without --judge never pays for them at start-up.
export async function judgeFromFlags(raw: Record<string, unknown>, force = false, env: NodeJS.ProcessEnv = process.env): Promise<JudgeSetup | undefined> {
  const f = parseFlags(JudgeFlags, raw);
  if (!f.judge && !force) return undefined;
  const opts = llmOptionsFromFlags(raw, env);
  const [{ createLlm }, { createStepJudge }] = await Promise.all([import("../llm/client.js"), import("../judge/ask.js")]);
  const model = f.judgeModel ?? env.VOUCH_JUDGE_MODEL ?? opts.model;
  const llm = createLlm({ ...opts, model });
  return { judge: createStepJudge({ llm, samples: f.judgeSamples }), llm, weight: f.judgeWeight };
}
