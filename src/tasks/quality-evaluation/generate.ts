import { createHash } from "node:crypto";
import { z } from "zod";
import type { AnnotatedProblem } from "../../core/problem.js";
import { formatPitfalls, formatVerification, recordId, statement } from "../../generate/prompting.js";
import { seedBugs, type SeededBug } from "../../generate/seed-bugs.js";
import { loadPrompt, renderPrompt } from "../../llm/prompts.js";
import type { GenerationContext, GenerationCounters, GenerationOutput, GenerationSpec } from "../generation.js";
import { Observation, QualityEvaluationRecord } from "./schema.js";

// What the model writes for an evaluation: observations, verdict, rationale. It is never told whether the code is
// the reference or a seeded bug.
export const QualityReply = z.object({
  observations: z.array(Observation).min(1),
  verdict: z.enum(["high", "low"]),
  rationale: z.string(),
});
export type QualityReply = z.infer<typeof QualityReply>;

// The code a record evaluates: the reference solution, or a real bug seeded into it.
export interface Candidate {
  /** "reference" or "bug-<operator>-l<line>": part of the record id, never shown to the model. */
  label: string;
  code: string;
}

/** Mutants run per problem: one bug is needed, and a cap keeps seeding cheap (round-robin over operators). */
export const SEED_OPTIONS = { maxTotal: 12 } as const;

// The seeded bug a problem's evaluation uses: one of the kept mutants, picked by a hash of the problem id (the same
// problem always gets the same bug; different problems get different operators).
export function chooseBug(problemId: string, kept: readonly SeededBug[]): SeededBug | undefined {
  if (!kept.length) return undefined;
  const h = createHash("sha256").update(problemId).digest().readUInt32BE(0);
  return kept[h % kept.length];
}

// The candidates of a problem: the reference first, then its chosen seeded bug when one exists.
export function candidates(p: AnnotatedProblem, bug: SeededBug | undefined): Candidate[] {
  const out: Candidate[] = [{ label: "reference", code: p.solution! }];
  if (bug) out.push({ label: `bug-${bug.mutant.operator}-l${bug.mutant.line}`, code: bug.mutant.code });
  return out;
}

// The variables of prompts/quality-evaluation.txt for one piece of code.
export function qualityVars(p: AnnotatedProblem, code: string): Record<string, string> {
  return {
    id: p.id,
    statement: statement(p),
    entry_point: p.entry_point!,
    code: code.replace(/^\n+/, "").trimEnd(),
    pitfalls: formatPitfalls(p.annotations),
    verification: formatVerification(p.annotations),
  };
}

// A quality-evaluation record: the code under evaluation with the problem's tests and reference, and the reply.
export function assembleQuality(p: AnnotatedProblem, c: Candidate, reply: QualityReply): QualityEvaluationRecord {
  return {
    task: "quality-evaluation",
    id: recordId(p, "quality-evaluation", c.label),
    problem: statement(p),
    entry_point: p.entry_point!,
    code: c.code,
    ...(p.tests ? { tests: p.tests } : {}),
    reference: p.solution!,
    observations: reply.observations,
    verdict: reply.verdict,
    rationale: reply.rationale,
  };
}

// Why a problem gives no evaluation: bug claims are calls of the entry point, so it needs one and assert tests
// (a stdin/stdout program reads its input on import: a call cannot run it), and a reference to seed bugs into.
function skip(p: AnnotatedProblem): string | undefined {
  if (!p.entry_point) return "no entry point: bug claims are calls of a function";
  if (!p.solution) return "no reference solution to evaluate or seed bugs into";
  if (p.tests?.kind !== "assert") return "no assert tests: a stdin/stdout program cannot be called on a claimed input";
  return undefined;
}

// Seeds bugs, then asks the model to evaluate the reference and one real bug, without saying which is which.
async function generate(p: AnnotatedProblem, ctx: GenerationContext): Promise<GenerationOutput> {
  const why = skip(p);
  if (why) return { records: [], skipped: why };
  const seeded = await seedBugs(p, ctx.exec, SEED_OPTIONS, ctx.seedRuns);
  const bug = chooseBug(p.id, seeded.kept);
  const counters: GenerationCounters = { "quality-evaluation: mutants kept": seeded.kept.length, "quality-evaluation: problems without a bug": bug ? 0 : 1 };
  const template = loadPrompt("quality-evaluation");
  const records = [];
  for (const c of candidates(p, bug)) {
    const messages = renderPrompt(template, qualityVars(p, c.code));
    const r = await ctx.llm.complete({ purpose: "generate:quality-evaluation", messages, schema: QualityReply, schemaName: "quality_evaluation_reply" });
    records.push(assembleQuality(p, c, r.value));
  }
  return { records, counters };
}

export const qualityEvaluationGeneration: GenerationSpec = { kind: "quality-evaluation", skip, generate };
