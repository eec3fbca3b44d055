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
});
