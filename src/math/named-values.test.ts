import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";

const steps = (problem: string, texts: string[]) => checkNaturalSteps({ id: "t", problem, steps: texts });

describe("a subscripted name written for the first time and given a value in numbers is a definition", () => {
  it("leaves nothing undecided, so a slip after it is claimed as the first error", () => {
    const r = steps("Find two angles.", ["The first is \\( x_1 = 180 + 18 = 198 \\) and the second \\( x_{2} = 360 - 18 = 342 \\).", "So \\( 990 - 2 \\times 360 = 90 \\)."]);
    expect(r[0]!.label).toBe("correct");
    expect(r[0]!.undecided).toBeUndefined();
    expect(r[0]!.evidence).toMatch(/x_1 = 180 \+ 18": names a value/);
    expect(r[1]!.label).toBe("arithmetic-error");
  });
  it("the rest of the chain is still checked", () => {
    const r = steps("Find the angle.", ["\\( x_1 = 180 + 18 = 199 \\)"]);
    expect(r[0]!.label).toBe("arithmetic-error");
  });
  it("a name the problem or an earlier step wrote keeps its relation undecided", () => {
    const fromProblem = steps("Here \\(h_1 = 3\\) and \\(h_5 = 7\\).", ["So \\( h_1 = 2 + 1 = 3 \\)."]);
    expect(fromProblem[0]!.undecided).toBe(1);
    const fromStep = steps("Find the terms.", ["Let \\(a_{3}\\) be the third term.", "Then \\( a_3 = 2 + 5 = 7 \\)."]);
    expect(fromStep[1]!.undecided).toBe(1);
    const sameStep = steps("Find the terms.", ["With \\(a_3\\) the third term, \\( a_3 = 2 + 5 = 7 \\)."]);
    expect(sameStep[0]!.undecided).toBe(1);
  });
  it("a name set equal to an expression in letters stays undecided", () => {
    const r = steps("Find the slope.", ["\\( m_1 = a + 2 = 5 \\)"]);
    expect(r[0]!.undecided).toBeGreaterThanOrEqual(1);
  });
});
