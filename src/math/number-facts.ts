import type { PairOutcome } from "./claim-check.js";
import type { Expr } from "./expr.js";

// Claims about whole numbers that are decided exactly from their own text: a division with remainder and a prime
// factorisation.

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
  const factors: Expr[] = [];
  const collect = (x: Expr): void => {
    if (x.k === "op" && x.op === "*") {
      collect(x.a);
      collect(x.b);
    } else factors.push(x);
  };
  collect(e);
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
