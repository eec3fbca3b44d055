import { z } from "zod";
import type { AnnotatedProblem } from "../../core/problem.js";
import { formatVerification, numberLines, recordId, statement as statementOf } from "../../generate/prompting.js";
import { loadPrompt, renderPrompt } from "../../llm/prompts.js";
import { assertStatements } from "../../replay/known-tests.js";
import type { GenerationContext, GenerationOutput, GenerationSpec } from "../generation.js";
import { UnitTestWalkthrough, WalkthroughStep } from "./schema.js";

// What the model writes for a walkthrough; the code, the test and the entry point are Vouch's own.
export const WalkthroughReply = z.object({
  steps: z.array(WalkthroughStep).min(1),
  predicted_return: z.string().optional(),
  predicted_stdout: z.string().optional(),
  predicted_verdict: z.enum(["pass", "fail", "error", "timeout"]),
  predicted_error: z.string().optional(),
});
export type WalkthroughReply = z.infer<typeof WalkthroughReply>;

// The test walked through: the shortest assert of the problem's tests (the first among equals), so traces stay short.
export function chooseTest(p: AnnotatedProblem): string | undefined {
  if (p.tests?.kind !== "assert") return undefined;
  const all = assertStatements(p.tests.code).map((a) => a.statement);
  return all.reduce<string | undefined>((best, s) => (best === undefined || s.length < best.length ? s : best), undefined);
}

// Why a problem gives no walkthrough: it needs a reference solution, an entry point and an assert test to trace.
function skip(p: AnnotatedProblem): string | undefined {
  if (!p.entry_point) return "no entry point: a stdin/stdout program has no function call to walk through";
  if (!p.solution) return "no reference solution to walk through";
  if (!chooseTest(p)) return "no assert test to walk through";
  return undefined;
}

// A walkthrough record from the model's reply: the reference solution, the chosen test, the entry point.
export function assembleWalkthrough(p: AnnotatedProblem, test: string, reply: WalkthroughReply): UnitTestWalkthrough {
  return {
    task: "unit-test-walkthrough",
    id: recordId(p, "unit-test-walkthrough"),
    problem: statementOf(p),
    code: p.solution!,
    entry_point: p.entry_point!,
    test,
    steps: reply.steps,
    ...(reply.predicted_return !== undefined ? { predicted_return: reply.predicted_return } : {}),
    ...(reply.predicted_stdout !== undefined ? { predicted_stdout: reply.predicted_stdout } : {}),
    predicted_verdict: reply.predicted_verdict,
    ...(reply.predicted_error !== undefined ? { predicted_error: reply.predicted_error } : {}),
  };
}

// The variables of prompts/unit-test-walkthrough.txt for one problem and test.
export function walkthroughVars(p: AnnotatedProblem, test: string): Record<string, string> {
  return {
    id: p.id,
    statement: statementOf(p),
    entry_point: p.entry_point!,
    numbered_code: numberLines(p.solution!),
    test,
    verification: formatVerification(p.annotations),
  };
}

// Asks the model to walk through one test of the reference solution and assembles the record.
async function generate(p: AnnotatedProblem, ctx: GenerationContext): Promise<GenerationOutput> {
  const why = skip(p);
  if (why) return { records: [], skipped: why };
  const test = chooseTest(p)!;
  const messages = renderPrompt(loadPrompt("unit-test-walkthrough"), walkthroughVars(p, test));
  const r = await ctx.llm.complete({ purpose: "generate:unit-test-walkthrough", messages, schema: WalkthroughReply, schemaName: "walkthrough_reply" });
  return { records: [assembleWalkthrough(p, test, r.value)] };
}

export const unitTestWalkthroughGeneration: GenerationSpec = { kind: "unit-test-walkthrough", skip, generate };
