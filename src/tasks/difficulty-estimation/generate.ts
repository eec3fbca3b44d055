import { z } from "zod";
import type { AnnotatedProblem } from "../../core/problem.js";
import { recordId, statement as statementOf } from "../../generate/prompting.js";
import { loadPrompt, renderPrompt } from "../../llm/prompts.js";
import type { GenerationContext, GenerationOutput, GenerationSpec } from "../generation.js";
import { AlgorithmClass, ClaimedConstraint, DifficultyEstimationRecord, DifficultyLabel, Factor } from "./schema.js";

// What the model writes for a difficulty estimate: the estimate fields of the record, nothing Vouch knows itself.
export const DifficultyReply = z.object({
  constraints: z.array(ClaimedConstraint),
  algorithm: z.object({ class: AlgorithmClass, complexity: z.string().min(1) }).optional(),
  factors: z.array(Factor).min(1),
  label: DifficultyLabel,
  score: z.number().min(1).max(10),
});
export type DifficultyReply = z.infer<typeof DifficultyReply>;

const BOUND = /≤|<=|\\le/;

// The sentences of the statement that bound something ("1 ≤ n ≤ 10^5"), as written; "none stated" when there are none.
export function constraintSentences(statement: string): string {
  const out: string[] = [];
  for (const line of statement.split("\n")) {
    for (const sentence of line.split(/(?<=\.)\s+(?=[A-Z])/)) if (BOUND.test(sentence)) out.push(`- ${sentence.trim()}`);
  }
  return out.length ? out.join("\n") : "none stated (no numeric bounds in the statement)";
}

// The variables of prompts/difficulty-estimation.txt: the statement, its constraints, classification and difficulty analysis.
export function difficultyVars(p: AnnotatedProblem): Record<string, string> {
  const a = p.annotations;
  const statement = statementOf(p);
  return {
    id: p.id,
    statement,
    constraints: constraintSentences(statement),
    classification: `${a.classification.category}${a.classification.topics.length ? ` (${a.classification.topics.join(", ")})` : ""}`,
    difficulty: [`level: ${a.difficulty.level}`, ...a.difficulty.reasons.map((r) => `- ${r}`)].join("\n"),
  };
}

// A difficulty-estimation record from the model's reply and the problem's statement.
export function assembleDifficulty(p: AnnotatedProblem, reply: DifficultyReply): DifficultyEstimationRecord {
  return {
    task: "difficulty-estimation",
    id: recordId(p, "difficulty-estimation"),
    problem: statementOf(p),
    constraints: reply.constraints,
    ...(reply.algorithm ? { algorithm: reply.algorithm } : {}),
    factors: reply.factors,
    label: reply.label,
    score: reply.score,
  };
}

// Asks the model to estimate one problem's difficulty and assembles the record.
async function generate(p: AnnotatedProblem, ctx: GenerationContext): Promise<GenerationOutput> {
  const messages = renderPrompt(loadPrompt("difficulty-estimation"), difficultyVars(p));
  const r = await ctx.llm.complete({ purpose: "generate:difficulty-estimation", messages, schema: DifficultyReply, schemaName: "difficulty_reply" });
  return { records: [assembleDifficulty(p, r.value)] };
}

// Every problem has a difficulty: no skip.
export const difficultyEstimationGeneration: GenerationSpec = { kind: "difficulty-estimation", generate };
