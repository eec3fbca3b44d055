import { describe, expect, it } from "vitest";
import { checkExplanation, deltaTokens, statedChanges } from "./explanation.js";
import { seedInputs } from "./beyond-visible.js";
import { isTestPath, patchScope } from "./scope.js";

const CODE = "def helper(x):\n    return x * 2\n\ndef f(xs):\n    total = 0\n    for i in range(len(xs) - 1):\n        total += helper(xs[i])\n    return total\n";
const FIX = "--- a/solution.py\n+++ b/solution.py\n@@ -5,3 +5,3 @@\n     total = 0\n-    for i in range(len(xs) - 1):\n+    for i in range(len(xs)):\n         total += helper(xs[i])\n";
const OTHER = "--- a/solution.py\n+++ b/solution.py\n@@ -1,2 +1,2 @@\n def helper(x):\n-    return x * 2\n+    return x * 3\n";

describe("patchScope", () => {
  it("accepts a patch inside the diagnosed function", () => {
    expect(patchScope(CODE, FIX, "f")).toEqual({ violations: [], touched: ["f"] });
  });
  it("flags a patch to another function, and one to the tests", () => {
    expect(patchScope(CODE, OTHER, "f").violations[0]).toMatch(/changes helper/);
    const tests = "--- a/tests.py\n+++ b/tests.py\n@@ -1 +1 @@\n-assert f([1]) == 2\n+assert f([1]) == 0\n";
    expect(patchScope(CODE, tests, "f").violations).toEqual(["the patch edits the tests (tests.py)"]);
  });
  it("lets an import through at module level but not other top-level code", () => {
    const imp = "--- a/solution.py\n+++ b/solution.py\n@@ -1,2 +1,3 @@\n+import math\n def helper(x):\n     return x * 2\n";
    expect(patchScope(CODE, imp, "f").violations).toEqual([]);
    const glob = "--- a/solution.py\n+++ b/solution.py\n@@ -1,2 +1,3 @@\n+LIMIT = 3\n def helper(x):\n     return x * 2\n";
    expect(patchScope(CODE, glob, "f").violations[0]).toMatch(/module-level/);
  });
  it("a rewritten def line (signature, decorator-free header, with or without the body) stays in its function", () => {
    const sig = "--- a/solution.py\n+++ b/solution.py\n@@ -4,2 +4,2 @@\n-def f(xs):\n+def f(xs, start=0):\n     total = 0\n";
    expect(patchScope(CODE, sig, "f")).toEqual({ violations: [], touched: ["f"] });
    // header and body rewritten together, the new header broken (a syntax matter, not a scope one)
    const both = "--- a/solution.py\n+++ b/solution.py\n@@ -4,3 +4,3 @@\n-def f(xs):\n-    total = 0\n+def f(xs)\n+    total = 1\n     for i in range(len(xs) - 1):\n";
    expect(patchScope(CODE, both, "f")).toEqual({ violations: [], touched: ["f"] });
    // rewriting helper's header is a change to helper
    const other = "--- a/solution.py\n+++ b/solution.py\n@@ -1,2 +1,2 @@\n-def helper(x):\n+def helper(x, k=2):\n     return x * 2\n";
    expect(patchScope(CODE, other, "f").violations[0]).toMatch(/changes helper/);
  });
  it("a top-level line added beyond the ones it replaces, or after context, is still module-level code", () => {
    const extra = "--- a/solution.py\n+++ b/solution.py\n@@ -4,2 +4,3 @@\n-def f(xs):\n+LIMIT = 3\n+def f(xs):\n     total = 0\n";
    // the first added top-level line takes the removed header's place; the second is new module-level code
    expect(patchScope(CODE, extra, "f").violations.some((v) => /module-level/.test(v))).toBe(true);
    const body = "--- a/solution.py\n+++ b/solution.py\n@@ -7,2 +7,3 @@\n-        total += helper(xs[i])\n+        total += helper(xs[i])\n+LIMIT = 3\n     return total\n";
    expect(patchScope(CODE, body, "f").violations[0]).toMatch(/module-level/);
  });
  it("knows test paths", () => {
    expect(["tests/test_a.py", "test_solution.py", "foo_test.py", "conftest.py"].every((p) => isTestPath(p))).toBe(true);
    expect(isTestPath("solution.py")).toBe(false);
  });
});

describe("checkExplanation", () => {
  const ctx = [CODE, CODE.replace("range(len(xs) - 1)", "range(len(xs))"), "assert f([1, 2]) == 6"];
  it("accepts an explanation naming the change", () => {
    expect(deltaTokens(FIX)).toEqual(expect.arrayContaining(["-", "1"]));
    expect(checkExplanation("The loop stopped at `len(xs) - 1`; it now runs over `range(len(xs))`.", FIX, ctx).verdict).toBe("ok");
  });
  it("flags a stated change the patch does not make", () => {
    expect(statedChanges("change `range(len(xs) - 1)` to `range(1, len(xs))`")).toEqual([{ from: "range(len(xs) - 1)", to: "range(1, len(xs))" }]);
    expect(checkExplanation("I change `range(len(xs) - 1)` to `range(1, len(xs))`.", FIX, ctx).verdict).toBe("inconsistent");
    expect(checkExplanation("Added a guard `if not xs: return 0`.", FIX, ctx).verdict).toBe("inconsistent");
  });
  it("flags an explanation that names nothing the patch changes", () => {
    expect(checkExplanation("The logic was subtly wrong for some inputs; now it is right.", FIX, ctx).verdict).toBe("pseudo");
  });
});

describe("seedInputs", () => {
  it("turns calls in assert tests into argument tuples, leaving out keyword calls", () => {
    const tests = { kind: "assert" as const, code: "assert f([1, 2]) == 3\nassert f(xs=[1]) == 1\nassert f('a', 2) == 0\n" };
    expect(seedInputs(tests, "f")).toEqual(["([1, 2],)", "('a', 2,)"]);
  });
});
