import { describe, expect, it } from "vitest";
import { evaluate, parseExpr } from "./expr.js";
import { formatNum } from "./num.js";
import { latexToPlain } from "./parse-latex.js";

const v = (tex: string) => {
  const r = evaluate(parseExpr(latexToPlain(tex)), new Map());
  return r ? formatNum(r) : undefined;
};

describe("latexToPlain", () => {
  it("fractions, roots, products and quotients", () => {
    expect(v("\\frac{3}{4} \\times 20")).toBe("15");
    expect(v("\\dfrac12 + \\tfrac{1}{2}")).toBe("1");
    expect(v("\\sqrt{144} + \\sqrt[3]{8}")).toBe("14");
    expect(v("12 \\div 4 \\cdot 2")).toBe("6");
    expect(v("2^{10}")).toBe("1024");
  });
  it("drops spacing, \\left/\\right, units in \\text and degrees", () => {
    expect(v("\\left( 3 + 4 \\right) \\cdot 2")).toBe("14");
    expect(v("12\\,\\text{cm}")).toBe("12");
    expect(v("90^\\circ")).toBe("90");
    expect(v("\\$18")).toBe("18");
  });
  it("keeps unknown commands so the parser rejects them", () => {
    expect(latexToPlain("\\binom{5}{2}")).toContain("\\binom");
    expect(() => parseExpr(latexToPlain("\\binom{5}{2}"))).toThrow();
  });
  it("reads a whole number right before a proper numeric fraction as a mixed number, a letter fraction as a product", () => {
    expect(v("8\\frac{1}{2}")).toBe("17/2 (8.5)");
    expect(v("2 \\times 1\\dfrac{3}{4}")).toBe("7/2 (3.5)");
    expect(v("2\\frac{5}{3}")).toBe(v("10/3")); // improper: a product
    expect(v("10 \\frac{1}{2}")).toBe("5"); // spaced: a product
    expect(v("3^2\\frac{1}{3}")).toBe("3"); // the digit is an exponent
    expect(latexToPlain("2\\frac{x}{3}")).toBe("2((x)/(3))");
  });
});
