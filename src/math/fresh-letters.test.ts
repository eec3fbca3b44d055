import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";
import { substitutedValues } from "./substitution.js";
import { parseExpr } from "./expr.js";

const labels = (problem: string, steps: string[]) => checkNaturalSteps({ id: "t", problem, steps }).map((s) => s.label);

describe("fresh letters: formulas and unknowns define, stand-ins and assumed values are flagged", () => {
  it("a formula relating fresh letters defines them", () => {
    expect(labels("A square plot has side 9 m. Find its perimeter.", ["The perimeter is $P = 4s$.", "With $s = 9$, $P = 4 \\cdot 9 = 36$ m."])).toEqual(["unverifiable", "correct"]);
    expect(labels("A sphere has radius 3. Find its surface area.", ["$S = 4\\pi r^2$", "$S = 4\\pi \\cdot 3^2 = 36\\pi$"])).not.toContain("undefined-variable");
    expect(labels("The line has slope 2 and passes through $(1, 5)$.", ["Write it as $y = 2x + c$.", "Then $5 = 2 \\cdot 1 + c$, so $c = 3$."])).toEqual(["unverifiable", "correct"]);
  });
  it("an equation in one fresh letter and numbers introduces the unknown", () => {
    expect(labels("Three parts in the ratio 1:2:5 make 40.", ["The parts are $t$, $2t$, $5t$.", "So $t + 2t + 5t = 40$, $8t = 40$, $t = 5$."])).toEqual(["unverifiable", "correct"]);
    expect(labels("Parts in the ratio 3:7 make 50.", ["Write them as $3u$ and $7u$ for some $u$; $3u + 7u = 50$, so $u = 5$."])).toEqual(["correct"]);
  });
  it("a fresh letter where the solution already has its own letter is not called an error in prose", () => {
    // Real solutions (ProcessBench) reuse and introduce letters in too many ways: in prose, a relation in letters that
    // contradicts earlier values, or a letter not seen introduced, is unverifiable, not an error (see real-text.test.ts).
    expect(labels("Twice a number plus 4 is 18.", ["Let $n$ be the number: $2n + 4 = 18$.", "So $2m = 14$."])).toEqual(["unverifiable", "unverifiable"]);
  });
  it("a fresh letter with an assumed value is unverifiable in prose, and the numbers are still checked", () => {
    expect(labels("Pens cost $2 each. What do 7 pens cost?", ["The cost is $7q = 7 \\times 2 = 14$ dollars."])).toEqual(["correct"]);
    expect(labels("A car drives 240 km at 80 km/h. How long does it take?", ["The time is $t = \\frac{240}{v}$ with $v = 60$, so $t = 4$ hours."])).toEqual(["unverifiable"]);
    expect(labels("A car drives 240 km at 80 km/h. How long does it take?", ["The time is $t = \\frac{240}{v}$ with $v = 80$, so $t = 3$ hours."])).not.toContain("undefined-variable");
  });
});

describe("cases, substitutions and isolations", () => {
  it("a later case taking the other root is not a contradiction", () => {
    const p = "Solve $x^2 - 9x + 20 = 0$ and give $3x$ for each root.";
    expect(labels(p, ["The roots are $x = 4$ and $x = 5$.", "If $x = 4$: $3x = 12$.", "If $x = 5$: $3x = 15$."])).toEqual(["correct", "correct", "correct"]);
    // x = 5 takes the other root of the problem's equation: decided (decided-relations.ts), not a contradiction
    expect(labels(p, ["Factor: $(x - 4)(x - 5) = 0$.", "Take $x = 4$: $3x = 12$.", "Now $x = 5$: $3x = 15$."])).toEqual(["correct", "correct", "correct"]);
    expect(labels(p, ["The solutions are $\\boxed{x = 4 \\text{ or } x = 5}$."])).toEqual(["correct"]);
    expect(labels(p, ["Take $x = 4$: $3x = 12$.", "Now $x = 6$."])).toEqual(["correct", "unverifiable"]);
  });
  it("putting a number in for a letter the step before settled otherwise is an inconsistent step; other letter contradictions are unverifiable in prose", () => {
    const p = "Solve $5a - 2 = 13$ and find $4a + 1$.";
    expect(labels(p, ["$5a = 15$, so $a = 3$.", "Then $4a + 1 = 4 \\cdot 5 + 1 = 21$."])).toEqual(["correct", "inconsistent-step"]);
    // the same in a trial is another case, not a contradiction
    expect(labels(p, ["$5a = 15$, so $a = 3$.", "Try instead $4a + 1 = 4 \\cdot 5 + 1 = 21$."])).toEqual(["correct", "correct"]);
    expect(labels("Two numbers add to 20 and differ by 6.", ["Let them be $p$ and $q$: $p + q = 20$, $p - q = 6$.", "Adding, $2p = 26$ and $p = 13$.", "So $q = 20 - 14 = 6$."])).toEqual(["unverifiable", "correct", "correct"]);
    // a miscalculated number stays an arithmetic error
    expect(labels(p, ["$5a = 15$, so $a = 3$.", "Then $4a + 1 = 4 \\cdot 3 + 1 = 14$."])).toEqual(["correct", "arithmetic-error"]);
  });
  it("an isolation against an earlier equation in letters is unverifiable in prose (it may be an equation stated, not derived)", () => {
    expect(labels("Two fifths of a number is 12.", ["Let $n$ be the number: $\\frac{2}{5}n = 12$.", "So $n = 12 \\cdot \\frac{2}{5}$."])).toEqual(["unverifiable", "unverifiable"]);
    expect(labels("Two fifths of a number is 12.", ["Let $n$ be the number: $\\frac{2}{5}n = 12$.", "So $n = 31$."])).toEqual(["unverifiable", "unverifiable"]);
    expect(labels("Simplify $\\frac{x^2 - 16}{x + 4}$ at $x = 6$.", ["Cancel: $\\frac{x^2 - 16}{x + 4} = x + 4$."])).toEqual(["unverifiable"]);
  });
  it("substitutedValues reads a side as the other with numbers put in", () => {
    const m = substitutedValues(parseExpr("2 w + 3"), parseExpr("2 * 9 + 3"));
    expect([...(m ?? [])].map(([k, v]) => `${k}=${v.toFraction()}`)).toEqual(["w=9"]);
    expect(substitutedValues(parseExpr("2 w + 3"), parseExpr("2 * 9 + 4"))).toBeUndefined();
    expect(substitutedValues(parseExpr("x"), parseExpr("8"))).toBeUndefined();
  });
});
