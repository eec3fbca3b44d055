import { z } from "zod";
import { applyDiff } from "../analysis/index.js";
import { VouchError } from "../core/errors.js";
import type { AnnotatedProblem } from "../core/problem.js";
import type { SuiteResult } from "../core/result.js";
import type { TestSpec } from "../core/test-spec.js";
import { loadPrompt, renderPrompt } from "../llm/prompts.js";
import type { ChatMessage } from "../llm/types.js";
import { solutionDiff } from "../tasks/error-recovery/scope.js";
import type { GenerationContext } from "../tasks/generation.js";
import { allPass, feedbackText } from "./turn-feedback.js";

// What the model writes in a repair turn of an implementation: its reading of the real feedback, and the whole
// corrected code.
export const RepairReply = z.object({
  reflection: z.string().min(1),
  code: z.string().min(1),
});
export type RepairReply = z.infer<typeof RepairReply>;

// What the model writes in a repair turn of a patch: its reading of the real feedback, and a unified diff of
// solution.py against the code of the last turn that ran.
export const PatchRepairReply = z.object({
  reflection: z.string().min(1),
  patch: z.string().min(1),
});
export type PatchRepairReply = z.infer<typeof PatchRepairReply>;

/** An attempt the model made: the whole code, or a patch of the last code that ran. */
export type Attempt = { code: string } | { patch: string };

// One turn of a generate-verify-repair conversation: the attempt, the code it gives, the real run of that code
// (or why a patch did not apply), and the reflection that led to the next turn (absent on the last turn).
export interface RepairTurn {
  /** The turn's whole code (a patch applied to the last code that ran); absent when the patch does not apply. */
  code?: string;
  /** The model's patch, for a patch turn. */
  patch?: string;
  /** The real run of `code`. */
  suite?: SuiteResult;
  /** Why the patch does not apply (then nothing ran). */
  applyError?: string;
  reflection?: string;
}

export interface RepairConversation {
  turns: RepairTurn[];
  /** The last turn passes every visible test. */
  converged: boolean;
}

// How a conversation asks for the next attempt: the prompt of a repair turn and the reply it expects.
export interface RepairMode<R extends { reflection: string }> {
  purpose: string;
  schema: z.ZodType<R>;
  schemaName: string;
  /** The user message of turn `turn` (2, 3...) telling the real feedback of the previous turn. */
  message(p: { id: string }, turn: number, feedback: string): ChatMessage;
  attempt(reply: R): Attempt;
}

// A prompt's user message with these variables.
function userMessage(name: string, vars: Record<string, string>): ChatMessage {
  return renderPrompt(loadPrompt(name), vars).find((m) => m.role === "user")!;
}

/** Implementations: every turn is the whole corrected code (prompts/repair.txt). */
export const IMPLEMENTATION_REPAIR: RepairMode<RepairReply> = {
  purpose: "repair:implementation",
  schema: RepairReply,
  schemaName: "repair_reply",
  message: (p, turn, feedback) => userMessage("repair", { problem_id: p.id, turn: String(turn), feedback }),
  attempt: (r) => ({ code: r.code }),
};

// Patches: every turn is a diff of the last code that ran (prompts/repair-patch.txt, naming the record).
export function patchRepair(recordId: string): RepairMode<PatchRepairReply> {
  return {
    purpose: "repair:patch",
    schema: PatchRepairReply,
    schemaName: "patch_repair_reply",
    message: (p, turn, feedback) => userMessage("repair-patch", { problem_id: p.id, record_id: recordId, turn: String(turn), feedback }),
    attempt: (r) => ({ patch: r.patch }),
  };
}

// The code an attempt gives: its own, or its patch applied to `base` as the verifier applies it (solutionDiff, applyDiff).
export function resolveAttempt(a: Attempt, base: string | undefined): { code: string } | { applyError: string } {
  if ("code" in a) return { code: a.code };
  if (base === undefined) return { applyError: "there is no code to patch" };
  const diff = solutionDiff(a.patch);
  if (!diff) return { applyError: "the patch does not change solution.py" };
  const r = applyDiff(base, diff);
  return r.ok ? { code: r.code } : { applyError: r.reason };
}

// What the model is told of a turn: the run as it printed it, or why the patch did not apply.
export function turnFeedbackText(t: RepairTurn): string {
  return t.suite ? feedbackText(t.suite) : `The patch did not apply, so nothing ran:\n${t.applyError}`;
}

// Runs code against the tests; a run the sandbox could not do is Vouch's failure, not the model's.
async function run(ctx: GenerationContext, code: string, tests: TestSpec): Promise<SuiteResult> {
  const suite = await ctx.exec.runTests(code, tests);
  if (suite.verdict === "infra-error") throw new VouchError("SANDBOX_UNAVAILABLE", `the sandbox failed running a turn: ${suite.message ?? "infra-error"}`);
  return suite;
}

// Generate, verify, repair, for implementations and patches alike: runs the first attempt (a patch applies to
// the code of the last turn in `before`, which already ran) on the visible tests and, while it fails or does not
// apply, sends the real feedback back to the model (continuing the conversation) for the next attempt, up to
// ctx.maxTurns attempts in all. `before` holds turns that ran before the first attempt (a patch conversation's
// buggy code, with the reflection that led to the first patch).
export async function repairLoop<R extends { reflection: string } = RepairReply>(
  p: AnnotatedProblem,
  first: { messages: ChatMessage[]; raw: string; attempt: Attempt; before?: RepairTurn[] },
  tests: TestSpec,
  ctx: GenerationContext,
  mode: RepairMode<R> = IMPLEMENTATION_REPAIR as unknown as RepairMode<R>,
): Promise<RepairConversation> {
  const messages: ChatMessage[] = [...first.messages, { role: "assistant", content: first.raw }];
  const turns: RepairTurn[] = [...(first.before ?? [])];
  let base = turns.findLast((t) => t.suite)?.code; // the last code that ran: what a patch applies to
  let attempt = first.attempt;
  for (let n = 1; ; n++) {
    const resolved = resolveAttempt(attempt, base);
    const current: RepairTurn = "patch" in attempt ? { patch: attempt.patch } : {};
    if ("code" in resolved) {
      current.code = resolved.code;
      current.suite = await run(ctx, resolved.code, tests);
      base = resolved.code;
    } else current.applyError = resolved.applyError;
    turns.push(current);
    if (current.suite && allPass(current.suite)) return { turns, converged: true };
    if (n >= ctx.maxTurns) return { turns, converged: false };
    messages.push(mode.message(p, n + 1, turnFeedbackText(current)));
    const r = await ctx.llm.complete({ purpose: mode.purpose, messages: [...messages], schema: mode.schema, schemaName: mode.schemaName });
    ctx.log?.(`${p.id}: turn ${n + 1} after ${current.suite ? `${current.suite.tests.filter((t) => t.status !== "pass").length} failing test(s)` : "a patch that does not apply"}`);
    current.reflection = r.value.reflection;
    messages.push({ role: "assistant", content: r.raw });
    attempt = mode.attempt(r.value);
  }
}
