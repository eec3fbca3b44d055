import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AnnotatedProblem } from "../../core/problem.js";
import { assembleWalkthrough, chooseTest, unitTestWalkthroughGeneration, walkthroughVars, WalkthroughReply } from "./generate.js";
import { UnitTestWalkthrough } from "./schema.js";

const root = new URL("../../../", import.meta.url);
const annotation = {
  classification: { category: "math", topics: ["sequences"] },
  difficulty: { level: "easy", reasons: ["one loop"] },
  approaches: [{ name: "loop", steps: ["iterate"] }],
  pitfalls: [{ pitfall: "off by one" }],
  verification: [{ method: "trace a small input by hand", detail: "n = 3" }, { method: "edge cases", detail: "" }],
};
const problems = readFileSync(new URL("fixtures/problems/problems.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => AnnotatedProblem.parse({ ...JSON.parse(l), annotations: annotation }));
const problem = (id: string) => problems.find((p) => p.id === id)!;
const recorded = readFileSync(new URL("fixtures/llm/generate-unit-test-walkthrough.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { match: string[]; reply: string });
const replyFor = (id: string) => WalkthroughReply.parse(JSON.parse(recorded.find((r) => r.match.includes(`Problem id: ${id}`))!.reply));

describe("unit-test-walkthrough generation", () => {
  it("walks through the shortest assert of the problem's tests", () => {
    expect(chooseTest(problem("Mbpp/67"))).toBe("assert bell_number(2)==2");
    expect(chooseTest(problem("Mbpp/113"))).toBe('assert check_integer("1")==True');
  });

  it("chooses among whole assert statements: continuation lines kept, other statements not tests", () => {
    const tests = { kind: "assert" as const, code: "assert f(10) == 200000\nassert f(\n    3) == 4\nx = 1\nassertion = 2\n" };
    expect(chooseTest({ ...problem("Mbpp/67"), tests })).toBe("assert f(\n    3) == 4");
  });

  it("assembles the reference solution, the chosen test and the reply into a schema-valid record", () => {
    const p = problem("Mbpp/65");
    const test = chooseTest(p)!;
    const rec = UnitTestWalkthrough.parse(assembleWalkthrough(p, test, replyFor(p.id)));
    expect(rec.id).toBe("Mbpp/65:unit-test-walkthrough");
    expect(rec.code).toBe(p.solution);
    expect(rec.entry_point).toBe("recursive_list_sum");
    expect(rec.test).toBe(test);
    expect(rec.predicted_return).toBe("21");
    expect(rec.steps[0]!.line).toBe(3);
  });

  it("shows the solution with the line numbers the reply cites, and the verification methods", () => {
    const vars = walkthroughVars(problem("Mbpp/65"), "assert x");
    const lines = vars.numbered_code!.split("\n");
    expect(lines[2]).toBe("3 | \ttotal = 0");
    expect(vars.verification).toBe("- trace a small input by hand: n = 3\n- edge cases");
  });

  it("skips a stdin/stdout program, which has no function call to walk through", async () => {
    const p = problem("codecontests/9_A");
    expect(unitTestWalkthroughGeneration.skip!(p)).toMatch(/no entry point/);
    const out = await unitTestWalkthroughGeneration.generate(p, { llm: undefined as never, exec: undefined as never, modules: new Set(), maxTurns: 1 });
    expect(out.records).toEqual([]);
    expect(out.skipped).toMatch(/no entry point/);
  });
});
