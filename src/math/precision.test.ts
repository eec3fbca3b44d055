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
    // in prose, an equation in letters that disagrees with an earlier one is unverifiable (it may be stated, not derived)
    expect(labels("Solve $3(y + 2) = 15$.", ["$3y + 2 = 15$."])).toEqual(["unverifiable"]);
  });
  it("a factor of a product set to zero is a case, not a transformation", () => {
    const p = "Solve $x^2 - x - 12 = 0$.";
    expect(labels(p, ["$(x - 4)(x + 3) = 0$.", "Either $x - 4 = 0$, giving $x = 4$, or $x + 3 = 0$, giving $x = -3$."])).toEqual(["correct", "correct"]);
    expect(labels(p, ["$(x - 4)(x + 3) = 0$.", "So $x - 4 = 0$, giving $x = 4$, or $x + 3 = 0$, giving $x = -5$."])).not.toContain("invalid-transformation");
  });
  it("a percentage or a unit conversion of a written number is not an assumed value", () => {
    expect(labels("Find the simple interest on $1,200 at 5% per year for 2 years.", ["Use $I = Prt$.", "Here $P = 1200$, $r = 0.05$, $t = 2$.", "$I = 1200 \\times 0.05 \\times 2 = 120$."])).not.toContain("undefined-variable");
    expect(labels("Find the simple interest on $1,200 at 5% per year for 18 months.", ["Use $I = Prt$.", "Here $P = 1200$, $r = 0.05$, $t = 1.5$.", "$I = 1200 \\times 0.05 \\times 1.5 = 90$."])).not.toContain("undefined-variable");
    // an assumed value is unverifiable in prose, not undefined-variable
    expect(labels("Find the simple interest on $1,200 at 5% per year for 2 years.", ["Use $I = Prt$.", "Here $P = 1200$, $r = 0.07$, $t = 2$."])).not.toContain("undefined-variable");
  });
});

describe("precision: fragments and unreadable names are not operands", () => {
  it("a side cut out of a parenthesis or a tuple is not compared", () => {
    expect(labels("A coin is tossed twice. Find the chance of two heads.", ["There are 4 outcomes, 1 with two heads.", "P(heads = 2) = 1/4 = 0.25."])).toEqual(["unverifiable", "correct"]);
    expect(labels("Solve $a + b = 7$, $a - b = 1$.", ["Adding, $2a = 8$, so $a = 4$.", "Then $b = 3$.", "So $(a, b) = (4, 3)$."])).not.toContain("inconsistent-step");
    // "(so 3 + 4 = 7)" still reads the claim inside
    expect(labels("A problem.", ["That gives 7 (so 3 + 5 = 7)."])).toEqual(["arithmetic-error"]);
  });
  it("a subscripted name or an unknown command is one unreadable token, not a product of letters", () => {
    expect(labels("A car goes 120 km at 40 km/h.", ["Time: $t_1 = 120 / 40 = 3$ h."])).toEqual(["correct"]);
    expect(labels("A car goes 120 km at 40 km/h.", ["Time: $t_{first} = 120 / 40 = 4$ h."])).toEqual(["arithmetic-error"]);
    expect(labels("The width is 3 and the length twice it.", ["$w = 3$.", "$\\ell = 2w = 6$."])).not.toContain("invalid-transformation");
  });
  it("the article a and the pronoun I are letters next to an operator or glued to a digit", () => {
    const p = "Pens cost $2 and books $7; 10 items cost $45. How many books?";
    expect(labels(p, ["Let a be the number of pens and b the number of books.", "Then a + b = 10 and 2a + 7b = 45.", "So 2(10 - b) + 7b = 45, 5b = 25, b = 5."])).toEqual(["unverifiable", "unverifiable", "correct"]);
  });
  it("a let clause naming a used letter again starts a new quantity", () => {
    expect(labels("Two parts.", ["Let $x$ be the first number: $x + 3 = 10$, so $x = 7$.", "Now let $x$ be the second number: $2x = 10$, so $x = 5$."])).toEqual(["correct", "correct"]);
  });
});
