import type { AnnotatedProblem } from "../../core/problem.js";
import { recordId, statement } from "../../generate/prompting.js";
import { repairLoop, type RepairConversation } from "../../generate/repair-loop.js";
import { splitTests } from "../../generate/split-tests.js";
import { feedbackOf } from "../../generate/turn-feedback.js";
import type { GenerationContext, GenerationSpec } from "../generation.js";
import { firstAttempt, implementationSkip } from "../implementation/generate.js";
import type { ErrorRecoveryMulti } from "./schema.js";

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
    turns: conv.turns.map((t) => ({ code: t.code, feedback: feedbackOf(t.suite), ...(t.reflection !== undefined ? { reflection: t.reflection } : {}) })),
  };
}

// The error-recovery-multi generator: the implementation's first attempt (the same request as the implementation
// generator's), and when it fails its visible tests, repair turns fed the real feedback, up to --max-turns.
// Written whether or not the last turn passes; its verification says which.
export const errorRecoveryMultiGeneration: GenerationSpec = {
  kind: "error-recovery-multi",
  skip: implementationSkip,
  async generate(p: AnnotatedProblem, ctx: GenerationContext) {
    const { messages, reply } = await firstAttempt(p, ctx.llm);
    const { visible } = splitTests(p.tests!);
    const conv = await repairLoop(p, { messages, raw: reply.raw, code: reply.value.code }, visible, ctx);
    if (conv.turns.length === 1 && conv.converged) return { records: [], skipped: "the first attempt passes its visible tests: nothing to recover from" };
    const counters = { conversations: 1, turns: conv.turns.length, converged: conv.converged ? 1 : 0, "not converged": conv.converged ? 0 : 1 };
    return { records: [assembleMulti(p, conv)], counters };
  },
};
