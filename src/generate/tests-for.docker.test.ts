import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readProblems } from "../dataset/read-problems.js";
import type { Problem } from "../core/problem.js";
import { createLlm } from "../llm/client.js";
import { openTaskContext } from "../../test/support/task-context.js";
import { startFakeOpenAI, type FakeOpenAI } from "../../test/support/fake-openai.js";
import type { TrajectoryContext } from "../tasks/verify-trajectory.js";
import { testsFor } from "./tests-for.js";

// Tests for tulu-personas-like problems (no tests of their own): proposed by the (recorded) model, run against
// the reference in the real sandbox, kept only when the reference passes them.
let server: FakeOpenAI;
let ctx: TrajectoryContext;
let close: () => Promise<void>;
const problems: Problem[] = [];

beforeAll(async () => {
  server = await startFakeOpenAI({ recordings: ["fixtures/llm/annotate.jsonl"] });
  ({ ctx, close } = await openTaskContext(1));
  for await (const item of readProblems("fixtures/problems/shapes/tulu-personas.jsonl")) if (item.ok) problems.push(item.problem);
}, 120_000);
afterAll(async () => {
  await close?.();
  await server?.close();
});

describe("testsFor", () => {
  it("keeps only the proposed asserts the reference solution passes", async () => {
    const llm = createLlm({ baseUrl: server.url, model: "recorded-model", cacheDir: false });
    const results = [];
    for (const p of problems) results.push(await testsFor(p, llm, ctx.exec!));
    expect(results.map((r) => [r.proposed, r.kept])).toEqual([[6, 5], [6, 5], [6, 4]]);
    const code = results.map((r) => r.tests?.code ?? "");
    expect(code[0]).not.toContain("square_Sum(5) == 210"); // 2*5*6*11/3 = 220
    expect(code[1]).not.toContain("all_Characters_Same('') == False");
    expect(code[2]).not.toContain("[1, 1, 2]) == 1");
    expect(code[2]).not.toContain("print(");
    for (const r of results) {
      const suite = await ctx.exec!.runTests(problems[results.indexOf(r)]!.solution!, r.tests!);
      expect(suite.verdict).toBe("pass");
    }
    expect(results[0]!.provenance).toMatchObject({ tests_model: "recorded-model", tests_kept: "5/6" });
  }, 120_000);

  it("skips a problem whose proposals all fail, and one without a reference", async () => {
    const llm = createLlm({ baseUrl: server.url, model: "recorded-model", cacheDir: false });
    const broken = { ...problems[0]!, solution: "def square_Sum(n):\n    return -1\n" };
    const r = await testsFor(broken, llm, ctx.exec!);
    expect(r).toMatchObject({ proposed: 6, kept: 0, skipped: "none of the 6 proposed tests passed the reference solution" });
    expect(r.tests).toBeUndefined();
    expect(await testsFor({ ...problems[0]!, solution: undefined }, llm, ctx.exec!)).toMatchObject({ kept: 0, skipped: expect.stringContaining("no reference") });
  }, 120_000);
});
