import { describe, expect, it } from "vitest";
import type { TrajectoryResult } from "../core/trajectory-result.js";
import { branchCount, checksRun, codeSpan, difficultyOf, stepSpan } from "./difficulty.js";

// Two implementation records of exactly the same length: one straight-line, one with loops, branches and
// names used far from their definitions.
const flat = [
  "def total_price_of_items_in_the_shopping_basket(unit_price_value, quantity_value):",
  "    computed_product_of_price_and_quantity_value = unit_price_value * quantity_value",
  "    computed_total_after_tax_is_added_to_the_price = computed_product_of_price_and_quantity_value * 1.2",
  "    return computed_total_after_tax_is_added_to_the_price",
  "",
].join("\n");
const branchy = [
  "def longest_run(xs):",
  "    best = 0",
  "    cur = 0",
  "    prev = None",
  "    for x in xs:",
  "        if prev is not None and x == prev + 1:",
  "            cur += 1",
  "        elif x == prev:",
  "            continue",
  "        else:",
  "            cur = 1",
  "        while cur > 9 and best < cur:",
  "            best = cur if cur > best else best",
  "        prev = x",
  "    return best",
  "",
].join("\n");

const record = (code: string) => ({
  task: "implementation",
  id: "x",
  problem: "p",
  requirements: ["r"],
  design: { approach: "a", functions: [{ name: "f", role: "r", calls: [] }] },
  edge_cases: [{ call: "f(1)", expected: "1", reason: "r" }],
  code,
});

const result = (steps: number, observed: Record<string, unknown>): TrajectoryResult => ({
  id: "x",
  task: "implementation",
  verdict: "pass",
  stages: ["schema", "static", "execute"].map((stage) => ({ stage: stage as "schema", status: "pass" as const, durationMs: 1, findings: [] })),
  steps: Array.from({ length: steps }, (_, index) => ({ index, name: `s${index}`, label: "correct" as const, evidence: "" })),
  errors: [],
  firstWrongStep: -1,
  processScore: 1,
  observed,
  durationMs: 1,
  cached: false,
  image: "i",
  key: "k",
});

describe("difficultyOf", () => {
  it("puts two records of equal length in different buckets because of their structure", () => {
    const padded = flat.padEnd(branchy.length, "#");
    expect(padded.length).toBe(branchy.length);
    const a = difficultyOf(record(padded));
    const b = difficultyOf(record(branchy));
    expect(a.features.length).toBe(b.features.length);
    expect(a.bucket).toBe("easy");
    expect(b.bucket).toBe("hard");
    expect(b.features.branches).toBeGreaterThan(a.features.branches!);
  });

  it("counts verification complexity from the result", () => {
    const small = difficultyOf(record(flat), result(5, { visible: { verdict: "pass", passed: 1, total: 1 } }));
    const big = difficultyOf(record(flat), result(5, { visible: { verdict: "pass", passed: 9, total: 9 }, differential: { inputs: 40 } }));
    expect(big.features.checks).toBe(9 + 40 + 1);
    expect(big.score).toBeGreaterThan(small.score);
  });

  it("is deterministic and bounded for any input", () => {
    for (const r of [null, 3, "x", {}, { code: "def (" }, { turns: [{ patch: "nonsense" }] }]) {
      const d = difficultyOf(r);
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(1);
      expect(difficultyOf(r)).toEqual(d);
    }
  });
});

describe("features", () => {
  it("counts control-flow nodes", () => {
    expect(branchCount("x = 1\n")).toBe(0);
    expect(branchCount("for i in r:\n    if i:\n        pass\n    elif j:\n        pass\n")).toBe(3);
    expect(branchCount("y = [a for a in b if a] or c\n")).toBe(3);
  });

  it("measures the distance from a name's definition to its last use", () => {
    expect(codeSpan("a = 1\nb = a\n")).toBe(0.5); // a: 1 line, b: never used (0)
    expect(codeSpan("a = 1\n\n\n\nprint(a)\n")).toBe(4);
  });

  it("measures how far back steps refer", () => {
    expect(stepSpan([["count"], ["i"], ["i"], ["count"]])).toBe(3);
    expect(stepSpan([["i"], ["i"], ["i"]])).toBe(1);
    expect(stepSpan([["the"], ["x"], ["the"]])).toBe(0); // stop words do not count
  });

  it("reads checks from observed facts of every kind", () => {
    expect(checksRun({ before: { verdict: "fail", failing: ["a", "b"] }, after: { verdict: "pass", failing: [] } })).toBe(4);
    expect(checksRun({ timing: { points: [{ n: 1 }, { n: 2 }] }, tests: { verdict: "pass", total: 3 } })).toBe(6);
    expect(checksRun(undefined)).toBe(0);
  });
});
