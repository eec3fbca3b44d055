import type { PairOutcome } from "./claim-check.js";
import { productFactors, type Expr } from "./expr.js";

// Claims about whole numbers that are decided exactly from their own text: a division with remainder, a prime
// factorisation, divisibility.

// "355 \div 6 = 59 \; \mathrm{R} \; 1", "47 / 5 = 9 remainder 2", "100 divided by 7 is 14 with a remainder of 2": the
// quotient and remainder are right when a = b·q + r with 0 <= r < b.
const GAP = String.raw`(?:\s|\\[;,: ]|~|\\quad)*`;
const REMAINDER_WORD = String.raw`(?:\\mathrm\{R\}|\\text\{\s*R\s*\}|R|\\text\{\s*(?:with\s+)?(?:a\s+)?remainder(?:\s+of)?\s*\}|(?:with\s+)?(?:a\s+)?remainder(?:\s+of)?)`;
const DIVISION_WITH_REMAINDER = new RegExp(
  String.raw`(?<![\w.^_{}]|[-+*/×]\s*|\\cdot\s*|\\times\s*)(\d[\d,]*)${GAP}(?:\\div|÷|/|divided\s+by)${GAP}(\d[\d,]*)${GAP}(?:=|is|gives)${GAP}(\d[\d,]*)${GAP},?${GAP}${REMAINDER_WORD}${GAP}(\d[\d,]*)(?!\d|\.\d|\s*[/^*]|\\frac)`,
  "g",
);
export function remainderClaims(text: string): PairOutcome[] {
  const out: PairOutcome[] = [];
  for (const m of text.matchAll(DIVISION_WITH_REMAINDER)) {
    const [a, b, q, r] = [m[1], m[2], m[3], m[4]].map((s) => BigInt(s!.replace(/,/g, ""))) as [bigint, bigint, bigint, bigint];
    if (b === 0n) continue;
    const shown = `${a} ÷ ${b} = ${q} remainder ${r}`;
    if (a === b * q + r && r < b) out.push({ label: "correct", evidence: `"${shown}": ${b} × ${q} + ${r} = ${a}`, checked: true });
    else out.push({ label: "arithmetic-error", evidence: `"${shown}": ${a} ÷ ${b} = ${a / b} remainder ${a % b}`, checked: true });
  }
  return out;
}

// `2^3 \cdot 3^2 \cdot 11`: a product of at least two powers of primes (whole exponents), the form of a prime
// factorisation.
export function isPrimePowerProduct(e: Expr): boolean {
  const factors = productFactors(e);
  if (factors.length < 2) return false;
  return factors.every((f) => {
    const base = f.k === "op" && f.op === "^" ? f.a : f;
    const exp = f.k === "op" && f.op === "^" ? f.b : undefined;
    if (exp && !(exp.k === "num" && exp.q.d === 1n && exp.q.s === 1n && exp.q.n >= 1n)) return false;
    return base.k === "num" && base.q.d === 1n && base.q.s === 1n && isPrime(base.q.n);
  });
}

function isPrime(n: bigint): boolean {
  if (n < 2n || n > 1_000_000_000_000n) return false;
  for (let p = 2n; p * p <= n; p++) if (n % p === 0n) return false;
  return true;
}

// "Since 24 is divisible by 9", "4! = 24 is divisible by 9", "38 is not divisible by 101", "91 is a multiple of 7": one
// whole number written out, as a claim (after "=", or opening a clause: "since", "so", "but", ...), never a number
// inside an expression (`c^2 is a multiple of 6`), a description ("a units digit of 6 is divisible by 6" is no claim
// about 6) or the end of a range ("the numbers between 1 and 100 are divisible by 7").
const CLAUSE = String.raw`(?:^|[.;:,]\s+|=\s*|\b(?:since|because|as|so|but|thus|hence|then|clearly|that|however|also|now|here|know)\s+)`;
const WRITTEN = String.raw`(?:\$|\\\(|\s)*(\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\s*\$|\s*\\\))?`;
const DIVISIBILITY = new RegExp(
  String.raw`${CLAUSE}${WRITTEN}\s+is\s+(not\s+)?(?:(?:evenly\s+)?divisible\s+by|a\s+multiple\s+of)(?:\s|\$|\\\()*(\d+)(?!\d|\.\d|[\^_]|\s*[*/^+-]|\s*\\(?:cdot|times))`,
  "gi",
);
export function divisibilityClaims(text: string): PairOutcome[] {
  const out: PairOutcome[] = [];
  for (const m of text.matchAll(DIVISIBILITY)) {
    const n = BigInt(m[1]!.replace(/,/g, ""));
    const d = BigInt(m[3]!);
    if (d === 0n) continue;
    const claimed = !m[2];
    const holds = n % d === 0n;
    const shown = `${n} is ${claimed ? "" : "not "}divisible by ${d}`;
    out.push(claimed === holds
      ? { label: "correct", evidence: `"${shown}": ${n} = ${d} × ${n / d}${holds ? "" : ` + ${n % d}`}`, checked: true }
      : { label: "arithmetic-error", evidence: `"${shown}": ${n} = ${d} × ${n / d}${holds ? "" : ` + ${n % d}`}`, checked: true });
  }
  return out;
}
