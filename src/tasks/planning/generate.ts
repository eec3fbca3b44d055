import { z } from "zod";
import type { AnnotatedProblem } from "../../core/problem.js";
import { formatApproaches, formatPitfalls, isCallable, recordId, statement } from "../../generate/prompting.js";
import { loadPrompt, renderPrompt } from "../../llm/prompts.js";
import type { GenerationContext, GenerationOutput, GenerationSpec } from "../generation.js";
import { Alternative, ComplexityClaim, PlanStep, PlanningRecord } from "./schema.js";

// What the model writes for a plan; everything Vouch knows itself (id, problem, entry point, tests) is added by assembly.
export const PlanningReply = z.object({
  alternatives: z.array(Alternative).min(1),
  chosen: z.object({ approach: z.string().min(1), reason: z.string().min(1) }),
  plan: z.array(PlanStep).min(1),
  complexity: ComplexityClaim.optional(),
  code: z.string().min(1),
});
export type PlanningReply = z.infer<typeof PlanningReply>;

// The variables of prompts/planning.txt for one problem.
export function planningVars(p: AnnotatedProblem): Record<string, string> {
  const interface_ = isCallable(p)
    ? `Write a Python function named \`${p.entry_point}\`; the tests call it.`
    : "Write a Python program that reads the input from stdin and prints the answer to stdout.";
  return { id: p.id, statement: statement(p), interface: interface_, approaches: formatApproaches(p.annotations), pitfalls: formatPitfalls(p.annotations) };
}

// A planning record from the model's reply and what Vouch knows of the problem.
export function assemblePlanning(p: AnnotatedProblem, reply: PlanningReply): PlanningRecord {
  const complexity = reply.complexity && !isCallable(p) ? { time: reply.complexity.time } : reply.complexity;
  return {
    task: "planning",
    id: recordId(p, "planning"),
    problem: statement(p),
    ...(p.entry_point ? { entry_point: p.entry_point } : {}),
    alternatives: reply.alternatives,
    chosen: reply.chosen,
    plan: reply.plan,
    ...(complexity ? { complexity } : {}),
    code: reply.code,
    ...(p.tests ? { tests: p.tests } : {}),
  };
}

// Asks the model for a plan of one problem and assembles the record.
async function generate(p: AnnotatedProblem, ctx: GenerationContext): Promise<GenerationOutput> {
  const messages = renderPrompt(loadPrompt("planning"), planningVars(p));
  const r = await ctx.llm.complete({ purpose: "generate:planning", messages, schema: PlanningReply, schemaName: "planning_reply" });
  return { records: [assemblePlanning(p, r.value)] };
}

// Every problem can be planned: a stdin/stdout program is planned too (its complexity claim is just not timed).
export const planningGeneration: GenerationSpec = { kind: "planning", generate };
