import { describe, expect, it } from "vitest";
import { functions } from "../../analysis/index.js";
import { diagnosedLines, diagnosisPatchMismatch, logicalStarts, patchedLines } from "./diagnosis.js";

const CODE = "def chunk(xs, k):\n    out = []\n    for i in range(0, len(xs) - k, k):\n        out.append(xs[i:i + k])\n    return out\n";
const FIX = "--- a/solution.py\n+++ b/solution.py\n@@ -1,5 +1,5 @@\n def chunk(xs, k):\n     out = []\n-    for i in range(0, len(xs) - k, k):\n+    for i in range(0, len(xs), k):\n         out.append(xs[i:i + k])\n     return out\n";
const GUARD = "--- a/solution.py\n+++ b/solution.py\n@@ -1,3 +1,5 @@\n def chunk(xs, k):\n+    if not xs:\n+        return []\n     out = []\n     for i in range(0, len(xs) - k, k):\n";
const fn = functions(CODE)[0]!;
const lines = (line: number | undefined, text = "") => diagnosedLines(CODE, { line, text }, fn);

describe("diagnosed line vs patched lines", () => {
  it("knows which lines a patch rewrites and where it only inserts", () => {
    expect(patchedLines(FIX)).toEqual({ rewritten: new Set([3]), insertedNear: new Set() });
    expect(patchedLines(GUARD)).toEqual({ rewritten: new Set(), insertedNear: new Set([1, 2]) });
  });

  it("accepts a diagnosis on the line the patch rewrites", () => {
    expect(diagnosisPatchMismatch(CODE, FIX, lines(3))).toBeUndefined();
  });

  it("flags a diagnosis on another line of the function, even the next one", () => {
    expect(diagnosisPatchMismatch(CODE, FIX, lines(4))).toMatch(/points at line 4 .* changes line 3/);
    expect(diagnosisPatchMismatch(CODE, FIX, lines(5))).toBeDefined();
  });

  it("takes the lines the diagnosis text names (line N, quoted code), and not the def line", () => {
    expect(lines(4, "The error shows on line 4, but the range on line 3 stops early")).toEqual([3, 4]);
    expect(diagnosisPatchMismatch(CODE, FIX, lines(4, "The error shows on line 4, but the range on line 3 stops early"))).toBeUndefined();
    expect(lines(undefined, "Root cause: `out.append(xs[i:i + k])` appends the wrong slice")).toEqual([4]);
    expect(lines(1, "the function forgets the last chunk")).toEqual([]);
  });

  it("cannot decide for a patch that only inserts lines (a guard above the failing line), or with no diagnosed line", () => {
    expect(diagnosisPatchMismatch(CODE, GUARD, lines(3))).toBeUndefined();
    expect(diagnosisPatchMismatch(CODE, FIX, [])).toBeUndefined();
  });

  it("counts a statement written over several lines as one", () => {
    const code = "def f(xs):\n    return sum(\n        x for x in xs\n        if x > 0)\n";
    expect(logicalStarts(code).slice(1)).toEqual([1, 2, 2, 2, 5]);
    const patch = "--- a/solution.py\n+++ b/solution.py\n@@ -2,3 +2,3 @@\n     return sum(\n         x for x in xs\n-        if x > 0)\n+        if x >= 0)\n";
    expect(diagnosisPatchMismatch(code, patch, [2])).toBeUndefined();
  });
});

describe("lines the diagnosis text names", () => {
  it("leaves out lines of the tests", () => {
    expect(diagnosedLines(CODE, { text: "The assert on line 2 of the tests fails because line 3 stops early" }, fn)).toEqual([3]);
  });
});
