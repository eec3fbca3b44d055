import { describe, expect, it } from "vitest";
import { evaluate, parseExpr } from "./expr.js";
import { formatNum } from "./num.js";
import { latexToPlain } from "./parse-latex.js";
import { extractClaims } from "./claims.js";

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

describe("aligned rows", () => {
  const chains = (tex: string) => extractClaims(tex).map((c) => c.sides.map((s) => s.text.replace(/\s+/g, "")).join("="));
  it("align and aligned: & marks the column, \\\\ ends a row, a row opening with = continues the chain", () => {
    expect(chains("\\begin{align*} 5y + 2 &= 17 \\\\ \\Rightarrow 5y &= 15 \\\\ \\Rightarrow y &= 3. \\end{align*}")).toEqual(["5y+2=17", "5y=15", "y=3"]);
    expect(chains("$$\\begin{aligned} & a + b = 4 \\\\ & a - b = 2 \\end{aligned}$$")).toEqual(["a+b=4", "a-b=2"]);
    expect(chains("\\begin{align} t &= 6 \\cdot 7 \\\\ &= 42 \\end{align}")).toEqual(["t=6*7=42"]);
  });
  it("a matrix or cases keeps & as a column separator (no chain across columns)", () => {
    expect(chains("$\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix} = M$").join(" ")).not.toMatch(/12|34/);
  });
});
