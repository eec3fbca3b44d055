import { describe, expect, it } from "vitest";
import { compareAnswers } from "./answer.js";
import { extractAnswer } from "./answer-extract.js";

const verdict = (c: string, r: string) => compareAnswers(c, r).verdict;

describe("extractAnswer", () => {
  it("boxed, ####, 'the answer is', last number", () => {
    expect(extractAnswer("so $\\boxed{\\frac{1}{2}}$.", false)).toBe("\\frac{1}{2}");
    expect(extractAnswer("#### 1,000", false)).toBe("1,000");
    expect(extractAnswer("The answer is 72.", false)).toBe("72");
    expect(extractAnswer("Together they have 12 + 5 = 17 apples", false)).toBe("17");
  });
});

describe("compareAnswers", () => {
  it("numbers, fractions, radicals, units, dollars, degrees", () => {
    expect(verdict("\\boxed{\\dfrac{1}{2}}", "0.5")).toBe("equivalent");
    expect(verdict("$\\$1,000$", "1000")).toBe("equivalent");
    expect(verdict("2\\sqrt{3}", "\\sqrt{12}")).toBe("equivalent");
    expect(verdict("90^\\circ", "90")).toBe("equivalent");
    expect(verdict("12 \\text{ cm}", "12")).toBe("equivalent");
    expect(verdict("5", "6")).toBe("different");
  });
  it("reads the candidate in the reference's light", () => {
    expect(verdict("x = 5", "5")).toBe("equivalent");
    expect(verdict("25\\%", "25")).toBe("equivalent");
    expect(verdict("10/3", "3.33")).toBe("equivalent"); // the reference is rounded
    expect(verdict("3.33", "10/3")).toBe("different"); // the candidate is not exact
  });
  it("equations, expressions, intervals and sets", () => {
    expect(verdict("y = 2x + 3", "2x - y + 3 = 0")).toBe("equivalent");
    expect(verdict("1 + 2x", "2x + 1")).toBe("equivalent");
    expect(verdict("\\left( 2, 3 \\right]", "(2, 3]")).toBe("equivalent");
    expect(verdict("[2, 3)", "(2, 3]")).toBe("different");
    expect(verdict("3, 1, 2", "\\{1, 2, 3\\}")).toBe("equivalent");
    expect(verdict("x = 2 \\text{ or } x = 3", "2, 3")).toBe("equivalent");
    expect(verdict("\\text{(C)}", "C")).toBe("equivalent");
  });
  it("no reference or no answer: unverifiable", () => {
    expect(compareAnswers("5", undefined).verdict).toBe("unverifiable");
    expect(compareAnswers(undefined, "5").verdict).toBe("unverifiable");
  });
});
