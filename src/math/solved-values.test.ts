import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";
import { solvedValueClaims } from "./solved-values.js";

const labels = (text: string) => solvedValueClaims(text).map((o) => o.label);

describe("a value solved for across an implication must satisfy the equation", () => {
  it("the value put in: both sides equal, or not", () => {
    expect(labels("So \\(\\frac{3}{5} = \\frac{y}{12 - y} \\Rightarrow y = \\frac{9}{2}\\).")).toEqual(["correct"]);
    expect(labels("So \\(\\frac{3}{5} = \\frac{y}{12 - y} \\Rightarrow y = \\frac{36}{5}\\).")).toEqual(["arithmetic-error"]);
    expect(labels("$$2t + 7 = 19 \\implies t = 6 \\implies t^2 = 36$$")).toEqual(["correct"]);
    expect(labels("$$2t + 7 = 19 \\implies t = 5$$")).toEqual(["arithmetic-error"]);
    expect(labels("$(m - 2)(m - 7) = 0 \\Rightarrow m = 7$")).toEqual(["correct"]);
  });
  it("a decimal, a ±, alternatives, another letter, or no value at the point is not read", () => {
    expect(labels("$u^2 = 2 \\Rightarrow u = 1.41$")).toEqual([]);
    expect(labels("$u^2 = 9 \\Rightarrow u = \\pm 3$")).toEqual([]);
    expect(labels("$u^2 = 9 \\Rightarrow u = 3 \\text{ or } u = -3$")).toEqual([]);
    expect(labels("$u + w = 9 \\Rightarrow u = 4$")).toEqual([]);
    expect(labels("$\\frac{1}{u - 2} = 1 \\Rightarrow u = 2$")).toEqual([]);
    expect(labels("$u < 9 \\Rightarrow u = 8$")).toEqual([]);
  });
  it("in a solution: an error at its step, unless the step itself rejects it", () => {
    const steps = (text: string) => checkNaturalSteps({ id: "t", problem: "p", steps: [text] }).map((s) => s.label);
    expect(steps("Cross-multiplying, $$2t + 7 = 19 \\implies t = 5.$$")).toEqual(["arithmetic-error"]);
    expect(steps("Then $$2t + 7 = 19 \\implies t = 5,$$ which is impossible.")).toEqual(["unverifiable"]);
  });
});

describe("a value solved for, in words: \"solving E gives x = v\"", () => {
  it("must satisfy the equation", () => {
    expect(labels("Solving \\( 10 + 4d = 100 \\) gives us \\( d = 20 \\).")).toEqual(["arithmetic-error"]);
    expect(labels("Solving \\( 10 + 4d = 100 \\) gives us \\( d = \\frac{45}{2} \\).")).toEqual(["correct"]);
    expect(labels("To solve \\(3k - 4 = 11\\), we get \\(k = 5\\).")).toEqual(["correct"]);
  });
  it("needs both the solving and the giving words, in one sentence", () => {
    expect(labels("We know \\( 10 + 4d = 100 \\) gives us \\( d = 20 \\).")).toEqual([]);
    expect(labels("Solving \\( 10 + 4d = 100 \\). Next take \\( d = 20 \\).")).toEqual([]);
    expect(labels("Solving is easy. \\( 10 + 4d = 100 \\) gives \\( d = 20 \\).")).toEqual([]);
  });
  it("in a trial step it is still a calculation: the flag stands", () => {
    const steps = checkNaturalSteps({ id: "t", problem: "p", steps: ["Let's try \\( a_2 = 5 \\). Solving \\( 10 + 4d = 100 \\) gives us \\( d = 20 \\)."] });
    expect(steps[0]!.label).toBe("arithmetic-error");
  });
});
