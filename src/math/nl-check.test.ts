import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";

const labels = (problem: string, steps: string[]) => checkNaturalSteps({ id: "t", problem, steps }).map((s) => s.label);

describe("checkNaturalSteps", () => {
  it("passes correct arithmetic and marks claim-free steps unverifiable", () => {
    expect(labels("p", ["In May she sold 48/2 = <<48/2=24>>24 clips.", "She is happy.", "#### 24"])).toEqual(["correct", "unverifiable", "unverifiable"]);
  });
  it("flags a miscalculation, exactly (no float tolerance)", () => {
    expect(labels("p", ["4 * 12 = 49 eggs."])).toEqual(["arithmetic-error"]);
    expect(labels("p", ["0.1 + 0.2 = 0.30000000000000004"])).toEqual(["arithmetic-error"]);
  });
  it("accepts rounding but not a wrong rounded value", () => {
    expect(labels("p", ["10 / 3 ≈ 3.33", "10 / 3 = 3.33", "that is about 3.3, 10/3 ≈ 3.3"])).toEqual(["correct", "correct", "correct"]);
    expect(labels("p", ["10 / 3 ≈ 3.5"])).toEqual(["arithmetic-error"]);
    expect(labels("p", ["10 / 3 = 3 whole cakes"])).toEqual(["unverifiable"]);
  });
  it("reads running totals and percentages as written", () => {
    expect(labels("p", ["3 * 4 = 12 + 5 = 17 dollars"])).toEqual(["correct"]);
    expect(labels("p", ["20 / 80 * 100 = 25%"])).toEqual(["correct"]);
  });
  it("compares equations by solution set", () => {
    expect(labels("Solve $2x + 3 = 11$.", ["$2x = 11 - 3 = 8$", "$x = 4$"])).toEqual(["correct", "correct"]);
    expect(labels("Solve $2x + 3 = 11$.", ["$2x = 11 + 3$"])).toEqual(["invalid-transformation"]);
    expect(labels("Solve $2x + 3 = 11$.", ["$2x = 8$", "$x = 5$"])).toEqual(["correct", "arithmetic-error"]);
  });
  it("flags undefined variables and contradictions of earlier steps", () => {
    expect(labels("Solve $2x + 3 = 11$.", ["Then $3y = 12$."])).toEqual(["undefined-variable"]);
    expect(labels("Let t be the tickets.", ["8t = 96, so t = 12.", "With t = 14 tickets..."])).toEqual(["unverifiable", "inconsistent-step"].map((l, i) => (i === 0 ? "correct" : l)));
  });
  it("checks factorisations as identities and root choices against the roots", () => {
    const p = "Find the roots of $x^2 - 7x + 12 = 0$.";
    expect(labels(p, ["Factor: $x^2 - 7x + 12 = (x - 3)(x - 4)$.", "So $x - 3 = 0$ or $x - 4 = 0$.", "Hence $x = 3$ or $x = 4$."])).toEqual(["correct", "correct", "correct"]);
    expect(labels(p, ["Factor: $x^2 - 7x + 12 = (x - 3)(x + 4)$."])).toEqual(["invalid-transformation"]);
    expect(labels(p, ["Hence $x = 3$ or $x = 4$.", "Check $x = 5$."])).toEqual(["correct", "inconsistent-step"]);
  });
  it("does not flag prose numbers, units or 'x' used as times", () => {
    const clean = [
      "From 9 am to 5 pm is 8 hours.",
      "It took 1.5 hours = 90 minutes.",
      "1 dozen = 12 eggs, so 3 dozen = 36 eggs.",
      "The area is 5 m * 4 m = 20 m^2.",
      "He spends 3 hours a day x 5 days = 15 hours.",
      "In 2 weeks (14 days) he saves 14 * 3 = 42 dollars.",
      "There are 60 seconds in a minute, so 5 minutes = 5*60 = 300 seconds.",
      "Each of the 7 kids gets 50 / 7 ≈ 7.14 candies, so about 7 each.",
      "1/3 = 0.333 and 2/3 = 0.67 roughly.",
    ];
    expect(labels("p", clean).filter((l) => l !== "correct" && l !== "unverifiable")).toEqual([]);
  });
});
