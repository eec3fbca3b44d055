import { applyPatch, parsePatch, type StructuredPatch } from "diff";
import { functionAt, functions } from "./functions.js";

export interface Hunk {
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Lines with their " ", "-" or "+" prefix. */
  lines: string[];
}

export interface FilePatch {
  oldFile: string;
  newFile: string;
  hunks: Hunk[];
}

// "a/solution.py" → "solution.py"; "/dev/null" stays.
function stripPrefix(name: string | undefined): string {
  const n = (name ?? "").trim().split("\t")[0]!;
  return /^[ab]\//.test(n) ? n.slice(2) : n;
}

function parse(diff: string): { ok: true; patches: StructuredPatch[] } | { ok: false; reason: string } {
  try {
    const patches = parsePatch(diff).filter((p) => p.hunks.length > 0);
    return patches.length ? { ok: true, patches } : { ok: false, reason: "no hunk in the diff" };
  } catch (e) {
    return { ok: false, reason: `the diff does not parse: ${(e as Error).message}` };
  }
}

// The file patches of a unified diff (jsdiff's parser); [] when it does not parse.
export function parseDiff(diff: string): FilePatch[] {
  const r = parse(diff);
  if (!r.ok) return [];
  return r.patches.map((p) => ({
    oldFile: stripPrefix(p.oldFileName),
    newFile: stripPrefix(p.newFileName),
    hunks: p.hunks.map((h) => ({ oldStart: h.oldStart, oldLines: h.oldLines, newStart: h.newStart, newLines: h.newLines, lines: h.lines })),
  }));
}

// Files a diff touches (new names, or old ones for deletions).
export function patchedFiles(diff: string): string[] {
  return parseDiff(diff).map((p) => (p.newFile && p.newFile !== "/dev/null" ? p.newFile : p.oldFile));
}

// Applies a one-file unified diff to the code exactly (no fuzz: context must match where the hunk says).
export function applyDiff(original: string, diff: string): { ok: true; code: string } | { ok: false; reason: string } {
  const r = parse(diff);
  if (!r.ok) return r;
  if (r.patches.length > 1) return { ok: false, reason: `the diff patches ${r.patches.length} files; one was expected` };
  const patch = r.patches[0]!;
  const tryApply = (src: string) => {
    try {
      return applyPatch(src, patch, { fuzzFactor: 0 });
    } catch {
      return false;
    }
  };
  // a diff written against the code with or without its final newline is the same diff
  const out = tryApply(original) || (original.endsWith("\n") ? false : tryApply(`${original}\n`));
  if (out === false) return { ok: false, reason: mismatch(original, patch) };
  return { ok: true, code: out };
}

// Which hunk does not match the code, and how (for the evidence).
function mismatch(original: string, patch: StructuredPatch): string {
  const src = original.split("\n");
  for (const h of patch.hunks) {
    const expected = h.lines.filter((l) => l.startsWith(" ") || l.startsWith("-")).map((l) => l.slice(1));
    for (let k = 0; k < expected.length; k++) {
      const actual = src[h.oldStart - 1 + k];
      if (actual !== expected[k]) {
        return `hunk @@ -${h.oldStart},${h.oldLines} does not match the code: line ${h.oldStart + k} is ${JSON.stringify(actual ?? "(end of file)")}, the diff expects ${JSON.stringify(expected[k])}`;
      }
    }
  }
  return "the hunks do not apply in order (overlapping or out of order)";
}

// Where each changed line of a hunk sits in the original code (1-based lines): a removed line is its own line;
// an indented insertion sits between two lines (either may be in a function); a new top-level line is module
// level, unless it rewrites a top-level line the same change removes (`-def f(a):` then `+def f(a, b):`): the
// k-th top-level line added after removed lines stands where the k-th removed top-level line stood.
function hunkSites(h: Hunk): Array<number[] | "module"> {
  const out: Array<number[] | "module"> = [];
  let line = h.oldStart;
  let inNewTopLevel = false; // inside a block of added lines that began a new top-level statement
  let removedTopLevel: number[] = []; // top-level lines removed by the current change, not yet rewritten
  for (const l of h.lines) {
    if (l.startsWith("+")) {
      if (/^\+\S/.test(l)) {
        const rewrites = removedTopLevel.shift();
        if (rewrites !== undefined) {
          inNewTopLevel = false;
          out.push([rewrites]);
          continue;
        }
        inNewTopLevel = true;
      }
      if (inNewTopLevel) out.push("module");
      else if (l.trim() !== "+") out.push([Math.max(1, line - 1), line]);
      continue;
    }
    inNewTopLevel = false;
    if (l.startsWith("-")) {
      if (/^-\S/.test(l)) removedTopLevel.push(line);
      out.push([line++]);
    } else if (l.startsWith(" ")) {
      removedTopLevel = [];
      line++;
    }
  }
  return out;
}

// For each hunk, the functions of the original code it changes (qualnames; "<module>" for top-level lines).
export function touchedFunctions(original: string, diff: string): { hunk: number; functions: string[] }[] {
  const fns = functions(original);
  const patch = parseDiff(diff)[0];
  if (!patch) return [];
  return patch.hunks.map((h, hunk) => {
    const names = new Set<string>();
    for (const site of hunkSites(h)) {
      const fn = site === "module" ? undefined : site.map((l) => functionAt(fns, l)).find(Boolean);
      names.add(fn?.qualname ?? "<module>");
    }
    return { hunk, functions: [...names] };
  });
}
