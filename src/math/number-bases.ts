import type { PairOutcome } from "./claim-check.js";

// A whole number and its digits in another base, decided exactly: "in base 3, 87 can be written as 10012", "87 in
// base 2 is 1010111", "$1010111_2 = 87$", "$87 = 10012_3$". The base is 2 to 9 (digits only; base 10
// says nothing); a digit not below the base, a sign, a point or an expression is not read.

const N = String.raw`(\d+)`;
const B = String.raw`(\d+)`;
// the digits, not a count of them ("is 5 digits", "a 5-digit number") nor the start of an expression
const D = String.raw`(\d+)(?![\d.,]\d|\s*[_^*/+]|\s*-|\s*(?:digits?|places?|zeros?|ones?|times|more|less|fewer|characters?|terms?)\b)`;
const OPEN = String.raw`(?:\\\(|\\\[|\$|\s)*`;
const SAID = String.raw`\s*(?:can\s+be\s+(?:written|expressed|represented)\s+as|is\s+written\s+as|becomes|is|=|equals)\s*`;
const PATTERNS: Array<{ re: RegExp; order: "bnd" | "nbd" | "dbn" | "ndb" }> = [
  { re: new RegExp(String.raw`\bin\s+base[-\s]*\\?\(?\s*${B}\s*\\?\)?\s*,?\s*(?:the\s+number\s+)?${OPEN}${N}${OPEN}${SAID}${OPEN}${D}`, "gi"), order: "bnd" },
  { re: new RegExp(String.raw`(?<![\d.^_])${N}${OPEN}(?:in|to)\s+base[-\s]*${B}\s*(?:\)\s*)?${SAID}${OPEN}${D}`, "gi"), order: "nbd" },
  { re: new RegExp(String.raw`(?<![\w.^_\\]|[-+*/]\s*)(\d+)_\{?\(?${B}\)?\}?${OPEN}=${OPEN}${N}(?![\d.,]\d|\s*[_^*/+\-])`, "g"), order: "dbn" },
  { re: new RegExp(String.raw`(?<![\w.^_\\]|[-+*/]\s*)${N}${OPEN}=${OPEN}(\d+)_\{?\(?${B}\)?\}?(?![\d.]|\s*[*/+\-])`, "g"), order: "ndb" },
];

export function baseClaims(text: string): PairOutcome[] {
  const out: PairOutcome[] = [];
  for (const { re, order } of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const [a, b, c] = [m[1]!, m[2]!, m[3]!];
      const [n, base, digits] = order === "bnd" ? [b, a, c] : order === "nbd" ? [a, b, c] : order === "dbn" ? [c, b, a] : [a, c, b];
      const k = Number(base);
      if (k < 2 || k > 9 || [...digits].some((d) => Number(d) >= k)) continue;
      const value = BigInt(n);
      const written = BigInt(value.toString(k));
      const shown = `${n} in base ${k}`;
      out.push(written.toString() === digits
        ? { label: "correct", evidence: `${shown} is ${digits}`, checked: true }
        : { label: "arithmetic-error", evidence: `${shown} is ${value.toString(k)}, not ${digits} (${digits} in base ${k} is ${parseInt(digits, k)})`, checked: true });
    }
  }
  return out;
}
