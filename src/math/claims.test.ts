import { describe, expect, it } from "vitest";
import { definedInWords, extractClaims, withoutNumberLabels } from "./claims.js";

const sides = (s: string) => extractClaims(s).map((c) => c.sides.map((x) => x.text.replace(/\s+/g, "")).join(" | "));

describe("extractClaims", () => {
  it("reads chains in prose with units stripped", () => {
    expect(sides("She has 5 apples + 3 apples = 8 apples in total.")).toEqual(["5+3 | 8"]);
    expect(sides("Each box holds 12 eggs, so 3 boxes hold 3 x 12 = 36 eggs.")).toEqual(["3*12 | 36"]);
    expect(sides("The cost is $1,200 - $300 = $900.")).toEqual(["1200-300 | 900"]);
  });
  it("reads percentages, fractions and GSM8K calculator annotations", () => {
    expect(sides("So 20% of 50 = 10 dollars.")).toEqual(["(20/100)*50 | 10"]);
    expect(sides("Natalia sold 48/2 = <<48/2=24>>24 clips.")).toEqual(["48/2 | 24", "48/2 | 24"]);
    expect(sides("Then $\\frac{3}{4} \\times 20 = 15$.")).toEqual(["((3)/(4))*20 | 15"]);
  });
  it("reads words for operators and 'is' after an expression", () => {
    expect(sides("15 times 4 is 60.")).toEqual(["15*4 | 60"]);
  });
  it("prose numbers that are not claims give none", () => {
    expect(sides("In 2020 there were 15 students in 3 classes.")).toEqual([]);
    expect(sides("Step 1: The total is 60 dollars.")).toEqual([]);
    expect(sides("It costs $5 and $3 more.")).toEqual([]);
  });
  it("reads past a label in words in parentheses after a number", () => {
    expect(sides("First: 640 (all tickets) - 215 (sold tickets) = 425.")).toEqual(["640-215 | 425"]);
    expect(sides("\\[ 30 (\\text{monday}) + 45 (\\text{tuesday}) = 75 \\]")).toEqual(["30+45 | 75"]);
    expect(sides("So 90 minutes (before lunch) + 25 minutes (chores) = 115 minutes.")).toEqual(["90+25 | 115"]);
  });
  it("reads no sum of unlike units", () => {
    expect(sides("So 2 hours + 30 minutes = 150 minutes.")).toEqual([]);
    expect(sides("Then 27h + 4Kh = 31h in total.")).toEqual([]);
    expect(sides("So 2 apples + 3 apple = 5 apples.")).toEqual(["2+3 | 5"]);
    expect(sides("It runs 5km + 3km = 8km.")).toEqual(["5+3 | 8"]);
    // a term with a unit and one without, inside brackets too
    expect(sides("Then 72k - 4(30k - 9) = 5k.")).toEqual([]);
    expect(sides("So 9 boxes - 2 = 7 boxes.")).toEqual([]);
    expect(sides("Pay 3 x $4 + 2 x $5 = $22.")).toEqual(["3*4+2*5 | 22"]);
  });
  it("reads letters glued to a number as a variable, not a unit, when the step uses them as an operand", () => {
    expect(sides("Since T = p + 2, 3T + 20 = 50.")).not.toContain("3+20 | 50");
    expect(sides("It takes 3h + 20 minutes, so 3 + 20 = 23.")).toContain("3+20 | 23");
  });
  it("keeps parentheses that are math, not a label", () => {
    expect(withoutNumberLabels("2 (mod 7) = 2")).toBe("2 (mod 7) = 2");
    expect(withoutNumberLabels("5 (x) + 1 = 11")).toBe("5 (x) + 1 = 11");
    expect(withoutNumberLabels("4 (pi) = 12.56")).toBe("4 (pi) = 12.56");
    expect(withoutNumberLabels("He had 12 (a dozen) eggs.")).toBe("He had 12 (a dozen) eggs.");
  });
  it("marks alternatives joined by or", () => {
    const c = extractClaims("So $x - 3 = 0$ or $x - 4 = 0$.");
    expect(c.map((x) => x.alternative)).toEqual([true, true]);
  });
  it("keeps the approximate marker", () => {
    const [c] = extractClaims("Each pays 10 / 3 ≈ 3.33 dollars.");
    expect(c!.rels).toEqual(["≈"]);
  });
  it("marks values of the same variable joined by and as alternatives, not other conjunctions", () => {
    expect(extractClaims("the solutions are $y = -2$ and $y = 7$").map((x) => x.alternative)).toEqual([true, true]);
    expect(extractClaims("$y = 2$ and $z = 7$").map((x) => x.alternative ?? false)).toEqual([false, false]);
    expect(extractClaims("$3 + 4 = 7$ and $2 + 5 = 7$").map((x) => x.alternative ?? false)).toEqual([false, false]);
  });
  it("defines the letters a let ... be clause names", () => {
    expect([...definedInWords("Let the sides be $u$ and $v$ with $u > v$, so $u + w = 3$.")].sort()).toEqual(["u", "v"]);
    expect([...definedInWords("Let $a$ be the price.")]).toEqual(["a"]);
    expect([...definedInWords("Let's substitute $k = 2$.")]).toEqual([]);
  });
});
