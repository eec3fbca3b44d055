import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { AnnotatedProblem } from "../core/problem.js";
import type { SuiteResult } from "../core/result.js";
import type { TestSpec } from "../core/test-spec.js";
import type { TaskExec } from "../exec/task-exec.js";
import type { ChatMessage, CompleteRequest, Llm } from "../llm/types.js";
import { assemblePatchMulti } from "../tasks/error-recovery-multi/generate.js";
import { ErrorRecoveryMulti } from "../tasks/error-recovery-multi/schema.js";
import { resolveTurns } from "../tasks/error-recovery-multi/verify.js";
import { patchConversation, patchConversationId, type ErrorRecoveryReply } from "../tasks/error-recovery/generate.js";
import type { GenerationContext } from "../tasks/generation.js";
import type { SeededBug } from "./seed-bugs.js";
import { feedbackOf } from "./turn-feedback.js";

// Patch repair through the shared loop: a scripted sandbox (results per code) and a model answering in order.
const divisor = AnnotatedProblem.parse(JSON.parse(readFileSync("fixtures/problems/annotated.jsonl", "utf8").split("\n").find((l) => l.includes('"Mbpp/96"'))!));
const line = (lo: string, hi: string) => `    return sum(1 for i in range(${lo}, ${hi}) if n % i == 0)`;
const code = (lo: string, hi: string) => `def divisor(n):\n${line(lo, hi)}\n`;
const BUGGY = code("1", "n");
const HALF = code("2", "n + 1"); // the symptom moves: still wrong
const FIXED = code("1", "n + 1");
const diff = (from: string, to: string, ctx = "def divisor(n):") => `--- a/solution.py\n+++ b/solution.py\n@@ -1,2 +1,2 @@\n ${ctx}\n-${from}\n+${to}\n`;

const names = ["line 1: assert divisor(15) == 4", "line 2: assert divisor(12) == 6", "line 3: assert divisor(9) == 3"];
const fails = (got: number[]): SuiteResult => ({
  verdict: "fail",
  truncated: false,
  tests: names.map((name, k) => ({ name, status: "fail" as const, durationMs: 1, message: `AssertionError: got ${got[k]}, expected ${[4, 6, 3][k]}` })),
});
const passes: SuiteResult = { verdict: "pass", truncated: false, tests: names.map((name) => ({ name, status: "pass" as const, durationMs: 1 })) };
const RESULTS: Record<string, SuiteResult> = { [BUGGY]: fails([3, 5, 2]), [HALF]: fails([3, 5, 2]), [FIXED]: passes };

const bug: SeededBug = {
  problemId: "Mbpp/96",
  mutant: { operator: "off-by-one", line: 2, column: 1, description: "line 2: n + 1 -> n", original: "n + 1", replacement: "n", code: BUGGY },
  failingTest: names[0]!,
  failingStatus: "fail",
  error: "AssertionError: got 3, expected 4",
  suite: RESULTS[BUGGY]!,
};

// A model whose first reply is `patch` and whose repair replies are `patches`, in order; runs and requests recorded.
function context(patch: string, patches: string[], maxTurns = 3) {
  const runs: string[] = [];
  const asked: ChatMessage[][] = [];
  const exec = { runTests: async (c: string, _t: TestSpec) => (runs.push(c), RESULTS[c]!) } as unknown as TaskExec;
  const llm = {
    model: "fake",
    async complete<T>(req: CompleteRequest<T>) {
      asked.push(req.messages);
      const value = { reflection: `patch ${asked.length + 1}: divisor(15) still gives 3`, patch: patches[asked.length - 1]! };
      return { value: value as T, raw: JSON.stringify(value), cached: false, usage: { promptTokens: 1, completionTokens: 1 } };
    },
  } as unknown as Llm;
  const ctx: GenerationContext = { llm, exec, modules: new Set(), maxTurns };
  const value: ErrorRecoveryReply = {
    diagnosis: { function: "divisor", line: 2, text: "divisor(15) gives 3, not 4: range(1, n) stops before n" },
    patch,
    explanation: "widen the range",
    claimed_result: { all_pass: true, failing: [] },
  };
  const first = { messages: [{ role: "user" as const, content: "Task: error-recovery\nProblem id: Mbpp/96\nRecord id: Mbpp/96:error-recovery:1\n" }], reply: { value, raw: JSON.stringify(value), cached: false, usage: { promptTokens: 1, completionTokens: 1 } } };
  return { ctx, runs, asked, first };
}

describe("patch repair through the shared generate-verify-repair loop", () => {
  test("a failing patch gets the real feedback back; the next patch applies to the patched code; the record replays", async () => {
    const { ctx, runs, asked, first } = context(diff(line("1", "n"), line("2", "n + 1")), [diff(line("2", "n + 1"), line("1", "n + 1"))]);
    const conv = (await patchConversation(divisor, bug, "Mbpp/96:error-recovery:1", first, ctx))!;
    expect(conv.converged).toBe(true);
    expect(runs).toEqual([HALF, FIXED]); // the buggy code's run is the seeded one, not repeated
    expect(conv.turns.map((t) => t.code)).toEqual([BUGGY, HALF, FIXED]);
    expect(asked).toHaveLength(1);
    const req = asked[0]!.at(-1)!.content;
    expect(req).toMatch(/^Task: error-recovery-multi\nProblem id: Mbpp\/96\nRecord id: Mbpp\/96:error-recovery:1:repair\nTurn: 2\n/);
    expect(req).toContain("0/3 tests pass");
    expect(req).toContain("AssertionError: got 3, expected 4");
    expect(asked[0]!.find((m) => m.role === "assistant")!.content).toBe(first.reply.raw); // the same conversation

    const rec = assemblePatchMulti(divisor, patchConversationId("Mbpp/96:error-recovery:1"), conv);
    expect(ErrorRecoveryMulti.parse(rec)).toEqual(rec);
    expect(rec.id).toBe("Mbpp/96:error-recovery:1:repair");
    expect(rec.tests).toEqual(divisor.tests);
    expect(rec.turns.map((t) => [t.code !== undefined, t.patch !== undefined])).toEqual([[true, false], [false, true], [false, true]]);
    expect(rec.turns.map((t) => t.feedback)).toEqual([feedbackOf(RESULTS[BUGGY]!), feedbackOf(RESULTS[HALF]!), feedbackOf(passes)]);
    expect(rec.turns.map((t) => t.reflection)).toEqual([first.reply.value.diagnosis.text, "patch 2: divisor(15) still gives 3", undefined]);
    // the verifier's own resolution of the patches gives the codes that ran
    expect(resolveTurns(rec.turns).map((r) => r.code)).toEqual([BUGGY, HALF, FIXED]);
  });

  test("a patch that does not apply: the apply error goes back, the next patch applies to the code before it", async () => {
    const wrongCtx = diff(line("1", "n"), line("1", "n + 1"), "def divisors(n):");
    const { ctx, runs, asked, first } = context(wrongCtx, [diff(line("1", "n"), line("1", "n + 1"))]);
    const conv = (await patchConversation(divisor, bug, "Mbpp/96:error-recovery:1", first, ctx))!;
    expect(conv.converged).toBe(true);
    expect(runs).toEqual([FIXED]);
    expect(conv.turns[1]).toMatchObject({ patch: wrongCtx, applyError: expect.stringContaining("def divisors(n):") });
    expect(asked[0]!.at(-1)!.content).toContain("The patch did not apply, so nothing ran:");
    const rec = assemblePatchMulti(divisor, "x", conv);
    expect(rec.turns[1]).toEqual({ patch: wrongCtx, feedback: { tests: [], error: `the patch does not apply: ${conv.turns[1]!.applyError}`, all_pass: false }, reflection: "patch 2: divisor(15) still gives 3" });
    expect(rec.turns[2]).toEqual({ code: FIXED, feedback: feedbackOf(passes) }); // its patch is of turn 0's code: whole code
  });

  test("--max-turns counts patches; a first patch that passes gives no conversation", async () => {
    const stuck = context(diff(line("1", "n"), line("2", "n + 1")), [diff(line("2", "n + 1"), line("1", "n"))], 2);
    const conv = (await patchConversation(divisor, bug, "id", stuck.first, stuck.ctx))!;
    expect(conv.converged).toBe(false);
    expect(conv.turns).toHaveLength(3);
    expect(stuck.asked).toHaveLength(1);
    expect(conv.turns.at(-1)!.reflection).toBeUndefined();

    const good = context(diff(line("1", "n"), line("1", "n + 1")), []);
    expect(await patchConversation(divisor, bug, "id", good.first, good.ctx)).toBeUndefined();
    expect(good.runs).toEqual([FIXED]);
  });
});
