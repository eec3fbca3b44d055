import { parseSide, type PairOutcome } from "./claim-check.js";
import type { Claim } from "./claims.js";
import { ParseError, symbols } from "./expr.js";

// `x_1 = 180 + 18.025 = 198.025`, `S_{10} = 5 \cdot 11 = 55`: a chain whose first side is a subscripted name the
// solution writes here for the first time (not in the problem, not in an earlier step, not earlier in this step)
// and whose next side is in numbers only gives that name its value: a definition, nothing to decide. The rest of the
// chain is checked as usual. A name met before (`h_1` the problem gives, `a_3` a recurrence defined) keeps its relation
// undecided, as does one set equal to an expression in letters.
export function namedValue(claim: Claim, earlierText: string): PairOutcome | undefined {
  const name = claim.cutName;
  const first = claim.sides[0];
  if (!name || !first) return undefined;
  const e = parseSide(first);
  if (e instanceof ParseError || symbols(e).size > 0) return undefined;
  if (writtenIn(name, earlierText)) return undefined;
  return { label: "correct", evidence: `"${name} = ${first.shown}": names a value (${name} is written here for the first time)`, checked: false };
}

// Whether a subscripted name as the tokens keep it (`x_1`, `x_(2)`) occurs in raw text (`x_1`, `x_{2}`, `x_{ 2 }`).
function writtenIn(name: string, text: string): boolean {
  const [base, sub] = name.split("_") as [string, string];
  const inner = sub.replace(/^\((.*)\)$/, "$1");
  return new RegExp(`(?<![A-Za-z\\\\])${base}\\s*_\\s*(?:\\{\\s*${inner}\\s*\\}|${inner}(?![0-9A-Za-z]))`).test(text);
}
