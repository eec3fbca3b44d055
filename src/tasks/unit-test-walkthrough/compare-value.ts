import { isNumber, parsePyLiteral, type PyValue } from "./py-literal.js";

export type ValueMatch = "equal" | "different" | "unknown";

// Containers a trace shows wrapped (`Counter({...})`) that a walkthrough may write as their plain content.
const WRAPPERS = new Set(["Counter", "OrderedDict", "defaultdict", "deque", "collections.Counter", "collections.OrderedDict", "collections.defaultdict", "collections.deque"]);

// Relative tolerance for floats, as sameRepr uses.
const REL = 1e-9;

// Two numbers are equal as Python's == says (6 == 6.0), floats to 1e-9 relative; a claimed float written
// with 2+ decimals also matches the real value rounded to that many decimals (0.33 for 0.3333...).
function numbersMatch(claim: PyValue, real: PyValue): boolean {
  const c = claim.t === "int" ? Number(claim.v) : claim.t === "float" ? claim.v : NaN;
  const r = real.t === "int" ? Number(real.v) : real.t === "float" ? real.v : NaN;
  if (claim.t === "int" && real.t === "int") return claim.v === real.v;
  if (Number.isNaN(c) && Number.isNaN(r)) return true;
  if (c === r) return true;
  if (Math.abs(c - r) <= REL * Math.max(1, Math.abs(c), Math.abs(r))) return true;
  if (claim.t === "float" && real.t === "float" && claim.decimals >= 2) {
    return Math.abs(c - r) <= 0.5 * 10 ** -claim.decimals * (1 + 1e-9);
  }
  return false;
}

// Whether a claimed value matches a real one, structurally (dicts and sets ignore order; list != tuple).
export function valuesMatch(claim: PyValue, real: PyValue): boolean {
  if (isNumber(claim) && isNumber(real)) return numbersMatch(claim, real);
  if (real.t === "call" && claim.t !== "call" && WRAPPERS.has(real.name) && real.args.length > 0) {
    return valuesMatch(claim, real.args[real.args.length - 1]!);
  }
  if (real.t === "call" && real.name === "set" && real.args.length === 0) return (claim.t === "set" && claim.items.length === 0) || (claim.t === "call" && claim.name === "set" && claim.args.length === 0);
  switch (claim.t) {
    case "bool":
      return real.t === "bool" && real.v === claim.v;
    case "none":
      return real.t === "none";
    case "str":
    case "bytes":
      return real.t === claim.t && real.v === claim.v;
    case "list":
    case "tuple":
      return real.t === claim.t && real.items.length === claim.items.length && claim.items.every((x, i) => valuesMatch(x, real.items[i]!));
    case "set":
      return (real.t === "set" || (real.t === "call" && real.name === "frozenset")) && sameSet(claim.items, real.t === "set" ? real.items : setItems(real));
    case "dict":
      return real.t === "dict" && real.entries.length === claim.entries.length &&
        claim.entries.every(([k, v]) => real.entries.some(([rk, rv]) => valuesMatch(k, rk) && valuesMatch(v, rv)));
    case "call":
      return real.t === "call" && real.name === claim.name && real.args.length === claim.args.length && claim.args.every((x, i) => valuesMatch(x, real.args[i]!));
    case "opaque":
      return real.t === "opaque" && real.text === claim.text;
    default:
      return false;
  }
}

function setItems(v: PyValue): PyValue[] {
  const inner = v.t === "call" ? v.args[0] : undefined;
  return inner?.t === "set" || inner?.t === "list" ? inner.items : [];
}

function sameSet(a: PyValue[], b: PyValue[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => valuesMatch(x, y)));
}

const squash = (s: string) => s.replace(/\s+/g, "");

// A claimed value (as the walkthrough wrote it) against a traced repr. `cut`: the repr is a prefix only.
export function compareClaim(claimText: string, realRepr: string, cut = false): ValueMatch {
  if (cut) return "unknown";
  const claim = parsePyLiteral(claimText.trim());
  const real = parsePyLiteral(realRepr);
  if (claim && real) return valuesMatch(claim, real) ? "equal" : "different";
  // a string written without quotes: compared with the string's content
  if (!claim && real?.t === "str") return claimText.trim() === real.v ? "equal" : "different";
  return squash(claimText) === squash(realRepr) ? "equal" : "different";
}

// Both sides are numbers: a mismatch is a miscomputed value (arithmetic-error) rather than an invented one.
export function bothNumeric(claimText: string, realRepr: string): boolean {
  return isNumber(parsePyLiteral(claimText.trim())) && isNumber(parsePyLiteral(realRepr));
}
