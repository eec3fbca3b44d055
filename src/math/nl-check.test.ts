import { describe, expect, it } from "vitest";
import { checkNaturalSteps } from "./nl-check.js";

const labels = (problem: string, steps: string[]) => checkNaturalSteps({ id: "t", problem, steps }).map((s) => s.label);

describe("checkNaturalSteps", () => {
  it("passes correct arithmetic and marks claim-free steps unverifiable", () => {
    expect(labels("p", ["In May she sold 48/2 = <<48/2=24>>24 clips.", "She is happy.", "#### 24"])).toEqual(["correct", "unverifiable", "unverifiable"]);
  });
  it("flags a miscalculation, exactly (no float tolerance)", () => {
    expect(labels("p", ["4 * 12 = 49 eggs."])).toEqual(["arithmetic-error"]);
    expect(labels("p", ["0.1 + 0.2 = 0.31"])).toEqual(["arithmetic-error"]);
    // with decimals written, a difference under 0.1% is a rounding carried through, not called an error
    expect(labels("p", ["0.1 + 0.2 = 0.30000000000000004"])).toEqual(["unverifiable"]);
  });
  it("flags a wrong result whose numbers carry labels in parentheses", () => {
    expect(labels("p", ["First: 640 (all tickets) - 215 (sold tickets) = 452."])).toEqual(["arithmetic-error"]);
    expect(labels("p", ["\\[ 30 (\\text{monday}) + 45 (\\text{tuesday}) + 20 (\\text{wednesday}) = 85 \\]"])).toEqual(["arithmetic-error"]);
    expect(labels("p", ["First: 640 (all tickets) - 215 (sold tickets) = 425."])).toEqual(["correct"]);
  });
  it("does not flag a target put to the test when the step works the left side out itself", () => {
    expect(labels("p", ["Plugging in, we get 2 + (10 - 1) * 12 = 120, which simplifies to 2 + 108 = 110. So 110 is less than 120."])).toEqual(["correct"]);
    // a wrong result is still wrong when the step never gives the left side its true value
    expect(labels("p", ["We get 2 + (10 - 1) * 12 = 120, and then 120 + 5 = 125."])).toEqual(["arithmetic-error"]);
    // nor is a slip excused by a later pair with another value
    expect(labels("p", ["So 7 * 8 = 54, and 54 - 4 = 50."])).toEqual(["arithmetic-error"]);
  });
  it("flags an expansion whose sides differ by a constant only, not an equation stated", () => {
    expect(labels("p", ["Let k be the index.", "The k-th term is \\[t_k = 5 + 4(k - 1) = 4k + 3\\]"])).toEqual(["unverifiable", "invalid-transformation"]);
    expect(labels("p", ["Let k be the index.", "The k-th term is \\[t_k = 5 + 4(k - 1) = 4k + 1\\]"])).toEqual(["unverifiable", "correct"]);
    // a condition set up in an equation is not an expansion claim
    expect(labels("p", ["Let k be the index.", "Setting up the equation 5 + 4(k - 1) = 4k + 3 shows no k works."])).not.toContain("invalid-transformation");
    // sides in other letters are a relation, not a rewriting
    expect(labels("p", ["Let k and m be the indices.", "Then \\(2(k + 1) = 2m + 5\\)."])).not.toContain("invalid-transformation");
  });
  it("checks a factorisation inside a trial step as in any other (an identity holds or fails in every case)", () => {
    expect(labels("p", ["Let x be the unknown.", "Try x = 2: it is a root, so we factor \\(x^3 - 5x^2 + 12 = (x - 2)(x^2 - 3x - 7)\\)."])).toEqual(["unverifiable", "invalid-transformation"]);
    expect(labels("p", ["Let x be the unknown.", "Try x = 2: it is a root, so we factor \\(x^3 - 5x^2 + 12 = (x - 2)(x^2 - 3x - 6)\\)."])).not.toContain("invalid-transformation");
  });
  it("reads what a step writes after working on both sides as an equation, not an identity", () => {
    expect(labels("p", ["Let x and y be the numbers.", "Expanding both sides gives \\(xy = xy + 4y - 3x - 12\\)."])).not.toContain("invalid-transformation");
    // without "both sides", an expansion with the same leading terms that differs is still a slip
    expect(labels("p", ["Let x and y be the numbers.", "Expanding, \\((x + 4)(y - 3) = xy - 3x + 4y - 7\\)."])).toEqual(["unverifiable", "invalid-transformation"]);
  });
  it("evaluates floor and ceiling of exact values", () => {
    expect(labels("p", ["So \\(\\lceil -4.2 \\rceil = -5\\)."])).toEqual(["arithmetic-error"]);
    expect(labels("p", ["So \\(\\lceil -4.2 \\rceil = -4\\) and \\(\\left\\lfloor \\frac{29}{6} \\right\\rfloor = 4\\)."])).toEqual(["correct"]);
    expect(labels("p", ["So \\(\\lfloor \\frac{29}{6} \\rfloor + 2 = 7\\)."])).toEqual(["arithmetic-error"]);
    // an irrational argument has no exact integer part here: not decided
    expect(labels("p", ["So \\(\\lfloor \\sqrt{26} \\rfloor = 4\\)."])).toEqual(["unverifiable"]);
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
    // an equation in letters that disagrees with an earlier one: unverifiable in prose (stated, not derived; a case)
    expect(labels("Solve $2x + 3 = 11$.", ["$2x = 11 + 3$"])).toEqual(["unverifiable"]);
    expect(labels("Solve $2x + 3 = 11$.", ["$2x = 8$", "$x = 5$"])).toEqual(["correct", "unverifiable"]);
  });
  it("undefined letters and contradictions of earlier values are unverifiable in prose, not errors", () => {
    expect(labels("Solve $2x + 3 = 11$.", ["Then $3y = 12$."])).toEqual(["unverifiable"]);
    expect(labels("Let t be the tickets.", ["8t = 96, so t = 12.", "With t = 14 tickets..."])).toEqual(["correct", "unverifiable"]);
  });
  it("checks factorisations as identities and root choices against the roots", () => {
    const p = "Find the roots of $x^2 - 7x + 12 = 0$.";
    expect(labels(p, ["Factor: $x^2 - 7x + 12 = (x - 3)(x - 4)$.", "So $x - 3 = 0$ or $x - 4 = 0$.", "Hence $x = 3$ or $x = 4$."])).not.toContain("invalid-transformation");
    expect(labels(p, ["Factor: $x^2 - 7x + 12 = (x - 3)(x + 4)$."])).toEqual(["invalid-transformation"]);
    expect(labels(p, ["Hence $x = 3$ or $x = 4$.", "Check $x = 5$."])).toEqual(["correct", "unverifiable"]);
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
  it("an assignment of a fresh letter to a computable expression defines it (not a use)", () => {
    expect(labels("A box is 4 by 6 by 2.", ["Its volume is $V = 4 \\times 6 \\times 2 = 48$."])).toEqual(["correct"]);
    expect(labels("A square has side 9.", ["Taking $s = 9$, the perimeter is $4 \\cdot 9 = 36$.", "So $P = 4s = 36$."])).toEqual(["correct", "correct"]);
    expect(labels("p", ["The diagonal is $d = \\sqrt{5^2 + 12^2} = 13$."])).toEqual(["correct"]);
    expect(labels("p", ["So $d^2 = 5^2 + 12^2 = 25 + 144 = 170$."])).toEqual(["arithmetic-error"]);
    expect(labels("p", ["The rate is $k = \\frac{20 - 8}{5 - 2} = 4$ per hour."])).toEqual(["correct"]);
  });
  it("a fresh letter used before its assignment is not flagged in prose (formula parameters, where-clauses)", () => {
    expect(labels("p", ["Seven mugs cost $7q$ where $q = 2$, so $7q = 14$."])[0]).not.toBe("undefined-variable");
    expect(labels("p", ["The time is $t = \\frac{90}{u}$ with $u = 30$, so $t = 3$."])[0]).not.toBe("undefined-variable");
    expect(labels("Solve for $x$: $5x + 4 = 19$.", ["$5x = 15$.", "Dividing by 5, $z = \\frac{15}{5} = 3$."])).toEqual(["correct", "correct"]);
  });
  it("a let ... be clause introduces every variable it names, the article-like $a$ included", () => {
    expect(labels("Two numbers add to 20 and differ by 4.", ["Let the two numbers be $p$ and $q$ with $p > q$, so $p + q = 20$ and $p - q = 4$.", "Then $2p = 24$, so $p = 12$ and $q = 8$."])).toEqual(["unverifiable", "correct"]);
    expect(labels("Bo is 3 years older than Cy; together they are 21.", ["Let $a$ be Cy's age, so Bo is $a + 3$.", "Then $a + (a + 3) = 21$, so $2a = 18$."])[1]).toBe("correct");
    expect(labels("p", ["Let us substitute, so $k + 1 = 5$."])[0]).toBe("unverifiable");
  });
  it("a digit string written right before a numeric \\frac is a mixed number", () => {
    expect(labels("p", ["$3\\frac{1}{4} = \\frac{13}{4}$ cups."])).toEqual(["correct"]);
    expect(labels("p", ["$3\\frac{1}{4} = \\frac{3}{4}$."])).toEqual(["arithmetic-error"]);
  });
  it("values of one variable joined by 'and' are a solution set, not a contradiction", () => {
    const p = "Solve $x^2 - 9x + 20 = 0$.";
    expect(labels(p, ["$(x - 4)(x - 5) = 0$.", "The solutions are $x = 4$ and $x = 5$."])).toEqual(["correct", "correct"]);
    expect(labels(p, ["The solutions are $x = 4$ and $x = 5$.", "Check $x = 6$."])).toEqual(["correct", "unverifiable"]);
    expect(labels("Let t be the time.", ["$t = 4$ and $t = 5$"])).toEqual(["unverifiable"]);
  });
});

describe("an expansion with every true term and more, of a higher degree", () => {
  const label = (text: string) => checkNaturalSteps({ id: "t", problem: "Simplify.", steps: [text] })[0]!.label;
  it("is an expansion gone wrong", () => {
    expect(label("The expansion is \\((a+b+c)^2 = a^2 + b^2 + c^2 + 2ab + 2bc + 2ca + 2abc\\).")).toBe("invalid-transformation");
    expect(label("We expand: \\((x+1)^2 = x^2 + 2x + 1 + x^3\\).")).toBe("invalid-transformation");
  });
  it("the true expansion, missing terms (an equation such as (a+b)^2 = a^2 + b^2), or extra terms in other letters are not flagged", () => {
    expect(label("The expansion is \\((a+b+c)^2 = a^2 + b^2 + c^2 + 2ab + 2bc + 2ca\\).")).toBe("correct");
    expect(label("We expand: \\((a+b)^2 = a^2 + b^2\\).")).not.toBe("invalid-transformation");
    expect(label("We expand: \\((x+1)^2 = x^2 + 2x + 1 + y^3\\).")).not.toBe("invalid-transformation");
  });
});

describe("a power of a sum written out, in three letters or more", () => {
  const label = (text: string) => checkNaturalSteps({ id: "t", problem: "Let $P(x)$ be a polynomial.", steps: [text] })[0]!.label;
  it("is checked as an expansion: a slip that keeps the leading terms is flagged, the right one passes", () => {
    expect(label("Let $P(x) = ax^2 + bx + c$. Then $P(P(x)) = a(ax^2 + bx + c)^2 + b(ax^2 + bx + c) + c = a^3x^4 + 2a^2bx^3 + (2ac + b^2)a x^2 + (ab + 2c)bx + ac + bc + c$.")).toBe("invalid-transformation");
    expect(label("Let $P(x) = ax + b$. Then $P(P(x)) = a(ax + b) + b = a^2x + ab + b$, and $(ax + b)^2 + c = a^2x^2 + 2abx + b^2 + c$.")).toBe("correct");
  });
  it("in fewer letters, or with a power of a sum on both sides, it may be an equation: not flagged", () => {
    expect(label("Let $P(x) = x^2$. We need $(x + 2)^2 + x = x^2 + 3x + 3$.")).not.toBe("invalid-transformation");
    expect(label("Let $P(x) = x^2$. We need $(a + b)^2 + c = (a - b)^2 + c^2 + ab$.")).not.toBe("invalid-transformation");
  });
});
