import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { AnnotatedProblem } from "../../core/problem.js";
import type { SuiteResult } from "../../core/result.js";
import type { TestSpec } from "../../core/test-spec.js";
import type { TaskExec } from "../../exec/task-exec.js";
import { repairLoop } from "../../generate/repair-loop.js";
import { feedbackOf } from "../../generate/turn-feedback.js";
import type { ChatMessage, CompleteRequest, Llm } from "../../llm/types.js";
import type { GenerationContext } from "../generation.js";
import { assembleMulti } from "./generate.js";
import { ErrorRecoveryMulti } from "./schema.js";

const divisor = AnnotatedProblem.parse(JSON.parse(readFileSync("fixtures/problems/annotated.jsonl", "utf8").split("\n").find((l) => l.includes('"Mbpp/96"'))!));
const failing: SuiteResult = {
  verdict: "fail",
  truncated: false,
  tests: [
    { name: "line 1: assert divisor(15) == 4", status: "fail", durationMs: 1, message: "AssertionError: got 3, expected 4" },
    { name: "line 2: assert divisor(12) == 6", status: "fail", durationMs: 1, message: "AssertionError: got 5, expected 6" },
  ],
};
const passing: SuiteResult = { verdict: "pass", truncated: false, tests: failing.tests.map((t) => ({ name: t.name, status: "pass", durationMs: 1 })) };

// A sandbox whose runs give scripted results per code, and a model that answers each repair turn in order.
function context(results: Record<string, SuiteResult>, codes: string[], maxTurns: number) {
  const runs: Array<{ code: string; tests: TestSpec }> = [];
  const asked: ChatMessage[][] = [];
  const exec = { runTests: async (code: string, tests: TestSpec) => (runs.push({ code, tests }), results[code]!) } as unknown as TaskExec;
  const llm = {
    model: "fake",
    async complete<T>(req: CompleteRequest<T>) {
      asked.push(req.messages);
      const value = { reflection: `turn ${asked.length + 1}: divisor(15) gave 3`, code: codes[asked.length - 1]! };
      return { value: value as T, raw: JSON.stringify(value), cached: false, usage: { promptTokens: 1, completionTokens: 1 } };
    },
  } as unknown as Llm;
  const ctx: GenerationContext = { llm, exec, modules: new Set(), maxTurns };
  return { ctx, runs, asked };
}

const first = { messages: [{ role: "user" as const, content: "Task: implementation\nProblem id: Mbpp/96\n" }], raw: "{}", attempt: { code: "v1" } };
const visible: TestSpec = { kind: "assert", code: "assert divisor(15) == 4\nassert divisor(12) == 6\n" };

describe("generate, verify, repair", () => {
  test("a failing attempt gets the real feedback back until a turn passes; the record's feedback is each real run", async () => {
    const { ctx, runs, asked } = context({ v1: failing, v2: failing, v3: passing }, ["v2", "v3"], 3);
    const conv = await repairLoop(divisor, first, visible, ctx);
    expect(conv.converged).toBe(true);
    expect(runs.map((r) => r.code)).toEqual(["v1", "v2", "v3"]);
    // the conversation continues: turn 3's request holds turn 2's request and reply
    expect(asked).toHaveLength(2);
    const turn3 = asked[1]!.filter((m) => m.role === "user").map((m) => m.content).join("\n");
    expect(turn3).toContain("Turn: 2\n");
    expect(turn3).toContain("Turn: 3\n");
    expect(asked[1]!.at(-1)!.content).toMatch(/^Task: error-recovery-multi\nProblem id: Mbpp\/96\nTurn: 3\n/);
    expect(asked[1]!.at(-1)!.content).toContain("AssertionError: got 3, expected 4");
    const rec = assembleMulti(divisor, conv);
    expect(ErrorRecoveryMulti.parse(rec)).toEqual(rec);
    expect(rec.turns.map((t) => t.feedback)).toEqual([feedbackOf(failing), feedbackOf(failing), feedbackOf(passing)]);
    expect(rec.turns.map((t) => t.reflection)).toEqual(["turn 2: divisor(15) gave 3", "turn 3: divisor(15) gave 3", undefined]);
    expect(rec.tests).toEqual(visible);
    expect(rec.hidden_tests).toEqual({ kind: "assert", code: "assert divisor(9) == 3\n" });
  });

  test("stops at --max-turns when no turn passes", async () => {
    const { ctx, runs } = context({ v1: failing, v2: failing }, ["v2"], 2);
    const conv = await repairLoop(divisor, first, visible, ctx);
    expect(conv.converged).toBe(false);
    expect(runs).toHaveLength(2);
    expect(conv.turns.at(-1)!.reflection).toBeUndefined();
  });

  test("a sandbox failure is Vouch's, not a turn of the conversation", async () => {
    const { ctx } = context({ v1: { verdict: "infra-error", tests: [], truncated: false, message: "container gone" } }, [], 3);
    await expect(repairLoop(divisor, first, visible, ctx)).rejects.toMatchObject({ code: "SANDBOX_UNAVAILABLE" });
  });
});
