import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";

const step = (text: string) => checkNaturalSteps({ id: "t", problem: "Solve for $x$.", steps: [text] })[0]!;

describe("a product of brackets = 0 right after an equation P = 0 in the same letter factors it", () => {
  it("one that is not P up to a factor is a factorisation gone wrong", () => {
    const s = step("So \\[ x^2 - 2x - 7 = 0. \\] \\[ (x - 7)(x + 5) = 0. \\]");
    expect(s.label).toBe("invalid-transformation");
    expect(s.evidence).toMatch(/factorisation gone wrong/);
  });
  it("the right factorisation, scaled or not, is not flagged", () => {
    expect(step("So \\[ x^2 - 2x - 35 = 0. \\] \\[ (x - 7)(x + 5) = 0. \\]").label).not.toBe("invalid-transformation");
    expect(step("So \\[ 2x^2 - 4x - 70 = 0. \\] \\[ (x - 7)(x + 5) = 0. \\]").label).not.toBe("invalid-transformation");
  });
  it("another letter, another degree, or no equation just before is not read", () => {
    expect(step("So \\[ y^2 - 2y - 7 = 0. \\] \\[ (x - 7)(x + 5) = 0. \\]").label).not.toBe("invalid-transformation");
    expect(step("So \\[ x^3 - 2x - 7 = 0. \\] \\[ (x - 7)(x + 5) = 0. \\]").label).not.toBe("invalid-transformation");
    expect(step("Consider \\[ (x - 7)(x + 5) = 0. \\]").label).not.toBe("invalid-transformation");
  });
});
