import { sortSetLiterals, splitTopLevel } from "../tasks/shared/feedback.js";

// What is volatile in test feedback, made stable so that two runs (or a record and a run) compare equal when
// they differ only in it. Pure.

// Durations: "0.12s", "in 3.5 ms", "took 12 seconds", "Ran 3 tests in 0.001s".
const DURATION = /\b\d+(?:\.\d+)?\s?(?:s|sec|secs|seconds?|ms|milliseconds?|µs|us|ns|microseconds?)\b/g;
// Memory addresses in reprs: "<Foo object at 0x7f3a2c1b9d30>".
const ADDRESS = /\b0x[0-9a-fA-F]{4,}\b/g;
// Object ids printed next to "id": "id=140234", "id: 94823784".
const OBJECT_ID = /\b(id\s*[=:]\s*|id\()\d{5,}/g;
// Temporary directories: /tmp/tmpab12cd/..., /var/folders/.../T/..., C:\Users\x\AppData\Local\Temp\...
const TEMP_DIR = /(?:\/private)?\/(?:tmp|var\/folders\/[^\s"'/]+\/[^\s"'/]+\/T|var\/tmp)\/(?:[^\s"':,)]+\/)*|[A-Za-z]:\\[^\s"']*?\\Temp\\(?:[^\s"'\\]+\\)*/g;
// Python's own "(solution.py:3)" location (a load error) written the way the harness writes the others.
const BARE_LOCATION = /\((solution\.py:\d+)\)\s*$/;

// Replaces durations, addresses, object ids and temporary directories with placeholders; keeps file base names.
export function maskVolatile(text: string): string {
  return text
    .replace(ADDRESS, "0x?")
    .replace(OBJECT_ID, "$1?")
    .replace(TEMP_DIR, "")
    .replace(DURATION, "<time>");
}

// Sorts the items of dict literals at every depth ({'b': 1, 'a': 2} and {'a': 2, 'b': 1} are equal dicts);
// set and frozenset literals are sorted by sortSetLiterals.
export function sortDictLiterals(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch === "'" || ch === '"') {
      const end = closingQuote(s, i);
      out += s.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    const j = matchingBrace(s, i);
    if (j < 0) return out + s.slice(i);
    const inner = sortDictLiterals(s.slice(i + 1, j));
    const items = splitTop(inner);
    const isDict = items.length > 0 && items.every((p) => splitTop(p, ":").length === 2);
    out += isDict ? `{${items.map((p) => p.trim()).sort().join(", ")}}` : `{${inner}}`;
    i = j + 1;
  }
  return out;
}

// The index of the quote that closes the string starting at i (or the end).
function closingQuote(s: string, i: number): number {
  const q = s[i]!;
  for (let j = i + 1; j < s.length; j++) {
    if (s[j] === "\\") j++;
    else if (s[j] === q) return j;
  }
  return s.length - 1;
}

// The index of the brace closing the one at i, or -1.
function matchingBrace(s: string, i: number): number {
  let depth = 0;
  for (let j = i; j < s.length; j++) {
    const c = s[j]!;
    if (c === "'" || c === '"') j = closingQuote(s, j);
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return j;
  }
  return -1;
}

// Splits at top-level separators (brackets and quotes respected); nothing for a blank string.
const splitTop = (s: string, sep = ","): string[] => (s.trim() ? splitTopLevel(s, sep) : []);

// The stable form of one feedback message: volatile parts masked, hash-ordered literals sorted, and a bare
// "(solution.py:N)" location written as "(at solution.py:N)".
export function normalizeVolatile(text: string): string {
  const masked = maskVolatile(text).replace(BARE_LOCATION, "(at $1)");
  return sortDictLiterals(sortSetLiterals(masked));
}
