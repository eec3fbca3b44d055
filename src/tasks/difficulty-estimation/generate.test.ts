import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AnnotatedProblem } from "../../core/problem.js";
import { assembleDifficulty, constraintSentences, DifficultyReply, difficultyVars } from "./generate.js";
import { DifficultyEstimationRecord } from "./schema.js";

const root = new URL("../../../", import.meta.url);
const annotation = {
  classification: { category: "number theory", topics: ["divisors", "gcd"] },
  difficulty: { level: "medium", reasons: ["needs the prime-power insight", "n up to 10^12"] },
  approaches: [{ name: "divisors up to sqrt(n)", steps: ["enumerate"] }],
  pitfalls: [{ pitfall: "n = 1" }],
  verification: [{ method: "brute force", detail: "small n" }],
};
const problems = readFileSync(new URL("fixtures/problems/problems.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => AnnotatedProblem.parse({ ...JSON.parse(l), annotations: annotation }));
const problem = (id: string) => problems.find((p) => p.id === id)!;
const recorded = readFileSync(new URL("fixtures/llm/generate-difficulty-estimation.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { match: string[]; reply: string });
const replyFor = (id: string) => DifficultyReply.parse(JSON.parse(recorded.find((r) => r.match.includes(`Problem id: ${id}`))!.reply));

describe("difficulty-estimation generation", () => {
  it("assembles the statement and the reply into a schema-valid record", () => {
    const p = problem("codecontests/477_C");
    const rec = DifficultyEstimationRecord.parse(assembleDifficulty(p, replyFor(p.id)));
    expect(rec.id).toBe("codecontests/477_C:difficulty-estimation");
    expect(rec.problem).toBe(p.prompt.trim());
    expect(rec.label).toBe("hard");
    expect(rec.constraints).toEqual([{ name: "|s|", max: 2000 }, { name: "|p|", max: 500 }]);
  });

  it("quotes the statement's bounding sentences as its constraints, or says there are none", () => {
    expect(constraintSentences(problem("codecontests/477_C").prompt)).toBe(
      "- The first line of the input contains the string s (1 ≤ |s| ≤ 2 000).\n- The second line of the input contains the string p (1 ≤ |p| ≤ 500).",
    );
    expect(constraintSentences(problem("Mbpp/61").prompt)).toMatch(/^none stated/);
  });

  it("puts the classification and the difficulty analysis into the prompt", () => {
    const vars = difficultyVars(problem("codecontests/1242_A"));
    expect(vars.classification).toBe("number theory (divisors, gcd)");
    expect(vars.difficulty).toBe("level: medium\n- needs the prime-power insight\n- n up to 10^12");
    expect(vars.constraints).toContain("1 ≤ n ≤ 10^{12}");
  });
});
