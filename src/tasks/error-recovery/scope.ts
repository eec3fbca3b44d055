import { functions, parseDiff, patchedFiles, touchedFunctions } from "../../analysis/index.js";

export const SOLUTION_FILE = "solution.py";

// A path that is a test or test infrastructure: test_*.py, *_test.py, tests.py, conftest.py, a tests/ folder,
// or one of the task's own test files.
export function isTestPath(path: string, testFiles: readonly string[] = []): boolean {
  if (testFiles.includes(path)) return true;
  return /(^|\/)(tests?|testing)\//.test(path) || /(^|\/)(test_[^/]*|[^/]*_test|tests?|conftest)\.py$/.test(path) || /(^|\/)(pytest\.ini|tox\.ini|setup\.cfg)$/.test(path);
}

// The part of a diff that patches solution.py, as a diff of its own; undefined when it does not patch it.
export function solutionDiff(patch: string): string | undefined {
  const fp = parseDiff(patch).find((p) => p.newFile === SOLUTION_FILE || p.oldFile === SOLUTION_FILE);
  if (!fp) return undefined;
  const hunks = fp.hunks.map((h) => `@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@\n${h.lines.join("\n")}`);
  return `--- a/${SOLUTION_FILE}\n+++ b/${SOLUTION_FILE}\n${hunks.join("\n")}\n`;
}

// Whether a top-level line a patch adds or removes is harmless plumbing (an import, a comment, blank).
function isPlumbing(line: string): boolean {
  const t = line.slice(1).trim();
  return t === "" || t.startsWith("#") || /^(import\s|from\s+\S+\s+import\s)/.test(t);
}

// The diagnosed function and everything nested in it (its methods or inner functions).
function inDiagnosis(qualname: string, diagnosed: string): boolean {
  return qualname === diagnosed || qualname.startsWith(`${diagnosed}.`);
}

// Checks a patch's scope: it patches solution.py only (never the tests or their infrastructure) and changes only
// the diagnosed function (plus imports; "<module>" diagnoses top-level script code). Returns one line per violation and the functions it touches.
export function patchScope(buggy: string, patch: string, diagnosed: string, testFiles: readonly string[] = []): { violations: string[]; touched: string[] } {
  const violations: string[] = [];
  for (const f of patchedFiles(patch)) {
    if (f === SOLUTION_FILE) continue;
    violations.push(isTestPath(f, testFiles) ? `the patch edits the tests (${f})` : `the patch edits ${f}, not ${SOLUTION_FILE}`);
  }
  const touched = new Set<string>();
  const fp = parseDiff(patch).find((p) => p.newFile === SOLUTION_FILE || p.oldFile === SOLUTION_FILE);
  if (!fp) return { violations, touched: [] };
  const known = new Set(functions(buggy).map((f) => f.qualname));
  touchedFunctions(buggy, solutionDiff(patch) ?? "").forEach(({ hunk, functions: fns }) => {
    for (const fn of fns) {
      touched.add(fn);
      if (fn === "<module>" && diagnosed !== "<module>") {
        const changed = fp.hunks[hunk]!.lines.filter((l) => /^[+-]\S/.test(l) || /^[+-]$/.test(l));
        const bad = changed.filter((l) => !isPlumbing(l));
        if (bad.length) violations.push(`hunk ${hunk + 1} changes module-level code outside ${diagnosed}: ${JSON.stringify(bad[0])}`);
      } else if (!inDiagnosis(fn, diagnosed) && known.has(fn)) {
        violations.push(`hunk ${hunk + 1} changes ${fn}, but the diagnosis localises the bug in ${diagnosed}`);
      }
    }
  });
  return { violations, touched: [...touched] };
}
