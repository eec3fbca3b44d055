// Upper bounds a problem statement gives its variables ("1 ≤ n ≤ 2 ⋅ 10^5", "1 ≤ n, m ≤ 1000", "(1 ≤ |s| ≤ 2 000)").

const NAME = String.raw`\|?[A-Za-z][A-Za-z_0-9{}]*\|?`;
const NAMES = String.raw`${NAME}(?:\s*,\s*${NAME})*`;
const POW = String.raw`10\s*\^\s*\{?\s*\d+\s*\}?`;
const NUMBER = String.raw`\d\s*[⋅·*×]\s*${POW}|${POW}|\d[\d ]*\d|\d`;
// names (possibly a chain of them: "k ≤ n") followed by "≤ number"
const CHAIN = new RegExp(String.raw`(${NAMES}(?:\s*[≤<]\s*${NAMES})*)\s*[≤<]\s*(${NUMBER})(?![\d^])`, "g");

// A variable name as compared: lower case, without underscores, braces or spaces ("a_{i}" → "ai").
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[_{}\s]/g, "");
}

// The values a bound as written may mean. Statements scraped from HTML lose superscripts, so "105" may be 10^5:
// both readings are kept.
export function boundValues(text: string): number[] {
  const t = text.replace(/\s+/g, "");
  const pow = /^(?:(\d)[⋅·*×])?10\^\{?(\d+)\}?$/.exec(t);
  if (pow) return [Number(pow[1] ?? 1) * 10 ** Number(pow[2])];
  const n = Number(t);
  if (!Number.isFinite(n)) return [];
  const lost = /^10(\d{1,2})$/.exec(t);
  return lost && Number(lost[1]) >= 2 ? [n, 10 ** Number(lost[1])] : [n];
}

// Every variable the statement bounds above by a number, with the values that bound may mean.
export function statementBounds(statement: string): Map<string, number[]> {
  const text = statement.replace(/\\le(?:q)?\b/g, "≤").replace(/<=/g, "≤").replace(/\$/g, "");
  const out = new Map<string, number[]>();
  for (const m of text.matchAll(CHAIN)) {
    const values = boundValues(m[2]!);
    if (!values.length) continue;
    for (const raw of m[1]!.split(/[≤<,]/)) {
      const name = normalizeName(raw.trim());
      if (!name) continue;
      out.set(name, [...new Set([...(out.get(name) ?? []), ...values])]);
    }
  }
  return out;
}
