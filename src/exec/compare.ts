import type { CompareMode } from "../core/test-spec.js";

export interface CompareResult {
  equal: boolean;
  /** On a mismatch: the first differing line or token, expected and actual cut to 80 characters. */
  detail?: string;
}

// A decimal number: integer, decimal or exponent form. Not "", "inf", "nan" or "0x10".
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const SHOWN_CHARS = 80;

const cut = (s: string) => JSON.stringify(s.length > SHOWN_CHARS ? `${s.slice(0, SHOWN_CHARS - 3)}...` : s);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

// The number a token stands for, or undefined when it is not a finite decimal number.
function numberOf(token: string): number | undefined {
  if (!NUMBER.test(token)) return undefined;
  const n = Number(token);
  return Number.isFinite(n) ? n : undefined;
}

// Lines with CRLF, trailing spaces/tabs and trailing blank lines normalised away (the CodeContests convention).
function normalisedLines(text: string): string[] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/[ \t]+$/, ""));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines;
}

function compareLines(actual: string[], expected: string[]): CompareResult {
  const n = Math.min(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (actual[i] !== expected[i]) return { equal: false, detail: `line ${i + 1}: expected ${cut(expected[i]!)} got ${cut(actual[i]!)}` };
  }
  if (actual.length !== expected.length) {
    return { equal: false, detail: `output has ${plural(actual.length, "line")}, expected ${expected.length}` };
  }
  return { equal: true };
}

function compareTokens(actual: string, expected: string, tolerance: number): CompareResult {
  const a = actual.split(/\s+/).filter(Boolean);
  const e = expected.split(/\s+/).filter(Boolean);
  if (a.length !== e.length) return { equal: false, detail: `output has ${plural(a.length, "token")}, expected ${e.length}` };
  for (let i = 0; i < e.length; i++) {
    const [x, y] = [a[i]!, e[i]!];
    const [nx, ny] = [numberOf(x), numberOf(y)];
    if (nx !== undefined && ny !== undefined) {
      if (Math.abs(nx - ny) <= tolerance * Math.max(1, Math.abs(ny))) continue;
      return { equal: false, detail: `token ${i + 1}: expected ${cut(y)} got ${cut(x)} (tolerance ${tolerance})` };
    }
    if (x !== y) return { equal: false, detail: `token ${i + 1}: expected ${cut(y)} got ${cut(x)}` };
  }
  return { equal: true };
}

// Compares a program's stdout with the expected output in one of the io compare modes. Pure.
export function compareOutput(actual: string, expected: string, mode: CompareMode, tolerance: number): CompareResult {
  switch (mode) {
    case "exact":
      if (actual === expected) return { equal: true };
      if (actual + "\n" === expected) return { equal: false, detail: "output lacks the final newline" };
      if (actual === expected + "\n") return { equal: false, detail: "output has an extra final newline" };
      return compareLines(actual.split("\n"), expected.split("\n"));
    case "whitespace":
      return compareLines(normalisedLines(actual), normalisedLines(expected));
    case "float":
      return compareTokens(actual, expected, tolerance);
  }
}
