import { parseDiff } from "../../analysis/index.js";
import type { FunctionInfo } from "../../analysis/index.js";

// The diagnosed line(s) of an error-recovery record against the lines its patch really changes.

const squash = (s: string) => s.replace(/\s+/g, "").replace(/"/g, "'");

// Lines of the buggy code the patch removes or rewrites (1-based), and the gaps it only inserts into (the
// line before and after each insertion).
export function patchedLines(patch: string): { rewritten: Set<number>; insertedNear: Set<number> } {
  const rewritten = new Set<number>();
  const insertedNear = new Set<number>();
  for (const fp of parseDiff(patch)) {
    for (const h of fp.hunks) {
      let line = h.oldStart;
      let removedInBlock = false; // the current run of changed lines removes some: its added lines replace them
      for (const l of h.lines) {
        if (l.startsWith("-")) {
          rewritten.add(line++);
          removedInBlock = true;
        } else if (l.startsWith("+")) {
          if (!removedInBlock) insertedNear.add(line - 1).add(line);
        } else if (l.startsWith(" ")) {
          line++;
          removedInBlock = false;
        }
      }
    }
  }
  return { rewritten, insertedNear };
}

// The first line of the logical line each line belongs to (a statement over several lines in brackets or
// with a backslash counts as one).
export function logicalStarts(code: string): number[] {
  const out: number[] = [];
  let depth = 0;
  let start = 1;
  let cont = false;
  code.split("\n").forEach((text, i) => {
    if (depth === 0 && !cont) start = i + 1;
    out[i + 1] = start;
    let quote = "";
    for (let k = 0; k < text.length; k++) {
      const ch = text[k]!;
      if (quote) {
        if (ch === "\\") k++;
        else if (ch === quote) quote = "";
      } else if (ch === "#") break;
      else if (ch === "'" || ch === '"') quote = ch;
      else if ("([{".includes(ch)) depth++;
      else if (")]}".includes(ch)) depth = Math.max(0, depth - 1);
    }
    cont = /\\\s*$/.test(text);
  });
  return out;
}

// The lines a diagnosis points at: its `line`, "line N" in its text, and the buggy line a backticked span of
// its text quotes (when exactly one line holds it). The function's own `def` line is too general to count.
export function diagnosedLines(buggy: string, diagnosis: { line?: number | undefined; text: string }, fn?: FunctionInfo): number[] {
  const lines = buggy.split("\n");
  const out = new Set<number>();
  if (diagnosis.line !== undefined) out.add(diagnosis.line);
  for (const m of diagnosis.text.matchAll(/\blines? (\d+)(?:\s*(?:-|–|to|and)\s*(\d+))?/gi)) {
    // a line of the tests ("the assert on line 3 of the tests") is not a line of the code
    const before = diagnosis.text.slice(Math.max(0, m.index! - 24), m.index!);
    const after = diagnosis.text.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
    if (/^\s*(?:of|in) the tests?\b/i.test(after) || /(?:\btests?|\bassert\w*|check\([^)]*\))\s*(?:on|at|in)?\s*$/i.test(before)) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    for (let l = Math.min(a, b); l <= Math.max(a, b) && l - Math.min(a, b) < 20; l++) if (l >= 1 && l <= lines.length) out.add(l);
  }
  for (const m of diagnosis.text.matchAll(/`([^`]+)`/g)) {
    const span = squash(m[1]!);
    if (span.length < 6) continue;
    const hits = lines.flatMap((l, i) => (squash(l).includes(span) ? [i + 1] : []));
    if (hits.length === 1) out.add(hits[0]!);
  }
  if (fn) out.delete(fn.startLine);
  return [...out].sort((a, b) => a - b);
}

// Whether the diagnosis and the patch are about different lines: the patch rewrites lines and none of the
// diagnosed lines is one of them (or next to an insertion), counting a statement over several lines as one.
// Undefined when they agree or nothing decides (no diagnosed line, or a patch that only inserts lines).
export function diagnosisPatchMismatch(buggy: string, patch: string, diagnosed: readonly number[]): string | undefined {
  const { rewritten, insertedNear } = patchedLines(patch);
  if (!diagnosed.length || !rewritten.size) return undefined;
  const starts = logicalStarts(buggy);
  const logical = (l: number) => starts[l] ?? l;
  const changed = new Set([...rewritten, ...insertedNear].map(logical));
  if (diagnosed.some((d) => changed.has(logical(d)))) return undefined;
  const show = (l: number) => `${l} (${JSON.stringify((buggy.split("\n")[l - 1] ?? "").trim())})`;
  return `the diagnosis points at line ${diagnosed.map(show).join(", ")}, but the patch changes line ${[...rewritten].sort((a, b) => a - b).map(show).join(", ")}`;
}
