import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";

const labels = (problem: string, steps: string[]) => checkNaturalSteps({ id: "t", problem, steps }).map((s) => s.label);

describe("a quantity from an earlier step restated with another value", () => {
  it("flags an operand from nowhere that takes the place of an unused earlier result with the same unit", () => {
    expect(labels("Kim had $80 and spent $25, then $15.", ["She has $80 - $25 = $55 left.", "Then $57 - $15 = $42."])).toEqual(["correct", "inconsistent-step"]);
    expect(labels("A pool of 200 litres is half full; it drains 5 litres a minute.", ["It holds 200 / 2 = 100 litres.", "Draining 110 litres at 5 a minute takes 110 / 5 = 22 minutes."])).toEqual(["correct", "inconsistent-step"]);
  });
  it("does not flag a result that is used, a new constant far from it, a mental step the text names, or a unit mismatch", () => {
    expect(labels("Kim had $80 and spent $25, then $15.", ["She has $80 - $25 = $55 left.", "Then $55 - $15 = $40."])).toEqual(["correct", "correct"]);
    expect(labels("He works 8 hours a day for 5 days.", ["He works 8 × 5 = 40 hours.", "In minutes that is 40 × 60 = 2400 minutes."])).toEqual(["correct", "correct"]);
    expect(labels("Shirts cost $15 each; he buys 6 and pants for $40.", ["The shirts cost 6 × $15 = $90.", "With the $10 coupon, $80 + $40 = $120."])).toEqual(["correct", "correct"]);
    expect(labels("A car goes 150 miles in 3 hours.", ["Its speed is 150 / 3 = 50 miles per hour.", "It has 55 liters of fuel, 55 / 5 = 11 liters per stop."])).toEqual(["correct", "correct"]);
  });
});
