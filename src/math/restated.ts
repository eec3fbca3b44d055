import type { Claim } from "./claims.js";
import type { PairOutcome } from "./claim-check.js";

// A quantity stated in prose and later used with another value: "he has $50 - $18 = $32", then "$34 - $12". Only
// the narrowest, high-precision case is flagged: an operand N of a calculation that
//  - appears nowhere in the problem or in an earlier step (it came from nowhere),
//  - carries the same unit as the result R of an earlier step ("$", "liters", "miles per hour"),
//  - while R is not used by any later step up to this one (R was dropped, N took its place),
//  - and N is within 25% of R (a slip, not a new constant such as 60 minutes or 12 months),
//  - and is not R plus or minus a number this step mentions outside the calculation (a mental step:
//    "with the $10 discount, $80 + ...").
export interface StepQuantities {
  numbers: Set<number>;
  units: Map<number, string>; // value -> unit it is written with in this step
  results: number[]; // values a claim of this step ends with
}

const NOT_UNITS = new Set([
  "and", "or", "is", "are", "was", "were", "to", "the", "a", "an", "of", "more", "less", "each", "per", "for", "in", "on", "at", "so",
  "that", "then", "with", "by", "times", "plus", "minus", "equals", "than", "from", "left", "total", "altogether", "as", "it", "he", "she",
  "they", "we", "this", "which", "every", "x",
]);
const QUANTITY = /(\\?\$\s?)?(\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*\$)?(?:\s*\\text\{\s*)?(?:\s+([a-zA-Z]+)(?:\s+per\s+([a-zA-Z]+))?)?/g;

export function quantitiesOf(text: string, claims: readonly Claim[]): StepQuantities {
  const numbers = new Set<number>();
  const units = new Map<number, string>();
  for (const m of text.matchAll(QUANTITY)) {
    const value = Number(m[2]!.replace(/,/g, ""));
    if (!Number.isFinite(value)) continue;
    numbers.add(value);
    const word = m[3]?.toLowerCase();
    const unit = m[1] ? "$" : word && !NOT_UNITS.has(word) ? word.replace(/s$/, "") + (m[4] ? `/${m[4].toLowerCase()}` : "") : undefined;
    if (unit && !units.has(value)) units.set(value, unit);
  }
  const results: number[] = [];
  for (const c of claims) {
    const last = c.sides[c.sides.length - 1]!;
    if (last.literal && !last.literal.percent) results.push(Number(last.literal.text));
  }
  return { numbers, units, results };
}

// Factors of the common unit conversions and of percentages (60 minutes, 24 hours, 12 months, 100 cm, 1000 g, ...).
export const CONVERSIONS = [100, 10, 12, 60, 1000, 24, 7, 52, 365, 3600];

const operandsOf = (claim: Claim): number[] =>
  [...claim.sides[0]!.text.matchAll(/(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g)].map((m) => Number(m[0]));

export function restatedOperand(claim: Claim, here: StepQuantities, before: readonly StepQuantities[], problem: StepQuantities): PairOutcome | undefined {
  if (claim.annotation || claim.sides.length < 2) return undefined;
  const ops = operandsOf(claim);
  const inClaim = new Set(claim.sides.flatMap((s) => [...s.text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]))));
  for (const n of ops) {
    if (problem.numbers.has(n) || before.some((s) => s.numbers.has(n)) || here.results.includes(n)) continue;
    // "3 hours * 60 minutes/hour": a conversion factor everyone knows is a given, not a restated quantity
    if (CONVERSIONS.includes(n)) continue;
    const unit = here.units.get(n);
    if (!unit) continue;
    for (let j = before.length - 1; j >= 0; j--) {
      for (const r of before[j]!.results) {
        if (r === n || before[j]!.units.get(r) !== unit || r <= 0 || Math.abs(n - r) > 0.25 * r) continue;
        if (before.slice(j + 1).some((s) => s.numbers.has(r)) || here.numbers.has(r)) continue;
        const mental = [...here.numbers].some((c) => !inClaim.has(c) && (Math.abs(r + c - n) < 1e-9 || Math.abs(r - c - n) < 1e-9));
        if (mental) continue;
        return { label: "inconsistent-step", evidence: `uses ${n} ${unit} where step ${j} gave ${r} ${unit}, and ${n} appears nowhere before`, checked: true };
      }
    }
  }
  return undefined;
}
