import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AnnotatedProblem } from "../../core/problem.js";
import type { CompleteRequest, Llm } from "../../llm/types.js";
import { assemblePlanning, planningGeneration, planningVars, PlanningReply } from "./generate.js";
import { PlanningRecord } from "./schema.js";

const root = new URL("../../../", import.meta.url);
const annotation = {
  classification: { category: "string processing", topics: ["prefix sums", "hashing"] },
  difficulty: { level: "medium", reasons: ["needs the prefix-key insight"] },
  approaches: [{ name: "prefix keys in a dictionary", complexity: "O(n)", steps: ["key = digit sum - length", "count equal keys"] }],
  pitfalls: [{ pitfall: "forgetting the empty prefix", example: "'1' has one substring" }],
  verification: [{ method: "brute force", detail: "compare with all substrings for short strings" }],
};
const problems = readFileSync(new URL("fixtures/problems/problems.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => AnnotatedProblem.parse({ ...JSON.parse(l), annotations: annotation }));
const problem = (id: string) => problems.find((p) => p.id === id)!;
const recorded = readFileSync(new URL("fixtures/llm/generate-planning.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { match: string[]; reply: string });

// The authored reply to a problem's planning prompt.
const replyFor = (id: string) => PlanningReply.parse(JSON.parse(recorded.find((r) => r.match.includes(`Problem id: ${id}`))!.reply));

// A model that answers from the recordings and keeps the requests it got.
function recordedLlm(): Llm & { requests: CompleteRequest<unknown>[] } {
  const requests: CompleteRequest<unknown>[] = [];
  return {
    model: "recorded",
    requests,
    async complete<T>(req: CompleteRequest<T>) {
      requests.push(req as CompleteRequest<unknown>);
      const user = req.messages.filter((m) => m.role === "user").map((m) => m.content).join("\n");
      const rec = recorded.find((r) => r.match.every((m) => user.includes(m)))!;
      return { value: req.schema.parse(JSON.parse(rec.reply)), raw: rec.reply, cached: false, usage: { promptTokens: 0, completionTokens: 0 } };
    },
    usage: () => ({ promptTokens: 0, completionTokens: 0, requests: 0, cachedReplies: 0, retries: 0, reasks: 0, byPurpose: {} }),
  };
}

describe("planning generation", () => {
  it("assembles a reply and the problem into a schema-valid record, with Vouch's own fields from the problem", () => {
    const p = problem("Mbpp/61");
    const rec = PlanningRecord.parse(assemblePlanning(p, replyFor(p.id)));
    expect(rec.id).toBe("Mbpp/61:planning");
    expect(rec.entry_point).toBe("count_Substrings");
    expect(rec.tests).toEqual(p.tests);
    expect(rec.problem).toContain("sum of digits equal to their length");
    expect(rec.problem).not.toMatch(/^"""/);
    expect(rec.complexity).toEqual({ time: "O(n)", input_builder: "lambda n: ('1120' * (n // 4 + 1),)" });
  });

  it("drops an input builder for a stdin/stdout program (nothing to call)", () => {
    const p = problem("codecontests/9_A");
    const reply = { ...replyFor(p.id), complexity: { time: "O(1)", input_builder: "lambda n: (n,)" } };
    const rec = PlanningRecord.parse(assemblePlanning(p, reply));
    expect(rec.entry_point).toBeUndefined();
    expect(rec.complexity).toEqual({ time: "O(1)" });
    expect(rec.tests?.kind).toBe("io");
  });

  it("puts the approaches with their steps and the pitfalls into the prompt, with the task and problem id lines", () => {
    const vars = planningVars(problem("Mbpp/61"));
    expect(vars.approaches).toContain("prefix keys in a dictionary (O(n))");
    expect(vars.approaches).toContain("count equal keys");
    expect(vars.pitfalls).toContain("forgetting the empty prefix (e.g. '1' has one substring)");
    expect(vars.interface).toContain("count_Substrings");
    expect(planningVars(problem("codecontests/9_A")).interface).toMatch(/stdin/);
    // io tests make a program even when the solution defines a function the problem names
    expect(planningVars({ ...problem("codecontests/1141_A"), entry_point: "fun" }).interface).toMatch(/stdin/);
  });

  it("asks the model once per problem, with the planning purpose and reply schema", async () => {
    const llm = recordedLlm();
    const out = await planningGeneration.generate(problem("Mbpp/96"), { llm, exec: undefined as never, modules: new Set(), maxTurns: 1 });
    expect(out.records).toHaveLength(1);
    expect(llm.requests[0]!.purpose).toBe("generate:planning");
    const user = llm.requests[0]!.messages.find((m) => m.role === "user")!.content;
    expect(user).toContain("Task: planning\nProblem id: Mbpp/96");
    expect(PlanningRecord.safeParse(out.records[0]).success).toBe(true);
  });
});
