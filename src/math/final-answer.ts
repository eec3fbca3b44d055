import type { PairOutcome } from "./claim-check.js";
import { extractClaims } from "./claims.js";
import { extractAnswer, normaliseAnswer } from "./answer-extract.js";
import { evaluate, ParseError, parseExpr, symbols } from "./expr.js";
import { equalNum, formatNum, roundsTo, decimalsShown, type Num } from "./num.js";
import { latexToPlain } from "./parse-latex.js";

// A \boxed{} answer that contradicts the value the solution computed just before it: "... = 42, so the answer is
// \boxed{24}". Decided only in the narrow shape where the reader can be sure what the last computed value is: the
// last claim written before the box ends in a number and no other number stands between it and the box; the box
// holds a plain number. A percentage (0.25 boxed as 25), a rounding of the value, or anything else (an expression,
// a unit conversion in words) is left alone.
export function boxedContradiction(step: string): PairOutcome | undefined {
  const at = step.lastIndexOf("\\boxed");
  if (at < 0) return undefined;
  const before = step.slice(0, at);
  // cheap tests first (most boxes restate the last number): the last number written before the box, linked to it
  // only by "so the answer is", "therefore", "="; a check or a verification computes something else than the answer
  const lastNumber = [...before.matchAll(/\d[\d,]*(?:\.\d+)?/g)].at(-1);
  if (!lastNumber) return undefined;
  const tail = before.slice(lastNumber.index! + lastNumber[0].length);
  if (!ANSWER_LINK.test(tail.replace(/\\[()[\]]|\$|\\text\{[^{}]*\}/g, " ")) || /\b(?:check|checking|verify|verif\w*)\b/i.test(step)) return undefined;
  const boxedText = extractAnswer(step.slice(at), false);
  const boxed = boxedText === undefined ? undefined : plainNumber(boxedText);
  if (!boxed || boxedText === undefined) return undefined;
  const value = plainNumber(lastNumber[0].replace(/,/g, ""));
  if (!value || !value.exact || !boxed.exact || sameAnswer(value, boxed, boxedText)) return undefined;
  // the last number must be the result of a computation in numbers (`3 \times 14 = 42`), not a condition or a value
  // restated (`c = 0`, `T = 800`)
  const claims = extractClaims(before);
  const claim = claims[claims.length - 1];
  const last = claim?.sides.at(-1);
  if (!claim || !last?.literal || last.literal.percent || last.literal.src.replace(/,/g, "") !== lastNumber[0].replace(/,/g, "")) return undefined;
  if (!claim.sides.slice(0, -1).some(isNumericComputation)) return undefined;
  return { label: "inconsistent-step", evidence: `the boxed answer ${formatNum(boxed)} contradicts the value just computed, ${last.shown}`, checked: true };
}

// The same answer: equal, a percentage of it (0.25 and 25), or a rounding of it to the decimals the box shows.
function sameAnswer(value: Num & { exact: true }, boxed: Num & { exact: true }, boxedText: string): boolean {
  if (equalNum(value, boxed)) return true;
  if (value.q.mul(100).equals(boxed.q) || boxed.q.mul(100).equals(value.q)) return true;
  return roundsTo(value, boxed.q, decimalsShown(boxedText));
}

const ANSWER_LINK = /^[\s.,:;=]*(?:(?:so|thus|therefore|hence|and)\b[\s,]*)?(?:(?:the\s+)?(?:final\s+)?(?:answer|result|total|value)\s*(?:is|=|:)?)?[\s:=]*(?:\\boxed)?$/i;

function isNumericComputation(side: { text: string; literal?: unknown }): boolean {
  if (side.literal) return false;
  try {
    const e = parseExpr(side.text);
    return e.k !== "num" && symbols(e).size === 0;
  } catch (e) {
    if (e instanceof ParseError) return false;
    throw e;
  }
}

function plainNumber(text: string): Num | undefined {
  const plain = latexToPlain(normaliseAnswer(text));
  if (!/^[-\d.\s()/+*]+$/.test(plain)) return undefined;
  try {
    const e = parseExpr(plain);
    return symbols(e).size === 0 ? evaluate(e, new Map()) : undefined;
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}
