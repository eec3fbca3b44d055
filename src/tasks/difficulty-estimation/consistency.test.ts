import { describe, expect, it } from "vitest";
import { judgeAlgorithm, judgeConstraints, judgeLabel, judgeScore } from "./consistency.js";
import { boundValues, statementBounds } from "./statement-bounds.js";

const STATEMENT =
  "The first line contains two integers n and k (1 ≤ n ≤ 2 ⋅ 10^5, 1 ≤ k ≤ 30). The next line contains n integers a_1, …, a_n (0 ≤ a_i ≤ 2^k - 1). The string s (1 ≤ |s| ≤ 105).";

describe("statementBounds", () => {
  it("reads chains, products with powers of ten, spaced thousands and |s|", () => {
    const b = statementBounds(STATEMENT);
    expect(b.get("n")).toEqual([200000]);
    expect(b.get("k")).toEqual([30]);
    expect(b.get("|s|")).toEqual([105, 100000]);
    expect(b.has("ai")).toBe(false); // 2^k - 1 is not a number
    expect(statementBounds("two integers n and m (1 ≤ n, m ≤ 1000)").get("m")).toEqual([1000]);
    expect(statementBounds("(1 ≤ k ≤ n ≤ 200 000)").get("k")).toEqual([200000]);
    expect(statementBounds("$1 \\le n \\le 10^{12}$").get("n")).toEqual([1e12]);
  });
  it("keeps both readings of a superscript lost in scraping", () => {
    expect(boundValues("109")).toEqual([109, 1e9]);
    expect(boundValues("5⋅10^8")).toEqual([5e8]);
    expect(boundValues("100")).toEqual([100]);
  });
});

describe("judgeConstraints", () => {
  const b = statementBounds(STATEMENT);
  it("a claimed bound the statement gives is correct", () => {
    expect(judgeConstraints([{ name: "n", max: 200000 }, { name: "|s|", max: 100000 }], b).label).toBe("correct");
  });
  it("a claimed bound the statement contradicts is an inconsistent-step", () => {
    expect(judgeConstraints([{ name: "n", max: 2000 }], b)).toMatchObject({ label: "wrong", type: "inconsistent-step" });
  });
  it("a variable the statement does not bound stays unverifiable", () => {
    expect(judgeConstraints([{ name: "q", max: 10 }], b).label).toBe("unverifiable");
    expect(judgeConstraints([], b).label).toBe("unverifiable");
  });
});

describe("judgeAlgorithm", () => {
  const b = statementBounds(STATEMENT);
  it("an algorithm family that cannot have the claimed complexity is an inconsistent-step", () => {
    expect(judgeAlgorithm({ class: "binary-search", complexity: "O(n)" }, [], b)).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(judgeAlgorithm({ class: "formula", complexity: "O(n^2)" }, [], b).label).toBe("wrong");
  });
  it("an intended solution infeasible at the stated bound is an inconsistent-step", () => {
    const j = judgeAlgorithm({ class: "dp", complexity: "O(n^2)" }, [], b);
    expect(j).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(j.evidence).toContain("200000");
    expect(judgeAlgorithm({ class: "dp", complexity: "O(n^2)" }, [], statementBounds("(1 ≤ n ≤ 5000)")).label).toBe("correct");
  });
  it("uses the claimed bound when the statement has none, and leaves other forms unverifiable", () => {
    expect(judgeAlgorithm({ class: "dp", complexity: "O(m^3)" }, [{ name: "m", max: 10000 }], b).label).toBe("wrong");
    expect(judgeAlgorithm({ class: "dp", complexity: "O(n k)" }, [], b).label).toBe("unverifiable");
    expect(judgeAlgorithm(undefined, [], b).label).toBe("unverifiable");
  });
});

describe("judgeLabel", () => {
  const none = new Map<string, number[]>();
  it("hard needs a hard factor, medium a non-trivial one, easy no hard one (logical-leap otherwise)", () => {
    const trivial = [{ kind: "single-loop" as const, detail: "one loop" }];
    const hard = [{ kind: "advanced-dp" as const, detail: "interval DP" }];
    expect(judgeLabel("hard", trivial, [], none)).toMatchObject({ label: "wrong", type: "logical-leap" });
    expect(judgeLabel("medium", trivial, [], none)).toMatchObject({ label: "wrong", type: "logical-leap" });
    expect(judgeLabel("easy", hard, [], none)).toMatchObject({ label: "wrong", type: "logical-leap" });
    expect(judgeLabel("hard", hard, [], none).label).toBe("correct");
    expect(judgeLabel("easy", trivial, [], none).label).toBe("correct");
  });
  it("a size factor the statement's numbers contradict is an inconsistent-step", () => {
    const small = statementBounds("(1 ≤ n ≤ 100)");
    const large = [{ kind: "large-input" as const, detail: "big" }, { kind: "advanced-dp" as const, detail: "dp" }];
    expect(judgeLabel("hard", large, [{ name: "n", max: 100 }], small)).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    const big = statementBounds("(1 ≤ n ≤ 2 ⋅ 10^5)");
    expect(judgeLabel("easy", [{ kind: "small-input", detail: "tiny" }], [{ name: "n", max: 200000 }], big)).toMatchObject({ type: "inconsistent-step" });
  });
});

describe("judgeScore", () => {
  it("a score outside the label's band is an inconsistent-step; neighbouring bands overlap by a point", () => {
    expect(judgeScore("medium", 9)).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(judgeScore("easy", 5).label).toBe("wrong");
    expect(judgeScore("medium", 3).label).toBe("correct");
    expect(judgeScore("hard", 6).label).toBe("correct");
  });
});
