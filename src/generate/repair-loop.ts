import { z } from "zod";
import { VouchError } from "../core/errors.js";
import type { AnnotatedProblem } from "../core/problem.js";
import type { SuiteResult } from "../core/result.js";
import type { TestSpec } from "../core/test-spec.js";
import { loadPrompt, renderPrompt } from "../llm/prompts.js";
import type { ChatMessage } from "../llm/types.js";
import type { GenerationContext } from "../tasks/generation.js";
import { allPass, feedbackText } from "./turn-feedback.js";

// What the model writes in a repair turn: its reading of the real feedback, and the whole corrected code.
export const RepairReply = z.object({
  reflection: z.string().min(1),
  code: z.string().min(1),
});
export type RepairReply = z.infer<typeof RepairReply>;

// One turn of a generate-verify-repair conversation: the code, its real run, and the reflection that led to the
// next turn (absent on the last turn).
export interface RepairTurn {
  code: string;
  suite: SuiteResult;
  reflection?: string;
}

export interface RepairConversation {
  turns: RepairTurn[];
  /** The last turn passes every visible test. */
  converged: boolean;
}

// The repair request of turn `turn` (2, 3...): the real feedback of the previous turn's run (prompts/repair.txt).
export function repairMessage(p: { id: string }, turn: number, suite: SuiteResult): ChatMessage {
  const [msg] = renderPrompt(loadPrompt("repair"), { problem_id: p.id, turn: String(turn), feedback: feedbackText(suite) });
  return msg!;
}

// Runs code against the tests; a run the sandbox could not do is Vouch's failure, not the model's.
async function run(ctx: GenerationContext, code: string, tests: TestSpec): Promise<SuiteResult> {
  const suite = await ctx.exec.runTests(code, tests);
  if (suite.verdict === "infra-error") throw new VouchError("SANDBOX_UNAVAILABLE", `the sandbox failed running a turn: ${suite.message ?? "infra-error"}`);
  return suite;
}

// Generate, verify, repair: runs the first attempt's code on the visible tests and, while it fails, sends the
// real feedback back to the model (continuing the conversation) for the next code, up to ctx.maxTurns turns in all.
export async function repairLoop(
  p: AnnotatedProblem,
  first: { messages: ChatMessage[]; raw: string; code: string },
  tests: TestSpec,
  ctx: GenerationContext,
): Promise<RepairConversation> {
  const messages: ChatMessage[] = [...first.messages, { role: "assistant", content: first.raw }];
  const turns: RepairTurn[] = [];
  let code = first.code;
  for (let turn = 1; ; turn++) {
    const suite = await run(ctx, code, tests);
    const current: RepairTurn = { code, suite };
    turns.push(current);
    if (allPass(suite)) return { turns, converged: true };
    if (turn >= ctx.maxTurns) return { turns, converged: false };
    messages.push(repairMessage(p, turn + 1, suite));
    const r = await ctx.llm.complete({ purpose: "repair:implementation", messages: [...messages], schema: RepairReply, schemaName: "repair_reply" });
    ctx.log?.(`${p.id}: turn ${turn + 1} after ${suite.tests.filter((t) => t.status !== "pass").length} failing test(s)`);
    current.reflection = r.value.reflection;
    messages.push({ role: "assistant", content: r.raw });
    code = r.value.code;
  }
}
