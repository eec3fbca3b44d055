import { describe, expect, it } from "vitest";
import {
  applyDiff,
  callsTo,
  codeMetrics,
  functions,
  identifiers,
  imports,
  missingImports,
  patchedFiles,
  syntaxErrors,
  touchedFunctions,
  undefinedNames,
} from "./index.js";

const SAMPLE = `import os, numpy as np
from collections import Counter as C, deque
from . import sibling
def f(a, b=2, *args, c: int = 3, **kw):
    try:
        pass
    except ValueError as e:
        print(e)
    with open(a) as fh, g() as (p, q):
        y = [i for i in range(3) if i]
    lam = lambda z, w=1: z
    if (n := 3) > 2: pass
    for k, (v1, v2) in kw.items(): pass
    return f(a, key=1).attr
class K(Base):
    def m(self): return self.x
`;

describe("syntaxErrors", () => {
  it("finds nothing in valid code", () => {
    expect(syntaxErrors(SAMPLE)).toEqual([]);
  });
  it("gives the line of an incomplete expression", () => {
    const issues = syntaxErrors("def f(x):\n    return x +\n\nprint(f(1))\n");
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.line).toBe(2);
  });
  it("reports a missing colon", () => {
    const issues = syntaxErrors("def f(x)\n    return x\n");
    expect(issues.map((i) => i.line)).toContain(1);
  });
});

describe("names", () => {
  it("knows every binding form, so only truly undefined names are reported", () => {
    expect(undefinedNames(SAMPLE).map((u) => u.name)).toEqual(["g", "Base"]);
  });
  it("reports an undefined name with its line, and accepts names a harness provides", () => {
    const code = "def area(r):\n    return PI * r * r\n";
    expect(undefinedNames(code)).toEqual([{ name: "PI", line: 2 }]);
    expect(undefinedNames(code, { extra: ["PI"] })).toEqual([]);
  });
  it("does not take attribute or keyword names for variables", () => {
    expect(undefinedNames("import math\nx = math.floor(3.2)\nprint(x, sep='')\n")).toEqual([]);
  });
  it("lists identifiers, attributes included", () => {
    const ids = identifiers("import heapq\nheapq.heappush(h, 1)\n");
    expect(ids.has("heappush")).toBe(true);
    expect(ids.has("h")).toBe(true);
  });
});

describe("imports", () => {
  it("gives top-level modules and skips relative imports", () => {
    expect(imports(SAMPLE)).toEqual([
      { module: "os", line: 1 },
      { module: "numpy", line: 1 },
      { module: "collections", line: 2 },
    ]);
  });
  it("flags modules the image does not have, not the record's own files", () => {
    const modules = new Set(["os", "collections"]);
    expect(missingImports(SAMPLE, modules)).toEqual([{ module: "numpy", line: 1 }]);
    expect(missingImports("import helpers\n", modules, ["helpers"])).toEqual([]);
  });
});

describe("functions and metrics", () => {
  it("lists functions and methods with qualnames and line spans", () => {
    const fns = functions(SAMPLE);
    expect(fns.map((f) => [f.qualname, f.startLine, f.endLine])).toEqual([
      ["f", 4, 14],
      ["K.m", 16, 16],
    ]);
    expect(fns[0]!.params).toEqual(["a", "b", "*args", "c", "**kw"]);
  });
  it("measures nesting depth by control blocks", () => {
    const code = "def f(xs):\n    for x in xs:\n        if x:\n            while x:\n                x -= 1\n    return 0\n";
    expect(codeMetrics(code).maxNestingDepth).toBe(3);
    expect(functions("def g():\n    return 1\n")[0]!.nestingDepth).toBe(0);
  });
  it("finds unused imports, parameters and locals, not names read in nested scopes", () => {
    const code = [
      "import os",
      "import sys",
      "def f(a, b, self=None):",
      "    tmp = 3",
      "    total = 0",
      "    def inner():",
      "        return total",
      "    print(sys.argv)",
      "    return inner() + a",
    ].join("\n");
    expect(codeMetrics(code).unusedNames).toEqual([
      { name: "os", line: 1, kind: "import" },
      { name: "b", line: 3, kind: "parameter" },
      { name: "tmp", line: 4, kind: "variable" },
    ]);
  });
});

describe("callsTo", () => {
  it("extracts argument lists as written from assert tests", () => {
    const tests = "assert add(1, [2, 3]) == 6\nassert obj.add(4) == 4\nassert other(add) == 1\n";
    expect(callsTo(tests, "add")).toEqual([
      { line: 1, argsText: "(1, [2, 3])" },
      { line: 2, argsText: "(4)" },
    ]);
  });
});

const CODE = `def mean(xs):
    total = 0
    for x in xs:
        total += x
    return total / len(xs)


def median(xs):
    s = sorted(xs)
    return s[len(s) // 2]
`;

const PATCH = `--- a/solution.py
+++ b/solution.py
@@ -7,4 +7,7 @@
 
 def median(xs):
     s = sorted(xs)
-    return s[len(s) // 2]
+    n = len(s)
+    if n % 2:
+        return s[n // 2]
+    return (s[n // 2 - 1] + s[n // 2]) / 2
`;

describe("diffs", () => {
  it("applies a unified diff and maps its hunk to the function it changes", () => {
    const r = applyDiff(CODE, PATCH);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.code).toContain("return (s[n // 2 - 1] + s[n // 2]) / 2");
    expect(touchedFunctions(CODE, PATCH)).toEqual([{ hunk: 0, functions: ["median"] }]);
    expect(patchedFiles(PATCH)).toEqual(["solution.py"]);
  });
  it("says which line does not match when the context is wrong", () => {
    const bad = PATCH.replace("     s = sorted(xs)", "     s = sorted(xs, reverse=True)");
    const r = applyDiff(CODE, bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/line 9 is "    s = sorted\(xs\)"/);
  });
  it("refuses a diff that is not a diff", () => {
    expect(applyDiff(CODE, "please change median").ok).toBe(false);
  });
  it("attributes a new top-level function to the module, and an edit at the end of a body to its function", () => {
    const addFn = "--- a/solution.py\n+++ b/solution.py\n@@ -10,1 +10,4 @@\n     return s[len(s) // 2]\n+\n+def mode(xs):\n+    return max(xs, key=xs.count)\n";
    expect(touchedFunctions(CODE, addFn)).toEqual([{ hunk: 0, functions: ["<module>"] }]);
    const endOfMean = "--- a/solution.py\n+++ b/solution.py\n@@ -5,2 +5,3 @@\n     return total / len(xs)\n+    # unreachable\n \n";
    expect(touchedFunctions(CODE, endOfMean)).toEqual([{ hunk: 0, functions: ["mean"] }]);
  });
});
