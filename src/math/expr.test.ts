import { create, fractionDependencies, parseDependencies, equal } from "mathjs";
import { describe, expect, it } from "vitest";
import { evaluate, parseExpr, ParseError, show, symbols } from "./expr.js";
import { exact, formatNum, rational, toFloat } from "./num.js";

const val = (s: string) => {
  const v = evaluate(parseExpr(s), new Map());
  return v ? formatNum(v) : undefined;
};

// Pins of the mathjs behaviour Vouch relies on: if an upgrade changes any of these, verdicts would change.
describe("mathjs parser (pinned behaviour)", () => {
  const math = create({ parseDependencies: parseDependencies!, fractionDependencies: fractionDependencies! }, { number: "Fraction" });
  it("parses literals as exact fractions, long integers included", () => {
    expect(String(math.parse("0.1").toString())).toBe("1/10");
    expect(val("12345678901234567890123 + 1")).toBe("12345678901234567890124");
    expect(val("0.1 + 0.2")).toBe("3/10 (0.3)");
  });
  it("implicit multiplication: 2x, 2(x+1); 8/2x is (8/2)x", () => {
    expect(show(parseExpr("2x"))).toBe("2 * x");
    expect(show(parseExpr("3(x + 1)"))).toBe("3 * (x + 1)");
    expect(math.parse("8/2x").toString({ parenthesis: "all" })).toBe("(8/1 / 2/1) x");
  });
  it("powers are right-associative and bind tighter than unary minus", () => {
    expect(val("2^3^2")).toBe("512");
    expect(val("-2^2")).toBe("-4");
  });
  it("a percentage literal is divided by 100", () => {
    expect(math.parse("50%").toString()).toBe("50/1 / 100");
  });
  it("math.equal has a tolerance, which is why verdicts never use it", () => {
    expect(equal(0.1 + 0.2, 0.3)).toBe(true);
    expect(val("1/3") === val("0.333333333333333")).toBe(false);
  });
});

describe("parseExpr", () => {
  it("evaluates exactly, with radicals exact when rational", () => {
    expect(val("sqrt(16) + 2^3")).toBe("12");
    expect(val("nthRoot(27, 3)")).toBe("3");
    expect(val("10 / 4")).toBe("5/2 (2.5)");
    expect(val("sqrt(2)")).toBe("1.4142135624");
    expect(val("1/0")).toBeUndefined();
  });
  it("handles thousands separators, percentages and unicode operators", () => {
    expect(val("1,500 - 600")).toBe("900");
    expect(val("40% * 1500")).toBe("600");
    expect(val("6 × 7 ÷ 3")).toBe("14");
  });
  it("splits letter runs into products, keeps function names", () => {
    expect([...symbols(parseExpr("xy + sqrt(z)"))].sort()).toEqual(["x", "y", "z"]);
  });
  it("rejects what it cannot read, never guesses", () => {
    expect(() => parseExpr("x < 3")).toThrow(ParseError);
    expect(() => parseExpr("2 +")).toThrow(ParseError);
    expect(() => parseExpr("5!")).toThrow(ParseError);
  });
});

describe("roots of very large values", () => {
  // (factorising the base would not end within the test's time-out)
  it("are approximated instead of factorised", () => {
    const v = evaluate(parseExpr("sqrt(3^(-97) + 7^(-97))"), new Map());
    expect(v && !v.exact).toBe(true);
    expect(evaluate(parseExpr("sqrt(144/25)"), new Map())).toEqual(evaluate(parseExpr("12/5"), new Map()));
  });
});

describe("a letter before a bracket", () => {
  it("multiplies the bracket when the expression also uses that letter as a value", () => {
    const e = parseExpr("x^2 - x(8x - x^2) + 8");
    expect(toFloat(evaluate(e, new Map([["x", exact(rational(2))]]))!)).toBe(4 - 2 * (16 - 4) + 8);
    expect(symbols(e)).toEqual(new Set(["x"]));
  });
  it("stays a function when the letter is used only that way", () => {
    const e = parseExpr("f(10) + 3");
    expect(e.k === "op" && e.a.k).toBe("fn");
    expect(parseExpr("x(x+1)").k).toBe("op");
  });
});

describe("a letter before a bracket raised to a power", () => {
  it("multiplies the power of the bracket, not the power of the product", () => {
    const e = parseExpr("a(a x + b)^2 + b");
    const env = new Map([["a", exact(rational(2))], ["b", exact(rational(3))], ["x", exact(rational(1))]]);
    expect(toFloat(evaluate(e, env)!)).toBe(2 * 25 + 3);
  });
});

describe("a constant before a bracket", () => {
  it("multiplies it: pi (r)^2 is pi * r^2", () => {
    const e = parseExpr("pi (1/2)^2");
    expect(toFloat(evaluate(e, new Map())!)).toBeCloseTo(Math.PI / 4, 12);
  });
});
