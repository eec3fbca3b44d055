import { describe, expect, it } from "vitest";
import { extractClaims } from "./claims.js";
import { givenRelations, restatesGiven } from "./decided-relations.js";
import { checkNaturalSteps } from "./nl-check.js";

const steps = (problem: string, texts: string[]) => checkNaturalSteps({ id: "t", problem, steps: texts });
const claim = (text: string) => extractClaims(text)[0]!.sides;

describe("relations the problem gives, written again, are decided", () => {
  it("the same relation, rearranged or scaled, restates a given; another one does not", () => {
    const given = givenRelations(extractClaims("Suppose $2a - b = 9$ and $a^2 + ab = 20$."));
    const restates = (text: string) => { const [l, r] = claim(text); return restatesGiven(l!, r!, given); };
    expect(restates("$2a - b = 9$")).toBe(true);
    expect(restates("$b = 2a - 9$")).toBe(true);
    expect(restates("$4a - 2b = 18$")).toBe(true);
    expect(restates("$ab + a^2 = 20$")).toBe(true);
    expect(restates("$2a - b = 8$")).toBe(false);
    expect(restates("$2a + b = 9$")).toBe(false);
    expect(restates("$a^2 + ab - 20 = b$")).toBe(false);
  });
  it("a step that restates the problem's equation leaves nothing undecided, so a slip after it is the first error", () => {
    // (two steps on: the problem's equations are no longer facts the checks remember)
    const r = steps("Given $p + q = 11$ and $2p + q = 30$, find $pq$.", ["We look at the equations.", "Then at the second one.", "From $2p + q = 30$ we take $q = 30 - 2p$.", "So $7 \\times 8 = 54$."]);
    expect(r[2]!.label).toBe("correct");
    expect(r[2]!.undecided).toBeUndefined();
    expect(r[2]!.evidence).toMatch(/restates a relation the problem gives/);
  });
  it("an equation the solution sets up itself stays undecided", () => {
    const r = steps("Ann is 4 years older than Ben; together they are 30.", ["Let Ben be $b$: $b + (b + 4) = 30$."]);
    expect(r[0]!.undecided).toBe(1);
  });
});

describe("a relation an earlier step wrote, written again, is no new claim", () => {
  it("a value derived in one step and restated in the next adds nothing undecided", () => {
    const r = steps("A box holds some marbles.", ["Substituting, we get $2m = 14$ and $m = 7$.", "With $m = 7$, we have $m^2 = 49$."]);
    expect(r[1]!.undecided).toBeUndefined();
    expect(r[1]!.evidence).toMatch(/restates a relation step 0 wrote/);
  });
  it("a new relation is still undecided", () => {
    const r = steps("Find $m$.", ["Substituting, we get $2m = 14$ and $m = 7$.", "Now let $k = m + 3 t$."]);
    expect(r[1]!.undecided).toBe(1);
  });
});

describe("a root taken of an equation written before is decided", () => {
  it("a factor set to zero, or the value it gives, of the problem's equation or an earlier step's", () => {
    const fromProblem = steps("Find the roots of $t^2 - 9t + 14 = 0$.", ["We look for two numbers.", "Their product is 14.", "So $t - 7 = 0$ or $t - 2 = 0$."]);
    expect(fromProblem[2]!.label).toBe("correct");
    expect(fromProblem[2]!.undecided).toBeUndefined();
    expect(fromProblem[2]!.evidence).toMatch(/takes a root of an equation the problem gives/);
    const fromStep = steps("A square garden.", ["The side satisfies $(s - 8)(s + 3) = 0$.", "It is positive.", "So $s = 8$."]);
    expect(fromStep[2]!.evidence).toMatch(/takes a root of an equation step 0 wrote/);
    expect(fromStep[2]!.undecided).toBeUndefined();
  });
  it("a value that is not a root stays undecided (never an error by this rule)", () => {
    const r = steps("A square garden.", ["The side satisfies $(s - 8)(s + 3) = 0$.", "It is positive.", "So $s = 6$."]);
    expect(r[2]!.label).toBe("unverifiable");
    expect(r[2]!.undecided).toBeGreaterThanOrEqual(1);
  });
});

describe("a relation in letters that is no polynomial but holds for every value is decided", () => {
  it("roots and powers with a letter in the exponent, the same function at random points", () => {
    const r = steps("Points $P(0, 0)$ and $Q(u, 5)$.", ["We look at the distance.", "It is a length.", "So $\\sqrt{(u - 0)^2 + (5 - 0)^2} = \\sqrt{u^2 + 25}$ and $(3^2)^{k} = 3^{2k}$."]);
    expect(r[2]!.label).toBe("correct");
    expect(r[2]!.undecided).toBeUndefined();
    expect(r[2]!.evidence).toMatch(/holds for every value/);
  });
  it("one that differs somewhere stays undecided (an equation, never an error by this rule)", () => {
    const r = steps("Points $P(0, 0)$ and $Q(u, 5)$.", ["We look at the distance.", "It is a length.", "So $\\sqrt{u^2 + 25} = \\sqrt{u^2} + 5$."]);
    expect(r[2]!.label).toBe("unverifiable");
    expect(r[2]!.undecided).toBe(1);
  });
});

describe("a relation written word for word as the problem or an earlier step wrote it", () => {
  it("is decided even when the checks cannot read it (a given, or no new claim)", () => {
    const r = steps("How many $x$ satisfy $\\sin x = -0.31$?", ["We solve \\(\\sin x = -0.31\\).", "Again, \\(\\sin x = -0.31\\).", "Also \\(\\cos x = 0.5\\)."]);
    expect(r[0]!.undecided).toBeUndefined();
    expect(r[0]!.evidence).toMatch(/written as the problem writes it/);
    expect(r[1]!.undecided).toBeUndefined();
    expect(r[2]!.undecided).toBe(1);
  });
  it("a relation unread elsewhere, first written in a step, stays undecided there and is no new claim after", () => {
    const r = steps("Solve it.", ["We get \\(\\cos x = 0.5\\).", "That is, \\(\\cos x = 0.5\\)."]);
    expect(r[0]!.undecided).toBe(1);
    expect(r[1]!.undecided).toBeUndefined();
    expect(r[1]!.evidence).toMatch(/step 0 wrote it/);
  });
});

describe("a relation that puts what one relation says a letter is into another", () => {
  it("follows from the two (given or written before), up to a factor", () => {
    const r = steps("Solve $x^2 - xy + 8 = 0$ for a curve of our choice.", ["We take the curve \\(y = 8x - x^2\\).", "Substituting: \\(x^2 - x(8x - x^2) + 8 = 0\\), and also \\(2x^2 - 2x(8x - x^2) + 16 = 0\\)."]);
    expect(r[1]!.undecided).toBeUndefined();
    expect(r[1]!.evidence).toMatch(/follows by substitution \(a letter's value from step 0 put into a relation from the problem\)/);
  });
  it("a substitution done wrong is not decided by it", () => {
    const r = steps("Solve $x^2 - xy + 8 = 0$ and $x^2 - 8x + y = 0$.", ["From the second, \\(y = 8x - x^2\\).", "Substituting: \\(x^2 - x(8x + x^2) + 8 = 0\\)."]);
    expect(r[1]!.undecided).toBe(1);
  });
});

describe("a number times one quantity on both sides (0.971P * 1.089 = 1.058319P)", () => {
  it("is a claim about the numbers: no fact P = 0 for the next step, and no relation that later ones restate", () => {
    const r = steps("A population P changes.", ["After two years: \\(0.5P \\times 2 = 1.2P\\).", "After three: \\(1.2P \\times 2 = 2.5P\\)."]);
    expect(r[0]!.label).not.toBe("arithmetic-error"); // an equation 2x = 5x may be meant: never flagged by this
    expect(r[0]!.undecided).toBe(1);
    expect(r[1]!.label).not.toBe("correct"); // it was checked at P = 0 before
    expect(r[1]!.undecided).toBe(1);
  });
});
