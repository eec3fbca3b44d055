import { describe, expect, it } from "vitest";
import { parseExpr } from "./expr.js";
import { sameFunction } from "./identity.js";
import { approx, exact, pow, rational, toFloat } from "./num.js";

const same = (a: string, b: string) => sameFunction(parseExpr(a), parseExpr(b));

describe("the same function at random points", () => {
  it("decides true identities that are no polynomials, with negative values of the letters too", () => {
    expect(same("((b x) b + b^2) / ((b x)^2 + b^2)", "(b^2 x + b^2) / (b^2 x^2 + b^2)")).toBe(true);
    expect(same("(2^2)^(3^n)", "2^(2 * 3^n)")).toBe(true);
    expect(same("sqrt((a - 0)^2 + 11^2)", "sqrt(a^2 + 121)")).toBe(true);
  });
  it("a letter in an exponent: functions that differ are not called the same because large points blur them", () => {
    expect(same("(1/2)^(2 * 3^n)", "(1/2)^(2^(n + 1))")).toBe(false);
    expect(same("2^(3^n)", "2^(2^n)")).toBe(false);
  });
});

describe("an approximated negative base to a power", () => {
  it("takes the sign (-1)^p of p/q with q odd", () => {
    const half = approx(-0.5);
    expect(toFloat(pow(half, exact(rational(2)))!)).toBeCloseTo(0.25, 12);
    expect(toFloat(pow(half, exact(rational(3)))!)).toBeCloseTo(-0.125, 12);
    expect(toFloat(pow(approx(-8), exact(rational("1/3")))!)).toBeCloseTo(-2, 12);
    expect(toFloat(pow(approx(-8), exact(rational("2/3")))!)).toBeCloseTo(4, 12);
  });
});
