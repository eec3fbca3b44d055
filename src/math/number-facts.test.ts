import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";
import { divisibilityClaims, isPrimePowerProduct, remainderClaims } from "./number-facts.js";
import { parseExpr } from "./expr.js";

const labels = (steps: string[]) => checkNaturalSteps({ id: "t", problem: "p", steps }).map((s) => s.label);

describe("division with remainder", () => {
  it("checks a = b·q + r with 0 <= r < b, in LaTeX and in words", () => {
    expect(labels(["First, $$247 \\div 8 = 30 \\; \\mathrm{R} \\; 7.$$"])).toEqual(["correct"]);
    expect(labels(["First, $$247 \\div 8 = 31 \\; \\mathrm{R} \\; 7.$$"])).toEqual(["arithmetic-error"]);
    expect(labels(["Then 100 divided by 7 is 14 with a remainder of 3."])).toEqual(["arithmetic-error"]);
    expect(labels(["Then 100 divided by 7 is 14 with a remainder of 2."])).toEqual(["correct"]);
    // a remainder not below the divisor is wrong even when b·q + r = a
    expect(remainderClaims("So 50 / 6 = 7 remainder 8.").map((o) => o.label)).toEqual(["arithmetic-error"]);
    expect(remainderClaims("So 1,000 / 9 = 111 R 1.").map((o) => o.label)).toEqual(["correct"]);
  });
  it("reads no remainder claim where the division is part of a longer expression or a fraction", () => {
    expect(remainderClaims("So 2 + 50 / 6 = 7 remainder 8.")).toEqual([]);
    expect(remainderClaims("The answer 50 / 6 = 8 R 2/3 in lowest terms.")).toEqual([]);
    expect(remainderClaims("x_50 / 6 = 7 R 8")).toEqual([]);
  });
});

describe("prime factorisation", () => {
  it("recognises products of prime powers only", () => {
    expect(isPrimePowerProduct(parseExpr("2^3 * 3^2 * 11"))).toBe(true);
    expect(isPrimePowerProduct(parseExpr("2 * 14 * 13"))).toBe(false);
    expect(isPrimePowerProduct(parseExpr("2^3"))).toBe(false);
    expect(isPrimePowerProduct(parseExpr("2^(1/2) * 3"))).toBe(false);
  });
  it("flags a wrong factorisation of a number in a step that factorises", () => {
    expect(labels(["The prime factorization of 360 is \\( 360 = 2^3 \\cdot 3 \\cdot 5 \\)."])).toEqual(["arithmetic-error"]);
    expect(labels(["The prime factorization of 360 is \\( 360 = 2^3 \\cdot 3^2 \\cdot 5 \\)."])).toEqual(["correct"]);
  });
  it("leaves a lone number opening a chain unverifiable outside a factorisation", () => {
    // what is left of a function value or a term, not a factorisation
    expect(labels(["We get \\( f(360) = 2^3 \\cdot 3 \\cdot 5 \\)."])).not.toContain("arithmetic-error");
    expect(labels(["So \\( 360 = 2^3 \\cdot 3 \\cdot 5 \\) for the next term."])).toEqual(["unverifiable"]);
  });
});

describe("divisibility", () => {
  const div = (text: string) => divisibilityClaims(text).map((o) => o.label);
  it("a whole number claimed (not) divisible by another, or a multiple of it", () => {
    expect(div("Since 91 is a multiple of 7, we stop.")).toEqual(["correct"]);
    expect(div("Since 93 is a multiple of 7, we stop.")).toEqual(["arithmetic-error"]);
    expect(div("We know $5! = 120$ is divisible by $8$, but $3! = 6$ is not divisible by $4$.")).toEqual(["correct", "correct"]);
    expect(div("We know $5! = 120$ is divisible by $7$.")).toEqual(["arithmetic-error"]);
    expect(div("This fails, so 45 is not divisible by 15.")).toEqual(["arithmetic-error"]);
    expect(div("So 2,002 is divisible by 13.")).toEqual(["correct"]);
  });
  it("no claim read from an expression, a description, a range, a question or a product divisor", () => {
    expect(div("Then \\(k^2\\) is a multiple of 6.")).toEqual([]);
    expect(div("The chance that a number with a last digit of 5 is divisible by 3.")).toEqual([]);
    expect(div("The numbers between 1 and 100 are divisible by 7 in 14 cases.")).toEqual([]);
    expect(div("We check whether 35 is divisible by 3.")).toEqual([]);
    expect(div("Since 12 is divisible by 3 \\cdot 2, ...")).toEqual([]);
  });
  it("in a step that rejects what it wrote, a false divisibility is the point, not an error", () => {
    expect(labels(["Then 35 is divisible by 3, a contradiction."])).toEqual(["unverifiable"]);
    expect(labels(["Then 35 is divisible by 3, so we go on."])).toEqual(["arithmetic-error"]);
  });
});
