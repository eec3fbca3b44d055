import { Fraction } from "mathjs";

// A value: exact (a rational, BigInt numerator and denominator) or approximate (an irrational such as sqrt(2)).
// Exact claims are compared exactly; approximate values only ever come from irrationals.
export type Num = { exact: true; q: Fraction } | { exact: false; x: number };

export const exact = (q: Fraction): Num => ({ exact: true, q });
export const approx = (x: number): Num => ({ exact: false, x });
export const ZERO = new Fraction(0);
export const ONE = new Fraction(1);

// Exponents and magnitudes past these are not computed exactly (they would not be claims anyone checks by hand).
const MAX_EXPONENT = 4096n;
const MAX_ROOT_BASE = 10n ** 15n;
const APPROX_REL_TOLERANCE = 1e-9;

// Parses a plain decimal ("1234", "0.125", "-3.5") exactly.
export function rational(text: string | number | bigint): Fraction {
  return new Fraction(text as never);
}

export function toFloat(n: Num): number {
  return n.exact ? n.q.valueOf() : n.x;
}

function lift(a: Num, b: Num, exactOp: (p: Fraction, q: Fraction) => Fraction, floatOp: (p: number, q: number) => number): Num | undefined {
  if (a.exact && b.exact) return exact(exactOp(a.q, b.q));
  const x = floatOp(toFloat(a), toFloat(b));
  return Number.isFinite(x) ? approx(x) : undefined;
}

export const add = (a: Num, b: Num) => lift(a, b, (p, q) => p.add(q), (p, q) => p + q);
export const sub = (a: Num, b: Num) => lift(a, b, (p, q) => p.sub(q), (p, q) => p - q);
export const mul = (a: Num, b: Num) => lift(a, b, (p, q) => p.mul(q), (p, q) => p * q);

export function div(a: Num, b: Num): Num | undefined {
  if (isZero(b)) return undefined;
  return lift(a, b, (p, q) => p.div(q), (p, q) => p / q);
}

export function neg(a: Num): Num {
  return a.exact ? exact(a.q.neg()) : approx(-a.x);
}

export function isZero(a: Num): boolean {
  return a.exact ? a.q.n === 0n : a.x === 0;
}

export function isInteger(q: Fraction): boolean {
  return q.d === 1n;
}

// a^b: exact when the result is rational (integer exponents, perfect roots), approximate otherwise; undefined
// for 0^negative, even roots of negatives and exponents too large to compute.
export function pow(a: Num, b: Num): Num | undefined {
  if (a.exact && b.exact) {
    if (b.q.n > MAX_EXPONENT * b.q.d) return undefined;
    if (a.q.n === 0n && b.q.s < 0n) return undefined;
    if (isInteger(b.q)) return exact(a.q.pow(b.q));
    if (a.q.s < 0n && b.q.d % 2n === 0n) return undefined;
    // an exact root needs the base factorised: only for bases of moderate size (a huge one, such as 3^-97 - 7^-97,
    // would take the factoriser forever), larger ones are approximated
    if (a.q.n <= MAX_ROOT_BASE && a.q.d <= MAX_ROOT_BASE) {
      const r = a.q.s < 0n ? a.q.neg().pow(b.q) : a.q.pow(b.q);
      if (r !== null) return exact(a.q.s < 0n ? r.neg() : r); // odd root of a negative
    }
  }
  const base = toFloat(a);
  const e = toFloat(b);
  // a negative base to p/q with q odd: the real root, its sign (-1)^p ((-0.5)^2 is 0.25, (-8)^(1/3) is -2)
  const x = base < 0 && b.exact && b.q.d % 2n === 1n ? (b.q.n % 2n === 1n ? -1 : 1) * Math.pow(-base, e) : Math.pow(base, e);
  return Number.isFinite(x) ? approx(x) : undefined;
}

export function sqrt(a: Num): Num | undefined {
  if (toFloat(a) < 0) return undefined;
  return pow(a, exact(new Fraction(1, 2)));
}

// Equality of two values: exact for two rationals; within a relative 1e-9 when an irrational is involved.
export function equalNum(a: Num, b: Num): boolean {
  if (a.exact && b.exact) return a.q.equals(b.q);
  const x = toFloat(a);
  const y = toFloat(b);
  return Math.abs(x - y) <= APPROX_REL_TOLERANCE * Math.max(1, Math.abs(x), Math.abs(y));
}

// A short human form: "7/2", "12", or "1.4142135624" for an irrational.
export function formatNum(a: Num): string {
  if (!a.exact) return String(Number(a.x.toPrecision(11)));
  return a.q.d === 1n ? a.q.toFraction() : `${a.q.toFraction()} (${decimalText(a.q)})`;
}

function decimalText(q: Fraction): string {
  const s = q.toString(); // repeating part in parentheses, e.g. 3.(3)
  return s.length > 24 ? q.valueOf().toPrecision(12) : s;
}

// Digits after the decimal point in a number as written ("3.330" -> 3, "12" -> 0).
export function decimalsShown(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? m[1]!.length : 0;
}

// Whether `value` rounded (or truncated) to `places` decimals can give `claimed`.
export function roundsTo(value: Num, claimed: Fraction, places: number): boolean {
  const unit = new Fraction(1n, 10n ** BigInt(places));
  const half = unit.div(2);
  if (value.exact) {
    const diff = value.q.sub(claimed).abs();
    if (diff.compare(half) <= 0) return true;
    // truncation toward zero: claimed has the same sign and lies within one unit below |value|
    return diff.compare(unit) < 0 && value.q.abs().compare(claimed.abs()) > 0 && value.q.s === claimed.s;
  }
  const diff = Math.abs(value.x - claimed.valueOf());
  const u = unit.valueOf();
  return diff <= u / 2 + 1e-12 * Math.max(1, Math.abs(value.x)) || (diff < u && Math.abs(value.x) > Math.abs(claimed.valueOf()));
}

// Whether `value` is exactly representable with at most `places` decimals.
export function fitsDecimals(value: Num, places: number): boolean {
  if (!value.exact) return false;
  const scaled = value.q.mul(new Fraction(10n ** BigInt(places)));
  return scaled.d === 1n;
}
