import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AnnotatedProblem } from "../../core/problem.js";
import type { SeededBug } from "../../generate/seed-bugs.js";
import { renderPrompt, loadPrompt } from "../../llm/prompts.js";
import { assembleQuality, candidates, chooseBug, QualityReply, qualityEvaluationGeneration, qualityVars } from "./generate.js";
import { QualityEvaluationRecord } from "./schema.js";

const root = new URL("../../../", import.meta.url);
const annotation = {
  classification: { category: "math", topics: ["divisors"] },
  difficulty: { level: "easy", reasons: ["one loop"] },
  approaches: [{ name: "trial division", steps: ["loop"] }],
  pitfalls: [{ pitfall: "counting the square root twice", example: "divisor(9)" }],
  verification: [{ method: "perfect squares", detail: "divisor(9) == 3" }],
};
const problems = readFileSync(new URL("fixtures/problems/problems.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => AnnotatedProblem.parse({ ...JSON.parse(l), annotations: annotation }));
const problem = (id: string) => problems.find((p) => p.id === id)!;
const recorded = readFileSync(new URL("fixtures/llm/generate-quality-evaluation.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { match: string[]; reply: string });

// A kept mutant of a problem's reference as seedBugs reports it (only the fields the generator reads are real).
function bug(p: AnnotatedProblem, from: string, to: string, line: number): SeededBug {
  const code = p.solution!.replace(from, to);
  const mutant = { operator: "off-by-one" as const, line, column: 1, description: `line ${line}: \`${from}\` -> \`${to}\``, original: from, replacement: to, code };
  const suite = { verdict: "fail" as const, tests: [], durationMs: 1 } as unknown as SeededBug["suite"];
  return { problemId: p.id, mutant, failingTest: "line 1: assert divisor(15) == 4", failingStatus: "fail", error: "got 3, expected 4", suite };
}

describe("quality-evaluation generation", () => {
  const p = problem("Mbpp/96");
  const kept = [bug(p, "n + 1", "n", 3), bug(p, "range(1,", "range(2,", 3), bug(p, "== 0", "== 1", 3)];

  it("picks the same seeded bug for a problem every time, and bugs spread over problems", () => {
    expect(chooseBug(p.id, kept)).toBe(chooseBug(p.id, [...kept]));
    const picks = new Set(problems.map((q) => kept.indexOf(chooseBug(q.id, kept)!)));
    expect(picks.size).toBeGreaterThan(1);
    expect(chooseBug(p.id, [])).toBeUndefined();
  });

  it("evaluates the reference and the bug, labelled in the record id only", () => {
    const cs = candidates(p, chooseBug(p.id, kept));
    expect(cs.map((c) => c.label)).toEqual(["reference", expect.stringMatching(/^bug-off-by-one-l3$/)]);
    expect(cs[0]!.code).toBe(p.solution);
    const [a, b] = cs.map((c) => renderPrompt(loadPrompt("quality-evaluation"), qualityVars(p, c.code)).at(-1)!.content);
    // the prompts differ only in the code: nothing tells the model which is the reference
    expect(a!.replace(cs[0]!.code.trim(), "CODE")).toBe(b!.replace(cs[1]!.code.trim(), "CODE"));
    expect(a).not.toMatch(/reference|mutant|seeded/i);
    expect(a).toContain("Task: quality-evaluation\nProblem id: Mbpp/96");
    expect(a).toContain("counting the square root twice (e.g. divisor(9))");
    expect(a).toContain("perfect squares: divisor(9) == 3");
  });

  it("assembles code, tests and reference from the problem and the reply into a schema-valid record", () => {
    const c = candidates(p, kept[0])[1]!;
    const rec = recorded.find((r) => r.match.includes("Problem id: Mbpp/61") && r.match.length === 3)!;
    const reply = QualityReply.parse(JSON.parse(rec.reply));
    const out = QualityEvaluationRecord.parse(assembleQuality(p, c, reply));
    expect(out.id).toBe("Mbpp/96:quality-evaluation:bug-off-by-one-l3");
    expect(out.code).toBe(c.code);
    expect(out.reference).toBe(p.solution);
    expect(out.tests).toEqual(p.tests);
    expect(out.entry_point).toBe("divisor");
  });

  it("skips a stdin/stdout program: bug claims are calls of a function", () => {
    expect(qualityEvaluationGeneration.skip!(problem("codecontests/15_C"))).toMatch(/no entry point/);
    expect(qualityEvaluationGeneration.skip!(p)).toBeUndefined();
  });
});
