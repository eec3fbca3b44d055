import { describe, expect, it } from "vitest";
import { imageModules } from "../../analysis/index.js";
import { codeProblems, judgeAlternative, judgePlanStep } from "./plan-checks.js";

const CODE = `import heapq


class Pool:
    def take(self, xs):
        heapq.heapify(xs)
        return heapq.heappop(xs)


def smallest(xs):
    seen = set(xs)
    return Pool().take(sorted(seen))
`;

describe("judgePlanStep", () => {
  it("maps a step to identifiers, dotted names and qualnames in the code", () => {
    expect(judgePlanStep({ step: "heapify then pop", code_refs: ["heapq.heapify", "heappop", "Pool.take"] }, CODE).label).toBe("correct");
  });
  it("a step naming code that is not there is an inconsistent-step naming what is missing", () => {
    const j = judgePlanStep({ step: "binary search the sorted values", code_refs: ["bisect_left", "sorted"] }, CODE);
    expect(j).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(j.evidence).toContain("bisect_left");
    expect(j.evidence).not.toContain("sorted,");
  });
  it("no code or no refs: unverifiable", () => {
    expect(judgePlanStep({ step: "x", code_refs: ["a"] }, undefined).label).toBe("unverifiable");
    expect(judgePlanStep({ step: "x", code_refs: [] }, CODE).label).toBe("unverifiable");
  });
});

describe("judgeAlternative", () => {
  const alt = { approach: "brute force", rejected_for: "time" as const, reason: "slow" };
  it("rejected as slower: correct when its claimed class grows faster than the chosen one", () => {
    expect(judgeAlternative({ ...alt, complexity: "O(n^2)" }, "O(n log n)").label).toBe("correct");
  });
  it("rejected as slower with the same or a better class: logical-leap", () => {
    expect(judgeAlternative({ ...alt, complexity: "O(n^2)" }, "O(n^2)")).toMatchObject({ label: "wrong", type: "logical-leap" });
    expect(judgeAlternative({ ...alt, complexity: "O(n)" }, "O(n log n)")).toMatchObject({ label: "wrong", type: "logical-leap" });
  });
  it("other reasons or missing classes: unverifiable", () => {
    expect(judgeAlternative({ ...alt, rejected_for: "correctness" }, "O(n)").label).toBe("unverifiable");
    expect(judgeAlternative(alt, "O(n)").label).toBe("unverifiable");
  });
});

describe("codeProblems", () => {
  it("finds syntax errors, invented imports and names, a missing entry point", () => {
    const modules = imageModules();
    expect(codeProblems("def f(:\n  pass\n", "f", modules)[0]?.type).toBe("syntax-error");
    expect(codeProblems("import fastsort\ndef f(x):\n    return fastsort.go(x)\n", "f", modules)[0]?.type).toBe("hallucinated-step");
    expect(codeProblems("def f(x):\n    return helper(x)\n", "f", modules)[0]).toMatchObject({ type: "hallucinated-step" });
    expect(codeProblems("def g(x):\n    return x\n", "f", modules)[0]?.type).toBe("inconsistent-step");
    expect(codeProblems(CODE, "smallest", modules)).toEqual([]);
  });
});
