import { describe, expect, it } from "vitest";
import { StructuredRecord } from "./schema.js";
import { checkStructuredSteps } from "./step-check.js";

const run = (given: string[], target: string, steps: Array<[string, string]>) =>
  checkStructuredSteps(StructuredRecord.parse({ id: "s", problem: "p", given, target, steps: steps.map(([action, expr]) => ({ action, expr })) })).map((s) => s.label);

describe("checkStructuredSteps", () => {
  it("x = 10 - 3 followed by x = 8 is an error", () => {
    expect(run(["x + 3 = 10"], "x", [["transpose", "x = 10 - 3"], ["compute", "x = 8"]])).toEqual(["correct", "arithmetic-error"]);
  });
  it("a correct linear solution", () => {
    expect(run(["2x + 3 = 11"], "x", [["transpose", "2x = 11 - 3"], ["compute", "2x = 8"], ["solve", "x = 4"], ["conclude", "x = 4"]])).toEqual(["correct", "correct", "correct", "correct"]);
  });
  it("substitution and computation against the givens", () => {
    expect(run(["a = 3", "b = 4"], "a^2 + b^2", [["substitute", "3^2 + 4^2"], ["compute", "9 + 16"], ["compute", "25"]])).toEqual(["correct", "correct", "correct"]);
    expect(run(["a = 3", "b = 4"], "a^2 + b^2", [["substitute", "3^2 + 5^2"]])).toEqual(["inconsistent-step"]);
    expect(run(["a = 3", "b = 4"], "a^2 + b^2", [["substitute", "3^2 + 4^2"], ["compute", "9 + 17"]])).toEqual(["correct", "arithmetic-error"]);
  });
  it("identities by expansion; the action must be performed", () => {
    expect(run([], "(x + 2)(x + 3)", [["expand", "x^2 + 5x + 6"], ["factor", "(x + 3)(x + 2)"]])).toEqual(["correct", "correct"]);
    expect(run([], "(x + 2)(x + 3)", [["expand", "x^2 + 6x + 5"]])).toEqual(["invalid-transformation"]);
    expect(run([], "(x + 2)(x + 3)", [["expand", "(x + 3)(x + 2)"]])).toEqual(["invalid-transformation"]);
    expect(run([], "(x + 2)(x + 3)", [["expand", "x^2 + 5x + 6"], ["factor", "x^2 + 5x + 6"]])).toEqual(["correct", "invalid-transformation"]);
  });
  it("identities with division use exact random rational points", () => {
    expect(run([], "(x^2 - 1)/(x - 1)", [["simplify", "x + 1"]])).toEqual(["correct"]);
    expect(run([], "(x^2 - 1)/(x - 1)", [["simplify", "x - 1"]])).toEqual(["invalid-transformation"]);
  });
  it("undefined variables and unparseable steps", () => {
    expect(run(["2x = 8"], "x", [["solve", "y = 4"]])).toEqual(["undefined-variable"]);
    expect(run(["2x = 8"], "x", [["solve", "x = = 4"]])).toEqual(["unparseable"]);
  });
});
