import type { PairOutcome } from "./claim-check.js";
import { isInteger, type Num } from "./num.js";

// Claims about the digits of a whole number, decided exactly: "the sum of the digits of 2048 is 2 + 0 + 4 + 8 =
// 14", "digit sum of 169 is 16", "2228 (sum = 14)" in a list of candidates, "add up the digits of N: 8 + 8 + ...",
// with N a letter whose value is known. The number must be written out (or known) in base 10: a power, an
// expression, a number in another base, an elided list ("1 + 2 + ... + 9") are not read. The claimed sum must be
// the digit sum, and digits listed as addends must be the number's digits (in any order).

const INTEGER = String.raw`\d{1,3}(?:,\d{3})+(?!\d)|\d+`;
const ADDENDS = String.raw`\d(?:\s*\+\s*\d)+(?!\s*[\d.*^/(])`;
const IS = String.raw`\s*(?:\\?\)|\$|\\\]|\\\[|\\\(|:|,|\s)*\s*(?:is|are|equals|=|gives)?\s*(?:\\?\(|\$|\\\[|\s)*`;
// "the sum of the digits of 2048 is ...", "digit sum of N: ...", "the digits of N add up to ...", "sum of its digits"
const OF_NUMBER = new RegExp(
  String.raw`(?:sum\s+of\s+(?:all\s+)?(?:the\s+)?(?:individual\s+)?digits\s+(?:of|in)|digit\s+sum\s+of|(?:individual\s+)?digits\s+of)\s*(?:\\\(|\$)?\s*(?:the\s+number\s+)?(${INTEGER}|[A-Za-z])(?![\w^_{(]|\s*(?:in\s+base|base|\\text|\)\s*_))` +
    String.raw`(?:${IS}(?:sum\s+to|add\s+up\s+to)?\s*)?(?:(${ADDENDS})\s*=\s*(\d+)|(\d+)(?![\d.,]\d|\s*[+\-*/^]))`,
  "gi",
);
// "2228 (sum = 14)", "2137 (digit sum: 13)": a candidate and its digit sum, in a step about digits
const WITH_SUM = new RegExp(String.raw`(?<![\d.,^_])(${INTEGER})\s*\((?:digit\s+)?sum\s*(?:=|:|is)\s*(\d+)\)`, "gi");

function digitsOf(n: bigint): number[] {
  return [...n.toString()].map(Number);
}

function sameDigits(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((d, i) => d === y[i]);
}

// Digit-sum claims of one step. `known` gives the values of letters (only whole, non-negative ones are read).
export function digitSumClaims(text: string, known: ReadonlyMap<string, Num>, aboutDigits: boolean): PairOutcome[] {
  if (!/digit/i.test(text) && !aboutDigits) return [];
  const out: PairOutcome[] = [];
  const plain = text.replace(/\\[,;!]/g, "").replace(/\\(?:left|right)/g, "");
  for (const m of plain.matchAll(OF_NUMBER)) {
    const n = numberOf(m[1]!, known);
    if (n === undefined) continue;
    const digits = digitsOf(n);
    const sum = digits.reduce((a, b) => a + b, 0);
    const listed = m[2]?.split("+").map((d) => Number(d.trim()));
    const claimed = Number(m[3] ?? m[4]);
    const shown = /^\d/.test(m[1]!) ? `the digits of ${n}` : `the digits of ${m[1]} (${n})`;
    if (listed && !sameDigits(listed, digits)) out.push({ label: "arithmetic-error", evidence: `${shown} are ${digits.join(", ")}, not ${listed.join(", ")}`, checked: true });
    else if (claimed !== sum) out.push({ label: "arithmetic-error", evidence: `${shown} sum to ${sum}, not ${claimed}`, checked: true });
    else out.push({ label: "correct", evidence: `${shown} sum to ${sum}`, checked: true });
  }
  if (aboutDigits || /digit/i.test(text)) {
    for (const m of plain.matchAll(WITH_SUM)) {
      const n = BigInt(m[1]!.replace(/,/g, ""));
      const sum = digitsOf(n).reduce((a, b) => a + b, 0);
      const claimed = Number(m[2]);
      out.push(claimed === sum
        ? { label: "correct", evidence: `the digits of ${n} sum to ${sum}`, checked: true }
        : { label: "arithmetic-error", evidence: `the digits of ${n} sum to ${sum}, not ${claimed}`, checked: true });
    }
  }
  return out;
}

function numberOf(written: string, known: ReadonlyMap<string, Num>): bigint | undefined {
  if (/^\d/.test(written)) return BigInt(written.replace(/,/g, ""));
  const v = known.get(written);
  if (!v || !v.exact || !isInteger(v.q) || v.q.s < 0n) return undefined;
  return v.q.n;
}
