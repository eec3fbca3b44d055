import { describe, expect, it } from "vitest";
import { operations, parseComplexity } from "./complexity.js";

describe("parseComplexity", () => {
  it.each([
    ["O(1)", "O(1)", "n"],
    ["O(log n)", "O(log n)", "n"],
    ["O(log(n))", "O(log n)", "n"],
    ["O(√n)", "O(sqrt n)", "n"],
    ["O(sqrt(n))", "O(sqrt n)", "n"],
    ["O(n)", "O(n)", "n"],
    ["O(|s|)", "O(n)", "|s|"],
    ["O(n log n)", "O(n log n)", "n"],
    ["O(m \\log m)", "O(n log n)", "m"],
    ["Θ(N^2)", "O(n^2)", "n"],
    ["O(n²)", "O(n^2)", "n"],
    ["O(n**3)", "O(n^3)", "n"],
    ["O(2^n)", "O(2^n)", "n"],
    ["O(n·2^n)", "O(2^n)", "n"],
  ])("%s is %s in %s", (text, cls, variable) => {
    expect(parseComplexity(text)).toEqual({ cls, variable });
  });

  it("refuses several variables and unknown forms", () => {
    expect(parseComplexity("O(n * m)")).toBeUndefined();
    expect(parseComplexity("O(V + E)")).toBeUndefined();
    expect(parseComplexity("O(n k)")).toBeUndefined();
    expect(parseComplexity("fast")).toBeUndefined();
  });
});

describe("operations", () => {
  it("counts elementary operations at a size", () => {
    expect(operations("O(n^2)", 200_000)).toBe(4e10);
    expect(operations("O(n log n)", 1024)).toBe(10_240);
    expect(operations("O(2^n)", 20)).toBe(2 ** 20);
  });
});
