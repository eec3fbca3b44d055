import { describe, expect, it } from "vitest";
import { digitSumClaims } from "./digit-sums.js";
import { checkNaturalSteps } from "./nl-check.js";
import { exact, rational } from "./num.js";

const none = new Map();
const labels = (text: string, known: ReadonlyMap<string, ReturnType<typeof exact>> = none, about = false) => digitSumClaims(text, known, about).map((o) => o.label);

describe("digit sums", () => {
  it("the sum of the digits of a number written out: the claimed sum, and the digits listed as addends", () => {
    expect(labels("The sum of the digits of 3571 is 16.")).toEqual(["correct"]);
    expect(labels("The sum of the digits of 3571 is 15.")).toEqual(["arithmetic-error"]);
    expect(labels("So the digit sum of 2,406 is \\(2 + 4 + 0 + 6 = 12\\).")).toEqual(["correct"]);
    expect(labels("Adding the digits of 2406: $2 + 4 + 6 + 6 = 18$.")).toEqual(["arithmetic-error"]); // a digit read wrong
    expect(labels("The digits of 95 add up to 14.")).toEqual(["correct"]);
  });
  it("a letter whose value is known is read as its number", () => {
    const known = new Map([["M", exact(rational(70301))]]);
    expect(labels("Now add the individual digits of \\( M \\): 7 + 0 + 3 + 0 + 1 = 11.", known)).toEqual(["correct"]);
    expect(labels("Now add the individual digits of \\( M \\): 7 + 3 + 3 + 0 + 1 = 14.", known)).toEqual(["arithmetic-error"]);
    expect(labels("The sum of the digits of \\( K \\) is 9.", known)).toEqual([]); // K unknown
  });
  it("candidates listed with their digit sums, in a step or problem about digits", () => {
    expect(labels("Digit sums: 3104 (sum = 8), 3113 (sum = 8), 3123 (sum = 9).")).toEqual(["correct", "correct", "correct"]);
    expect(labels("Candidates: 3104 (sum = 8), 3122 (sum = 7).", none, true)).toEqual(["correct", "arithmetic-error"]);
    expect(labels("Pairs: 3104 (sum = 8), 3122 (sum = 7).")).toEqual([]); // nothing about digits: another kind of sum
  });
  it("a power, another base, an elided list or an expression is not read", () => {
    expect(labels("The sum of the digits of \\( 2^{100} \\) is 115.")).toEqual([]);
    expect(labels("The sum of the digits of 212 in base 3 is 5.")).toEqual([]);
    expect(labels("The sum of the digits of 123456789 is \\( 1 + 2 + \\ldots + 9 = 45 \\).")).toEqual([]);
    expect(labels("The sum of the digits of 12 is 3 * 1 = 3.")).toEqual([]);
  });
  it("in a solution, a wrong digit sum is an arithmetic error at its step", () => {
    const steps = checkNaturalSteps({ id: "t", problem: "Find the digit sum of 47 * 3.", steps: ["We have $47 \\times 3 = 141$.", "The sum of the digits of 141 is 7."] });
    expect(steps.map((s) => s.label)).toEqual(["correct", "arithmetic-error"]);
  });
});
