import type { AnnotatedProblem } from "../../core/problem.js";
import { calledEntryPoint, recordId, statement } from "../../generate/prompting.js";
import { repairLoop, type RepairConversation, type RepairTurn } from "../../generate/repair-loop.js";
import { splitTests } from "../../generate/split-tests.js";
import { feedbackOf } from "../../generate/turn-feedback.js";
import type { GenerationContext, GenerationSpec } from "../generation.js";
import { firstAttempt, implementationSkip } from "../implementation/generate.js";
import type { ErrorRecoveryMulti, Turn } from "./schema.js";

// The turns of a record from a conversation: feedback only from each turn's real run. A patch turn keeps its
// patch when the previous turn's code ran (the patch is a diff of it); after a patch that did not apply, the next
// turn carries its whole code (its patch is a diff of an earlier turn's code). A patch that did not apply is a
// turn with the apply error as its feedback and nothing that ran.
export function recordTurns(turns: readonly RepairTurn[]): Turn[] {
  return turns.map((t, k) => {
    const reflection = t.reflection !== undefined ? { reflection: t.reflection } : {};
    if (!t.suite) return { patch: t.patch!, feedback: { tests: [], error: `the patch does not apply: ${t.applyError}`, all_pass: false }, ...reflection };
    const prevRan = k > 0 && turns[k - 1]!.suite !== undefined;
    const body = t.patch !== undefined && prevRan ? { patch: t.patch } : { code: t.code! };
    return { ...body, feedback: feedbackOf(t.suite), ...reflection };
  });
}

// The record of a repair conversation: every turn's full code, the feedback of its real run, and the reflection
// that led to the next turn; tests as the implementation record has them (hidden ones held back).
export function assembleMulti(p: AnnotatedProblem, conv: RepairConversation): ErrorRecoveryMulti {
  const { visible, hidden } = splitTests(p.tests!);
  return {
    task: "error-recovery-multi",
    id: recordId(p, "error-recovery-multi"),
    problem: statement(p),
    entry_point: p.entry_point!,
    tests: visible,
    ...(hidden ? { hidden_tests: hidden } : {}),
    ...(p.solution ? { reference: p.solution } : {}),
    turns: recordTurns(conv.turns),
  };
}

// The record of a patch conversation on a seeded bug: turn 0 the buggy code with its real run and the model's
// diagnosis, then one turn per patch. Tests, entry point and reference as the single-turn error-recovery record.
export function assemblePatchMulti(p: AnnotatedProblem, id: string, conv: RepairConversation): ErrorRecoveryMulti {
  return {
    task: "error-recovery-multi",
    id,
    problem: statement(p),
    ...calledEntryPoint(p),
    tests: p.tests!,
    ...(p.solution ? { reference: p.solution } : {}),
    turns: recordTurns(conv.turns),
  };
}

// The error-recovery-multi generator: the implementation's first attempt (the same request as the implementation
// generator's), and when it fails its visible tests, repair turns fed the real feedback, up to --max-turns.
// Written whether or not the last turn passes; its verification says which. (Patch conversations on seeded bugs
// are made by the error-recovery generator, which owns the bugs.)
export const errorRecoveryMultiGeneration: GenerationSpec = {
  kind: "error-recovery-multi",
  skip: implementationSkip,
  async generate(p: AnnotatedProblem, ctx: GenerationContext) {
    const { messages, reply } = await firstAttempt(p, ctx.llm);
    const { visible } = splitTests(p.tests!);
    const conv = await repairLoop(p, { messages, raw: reply.raw, attempt: { code: reply.value.code } }, visible, ctx);
    if (conv.turns.length === 1 && conv.converged) return { records: [], skipped: "the first attempt passes its visible tests: nothing to recover from" };
    const counters = { conversations: 1, turns: conv.turns.length, converged: conv.converged ? 1 : 0, "not converged": conv.converged ? 0 : 1 };
    return { records: [assembleMulti(p, conv)], counters };
  },
};
