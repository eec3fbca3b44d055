import type { z } from "zod";
import type { AnnotatedProblem } from "../../core/problem.js";
import { calledEntryPoint, formatPitfalls, formatTests, numberLines, recordId, statement } from "../../generate/prompting.js";
import { patchRepair, repairLoop, type RepairConversation } from "../../generate/repair-loop.js";
import { seedBugs, type SeededBug, type SeedOptionsInput, type SeedResult } from "../../generate/seed-bugs.js";
import { loadPrompt, renderPrompt } from "../../llm/prompts.js";
import type { ChatMessage, CompleteResult } from "../../llm/types.js";
import { assemblePatchMulti } from "../error-recovery-multi/generate.js";
import type { GenerationContext, GenerationCounters, GenerationSpec } from "../generation.js";
import { ErrorRecovery } from "./schema.js";

// What the model writes for a seeded bug: diagnosis, patch, explanation and claimed result.
export const ErrorRecoveryReply = ErrorRecovery.pick({ diagnosis: true, patch: true, explanation: true, claimed_result: true });
export type ErrorRecoveryReply = z.output<typeof ErrorRecoveryReply>;

/** How bugs are seeded for error recovery (the fixture authoring script seeds with the same options). */
export const SEED_OPTIONS: SeedOptionsInput = { maxPerOperator: 4, concurrency: 2 };
/** Most records per problem: seeded bugs of different operators. */
export const BUGS_PER_PROBLEM = 2;

// The bugs a problem's records are made of: the first kept mutant of each operator, in seedBugs' order, up to
// BUGS_PER_PROBLEM (deterministic: the same problem gives the same bugs).
export function chooseBugs(kept: readonly SeededBug[], max = BUGS_PER_PROBLEM): SeededBug[] {
  const out: SeededBug[] = [];
  for (const b of kept) {
    if (out.length >= max) break;
    if (!out.some((o) => o.mutant.operator === b.mutant.operator)) out.push(b);
  }
  return out;
}

// seedBugs' statistics as summary counters: "mutants.<operator>.tried|run|killed|kept" (tried: mutants made;
// run: those run after the per-operator cap; killed: failed a test or hit a limit; kept: failed a test with a message).
export function seedCounters(stats: SeedResult["stats"]): GenerationCounters {
  const out: GenerationCounters = {};
  for (const [op, s] of Object.entries(stats)) {
    out[`mutants.${op}.tried`] = s.tried;
    out[`mutants.${op}.run`] = s.run;
    out[`mutants.${op}.killed`] = s.killed;
    out[`mutants.${op}.kept`] = s.kept;
  }
  return out;
}

// The prompt for one seeded bug: statement, numbered buggy code, tests, the real failing test and error, pitfalls.
export function errorRecoveryMessages(p: AnnotatedProblem, bug: SeededBug, id: string): ChatMessage[] {
  return renderPrompt(loadPrompt("error-recovery"), {
    problem_id: p.id,
    record_id: id,
    statement: statement(p),
    numbered_code: numberLines(bug.mutant.code),
    tests: formatTests(p.tests!),
    failing_test: bug.failingTest,
    error: bug.error,
    pitfalls: formatPitfalls(p.annotations),
  });
}

// The record: the real bug, its real failing test and error (never the model's), and the model's fix.
export function assembleErrorRecovery(p: AnnotatedProblem, bug: SeededBug, id: string, reply: ErrorRecoveryReply): ErrorRecovery {
  return {
    task: "error-recovery",
    id,
    problem: statement(p),
    // an io program has no function to compare with the reference
    ...calledEntryPoint(p),
    buggy_code: bug.mutant.code,
    tests: p.tests!,
    ...(p.solution ? { reference: p.solution } : {}),
    failing_test: bug.failingTest,
    claimed_error: bug.error,
    ...reply,
  };
}

// The id of the patch conversation on bug n: "<problem>:error-recovery:<n>:repair". It names the pair that makes
// it (error-recovery), so a resumed run counts it as that pair's output and never as the implementation repair
// conversation "<problem>:error-recovery-multi".
export const patchConversationId = (errorRecoveryId: string): string => `${errorRecoveryId}:repair`;

// Patch repair: the patch runs on the tests (applied to the buggy code); while it fails or does not apply, the
// real feedback goes back to the model in the same conversation, up to --max-turns patches. Turn 0 is the buggy
// code with its real run (the seeded failure) and the diagnosis. Undefined when the first patch passes.
export async function patchConversation(
  p: AnnotatedProblem,
  bug: SeededBug,
  id: string,
  first: { messages: ChatMessage[]; reply: CompleteResult<ErrorRecoveryReply> },
  ctx: GenerationContext,
): Promise<RepairConversation | undefined> {
  const before = [{ code: bug.mutant.code, suite: bug.suite, reflection: first.reply.value.diagnosis.text }];
  const start = { messages: first.messages, raw: first.reply.raw, attempt: { patch: first.reply.value.patch }, before };
  const conv = await repairLoop(p, start, p.tests!, ctx, patchRepair(patchConversationId(id)));
  return conv.turns.length === 2 && conv.converged ? undefined : conv;
}

// Counters of the patch conversations of one problem.
function patchCounters(convs: ReadonlyArray<RepairConversation | undefined>): GenerationCounters {
  const had = convs.filter((c): c is RepairConversation => c !== undefined);
  const converged = had.filter((c) => c.converged).length;
  return { "patch conversations": had.length, "patch turns": had.reduce((n, c) => n + c.turns.length, 0), "patch converged": converged, "patch not converged": had.length - converged };
}

// Why a problem cannot give error-recovery records (no reference to mutate, no tests to fail).
export function errorRecoverySkip(p: AnnotatedProblem): string | undefined {
  if (!p.solution) return "no reference solution to seed bugs in";
  if (!p.tests) return "no tests";
  return undefined;
}

// The error-recovery generator: real bugs seeded in the reference, one record per chosen bug.
export const errorRecoveryGeneration: GenerationSpec = {
  kind: "error-recovery",
  skip: errorRecoverySkip,
  async generate(p: AnnotatedProblem, ctx: GenerationContext) {
    const seeded = await seedBugs(p, ctx.exec, SEED_OPTIONS, ctx.seedRuns);
    const counters = seedCounters(seeded.stats);
    if (seeded.reference.verdict !== "pass") return { records: [], skipped: "the reference solution fails its own tests", counters };
    const bugs = chooseBugs(seeded.kept);
    if (!bugs.length) return { records: [], skipped: "no mutant of the reference failed a test", counters };
    const made = await Promise.all(
      bugs.map(async (bug, i) => {
        const id = recordId(p, "error-recovery", String(i + 1));
        const messages = errorRecoveryMessages(p, bug, id);
        const reply = await ctx.llm.complete({ purpose: "generate:error-recovery", messages, schema: ErrorRecoveryReply, schemaName: "error_recovery_reply" });
        const conv = await patchConversation(p, bug, id, { messages, reply }, ctx);
        // the single-turn record stays whatever the conversation gives: a failing patch is a negative example
        const records = [assembleErrorRecovery(p, bug, id, reply.value), ...(conv ? [assemblePatchMulti(p, patchConversationId(id), conv)] : [])];
        return { records, conv };
      }),
    );
    const records = made.flatMap((m) => m.records);
    return { records, counters: { ...counters, "bugs seeded": bugs.length, ...patchCounters(made.map((m) => m.conv)) } };
  },
};
