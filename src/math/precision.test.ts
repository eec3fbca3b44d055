import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";

const labels = (problem: string, steps: string[]) => checkNaturalSteps({ id: "t", problem, steps }).map((s) => s.label);

// Rules flag only on positive evidence: each case below is a correct step that a surface reading once flagged.
describe("precision: formulas, cases and conversions are not errors", () => {
  it("a formula whose subject is a lone letter is not an identity claim", () => {
    expect(labels("A box is 2 by 3 by 4. Find its volume.", ["The volume is $V = lwh$.", "$V = 2 \\times 3 \\times 4 = 24$."])).toEqual(["unverifiable", "correct"]);
    expect(labels("A square has side 5 cm. Find its area.", ["$A = s^2$.", "$A = 5^2 = 25$."])).not.toContain("invalid-transformation");
    // a real factorisation claim is still checked
    expect(labels("Factor $x^2 + 5x + 6$.", ["$x^2 + 5x + 6 = (x + 1)(x + 6)$."])).toEqual(["invalid-transformation"]);
  });
  it("two expressions that disagree are a transformation error only when they rewrite an earlier equation", () => {
    // a first statement of a relation after its letters were worked out separately: not a rewriting
    expect(labels("A plot is 8 m by 5 m; the fence adds 1 m each side.", ["$l = 8$ and $w = 5$; the fence length is $F = 30$ m.", "In general $F = 2l + 2w$."])[1]).toBe("unverifiable");
    // rewriting an earlier equation into one with other solutions is still flagged
    expect(labels("Solve $3(y + 2) = 15$.", ["$3y + 2 = 15$."])).toEqual(["invalid-transformation"]);
  });
  it("a factor of a product set to zero is a case, not a transformation", () => {
    const p = "Solve $x^2 - x - 12 = 0$.";
    expect(labels(p, ["$(x - 4)(x + 3) = 0$.", "Either $x - 4 = 0$, giving $x = 4$, or $x + 3 = 0$, giving $x = -3$."])).toEqual(["correct", "correct"]);
    expect(labels(p, ["$(x - 4)(x + 3) = 0$.", "So $x - 4 = 0$, giving $x = 4$, or $x + 3 = 0$, giving $x = -5$."])).toContain("arithmetic-error");
  });
  it("a percentage or a unit conversion of a written number is not an assumed value", () => {
    expect(labels("Find the simple interest on $1,200 at 5% per year for 2 years.", ["Use $I = Prt$.", "Here $P = 1200$, $r = 0.05$, $t = 2$.", "$I = 1200 \\times 0.05 \\times 2 = 120$."])).not.toContain("undefined-variable");
    expect(labels("Find the simple interest on $1,200 at 5% per year for 18 months.", ["Use $I = Prt$.", "Here $P = 1200$, $r = 0.05$, $t = 1.5$.", "$I = 1200 \\times 0.05 \\times 1.5 = 90$."])).not.toContain("undefined-variable");
    expect(labels("Find the simple interest on $1,200 at 5% per year for 2 years.", ["Use $I = Prt$.", "Here $P = 1200$, $r = 0.07$, $t = 2$."])).toContain("undefined-variable");
  });
});
