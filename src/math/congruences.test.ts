import { describe, expect, it } from "vitest";
import { congruencesIn } from "./congruences.js";
import { checkNaturalSteps } from "./nl-check.js";

const steps = (problem: string, texts: string[]) => checkNaturalSteps({ id: "t", problem, steps: texts });

describe("congruences as written", () => {
  it("reads A \\equiv B \\pmod{M} in a formula, and leaves out what it cannot read", () => {
    const [c] = congruencesIn("We need \\( 3n \\equiv 2 \\pmod{11} \\).");
    expect(c?.modulus.valueOf()).toBe(11);
    expect([...c!.difference.entries()].map(([k, q]) => `${k}:${q.valueOf()}`).sort()).toEqual([":-2", "n:3"]);
    expect(congruencesIn("Since $x \\equiv 1 \\mod 5$")).toHaveLength(1);
    expect(congruencesIn("no formula: 3n \\equiv 2 \\pmod{11}")).toHaveLength(0);
    expect(congruencesIn("\\( \\equiv 2 \\pmod{11} \\)")).toHaveLength(0);
  });
});

describe("a congruence written as an equation with an integer parameter is decided", () => {
  it("the same congruence, scaled, with a fresh letter times the modulus", () => {
    const r = steps("Solve $3n \\equiv 2 \\pmod{11}$.", ["We have \\[ 3n \\equiv 2 \\pmod{11} \\] which can be rewritten as \\[ 3n = 2 + 11k. \\] So \\[ n = \\frac{2}{3} + \\frac{11}{3}k. \\]", "Then \\( 9 + 11 = 21 \\)."]);
    expect(r[0]!.undecided).toBeUndefined();
    expect(r[0]!.evidence).toMatch(/a congruence written before, as an equation with an integer parameter/);
    expect(r[1]!.label).toBe("arithmetic-error");
  });
  it("in a later step, from a congruence the step before wrote", () => {
    const r = steps("Find x.", ["We need \\( x \\equiv 1 \\pmod{5} \\).", "So \\( x = 5k + 1 \\) for some integer \\( k \\)."]);
    expect(r[1]!.undecided).toBeUndefined();
  });
  it("another modulus or another remainder stays undecided (never an error by this rule)", () => {
    const modulus = steps("Solve $3n \\equiv 2 \\pmod{11}$.", ["So \\( 3n = 2 + 12k \\)."]);
    expect(modulus[0]!.undecided).toBe(1);
    const remainder = steps("Solve $3n \\equiv 2 \\pmod{11}$.", ["So \\( 3n = 3 + 11k \\)."]);
    expect(remainder[0]!.undecided).toBe(1);
    expect(remainder[0]!.label).toBe("unverifiable");
  });
});
