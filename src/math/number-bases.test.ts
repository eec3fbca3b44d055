import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";
import { baseClaims } from "./number-bases.js";

const labels = (text: string) => baseClaims(text).map((o) => o.label);

describe("numbers written in another base", () => {
  it("in words and with a subscript base, either way round", () => {
    expect(labels("So, in base 4, 57 can be written as 321.")).toEqual(["correct"]);
    expect(labels("So, in base 4, 57 can be written as 312.")).toEqual(["arithmetic-error"]);
    expect(labels("Hence 45 in base 2 is 101101.")).toEqual(["correct"]);
    expect(labels("Hence 45 in base 2 is 101011.")).toEqual(["arithmetic-error"]);
    expect(labels("We get $2012_3 = 59$.")).toEqual(["correct"]);
    expect(labels("We get $2012_{3} = 58$.")).toEqual(["arithmetic-error"]);
    expect(labels("Thus $59 = 2012_3$.")).toEqual(["correct"]);
  });
  it("a count of digits, a digit not allowed in the base, base 10 or an expression is not read", () => {
    expect(labels("In base 2, 45 is 6 digits long.")).toEqual([]);
    expect(labels("In base 3, 45 is a 4-digit number.")).toEqual([]);
    expect(labels("In base 3, 45 is 1200 or 1201.")).toEqual(["correct"]); // only the first number after "is"
    expect(labels("We get $2912_3 = 59$.")).toEqual([]);
    expect(labels("In base 10, 45 is 45.")).toEqual([]);
    expect(labels("Then $x_2 = 5$ and $a + 12_3 = 5$.")).toEqual([]);
  });
  it("in a solution, a wrong conversion is an arithmetic error at its step", () => {
    const steps = checkNaturalSteps({ id: "t", problem: "How many digits does 57 have in base 4?", steps: ["We divide by 4 repeatedly.", "So, in base 4, 57 can be written as 312."] });
    expect(steps.map((s) => s.label)).toEqual(["unverifiable", "arithmetic-error"]);
  });
});
