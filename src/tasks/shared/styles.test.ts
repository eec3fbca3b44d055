// Test code and error text in other people's styles: HumanEval's check(candidate), unittest classes, pytest ids,
// explicitly empty messages, unittest's multi-line messages.
import { describe, expect, it } from "vitest";
import type { TestResult } from "../../core/result.js";
import type { TestTrace } from "../../exec/trace.js";
import { innerStatement } from "./assert-site.js";
import { entryAliases, tracedInputs, writtenInputs } from "./entry-inputs.js";
import { compareFeedback, findTest, parseErrorText, sameError, type InnerTests } from "./feedback.js";
import { onlyStatementAt, testFunctions, unittestAsStatements } from "./test-code.js";

const CHECK = "METADATA = {'author': 'x'}\n\n\ndef check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(2, 2) == 4, 'Test 2 failed'\n    for a in range(3):\n        assert candidate(a, 0) == a\n\n\ncheck(add)\n";

describe("test code", () => {
  it("finds HumanEval's check and the top-level call that runs it", () => {
    expect(testFunctions(CHECK)).toEqual([{ name: "check", startLine: 4, endLine: 8, params: ["candidate"], calledFrom: [11] }]);
    expect(innerStatement("assert candidate(2, 2) == 4, 'Test 2 failed'", CHECK)).toEqual({ line: 6, runBy: [11] });
    expect(innerStatement("line 5", CHECK)).toEqual({ line: 5, runBy: [11] });
    expect(innerStatement("assert candidate(9, 9) == 18", CHECK)).toBeUndefined();
    // the test function named by its own signature stands for the call that runs it
    expect(innerStatement("check(candidate)", CHECK)).toEqual({ line: 4, runBy: [11], whole: true });
    expect(compareFeedback([{ name: "check(candidate)", status: "fail", message: "AssertionError" }], [{ name: "line 11: check(add)", status: "fail", durationMs: 1, message: "AssertionError" }], { resolve: (n) => innerStatement(n, CHECK), failedAt: () => undefined })).toEqual([]);
    expect(compareFeedback([{ name: "check(candidate)", status: "pass" }], [{ name: "line 11: check(add)", status: "fail", durationMs: 1, message: "AssertionError" }], { resolve: (n) => innerStatement(n, CHECK), failedAt: () => undefined })).toHaveLength(1);
  });

  it("runs one test statement alone, keeping the line numbers", () => {
    const code = "def h(x):\n    return x\nassert h(1) == 1\nassert h(2) == 2\nh(3)\n";
    expect(onlyStatementAt(code, 4)).toBe("def h(x):\n    return x\n\nassert h(2) == 2\n\n");
  });

  it("turns unittest classes into one statement per test method, in place of the runner", () => {
    const ut = "import unittest\nclass T(unittest.TestCase):\n    def test_b(self):\n        self.assertEqual(f(1), 2)\n    def test_a(self):\n        pass\n    def helper(self):\n        pass\n\nif __name__ == '__main__':\n    unittest.main()\n";
    const out = unittestAsStatements(ut);
    expect(out.split("\n")[9]).toBe('T("test_a").debug(); T("test_b").debug()');
    expect(out.split("\n").length).toBe(ut.split("\n").length);
    expect(unittestAsStatements("import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n")).toMatch(/T\("test_a"\)\.debug\(\)\n$/);
    // explicit method calls (no runner) and plain asserts are left as they are
    const explicit = "import unittest\nclass T(unittest.TestCase):\n    def test_a(self):\n        pass\n\nT('test_a').test_a()\n";
    expect(unittestAsStatements(explicit)).toBe(explicit);
    expect(unittestAsStatements("assert f(1) == 2\n")).toBe("assert f(1) == 2\n");
  });
});

describe("entry inputs", () => {
  it("knows the names the entry goes by: itself, an assigned alias, a test function's parameter", () => {
    expect(entryAliases(CHECK, "add").sort()).toEqual(["add", "candidate"]);
    expect(entryAliases("g = add\nassert g(1, 1) == 2\n", "add").sort()).toEqual(["add", "g"]);
  });

  it("reads the written calls through any alias, in assert and pytest tests", () => {
    expect(writtenInputs({ kind: "assert", code: CHECK }, "add")).toEqual(["(1, 2,)", "(2, 2,)", "(a, 0,)"]);
    const py = { kind: "pytest" as const, files: { "test_a.py": "from solution import add\ndef test_a():\n    assert add(3, 4) == 7\n" } };
    expect(writtenInputs(py, "add")).toEqual(["(3, 4,)"]);
  });

  it("takes the arguments of the entry's calls from the test at run time, not its inner calls", () => {
    const frame = (id: number, fn: string, file: "test" | "solution", parent: number | null, args: Record<string, string>, argsCut: string[] = []) => ({ id, fn, file, parent, depth: 0, args, argsCut });
    const trace = {
      frames: [
        frame(0, "<module>", "test", null, {}),
        frame(1, "check", "test", 0, { candidate: "<function add>" }),
        frame(2, "add", "solution", 1, { a: "1", b: "[2, 3]" }),
        frame(3, "add", "solution", 2, { a: "0", b: "[]" }), // a recursive call: not from the test
        frame(4, "add", "solution", 1, { a: "'x'", b: "<object>" }), // not a literal
        frame(5, "add", "solution", 1, { a: "1", b: "[2, 3]" }), // the same input again
      ],
    } as unknown as TestTrace;
    expect(tracedInputs(trace, "add", ["a", "b"])).toEqual(["(1, [2, 3],)"]);
    expect(tracedInputs(trace, "add", ["a", "*b"])).toEqual(["(1, *[2, 3],)"]);
    expect(tracedInputs(trace, "add", ["a", "**kw"])).toEqual([]);
  });
});

describe("error text in other styles", () => {
  it("tells an explicitly empty message from no message", () => {
    expect(parseErrorText("AssertionError:")).toEqual({ type: "AssertionError", message: "", emptyMessage: true });
    expect(parseErrorText("AssertionError")).toEqual({ type: "AssertionError", message: "" });
    const bare = { type: "AssertionError", message: "" };
    expect(sameError(parseErrorText("AssertionError:"), bare).same).toBe(true);
    expect(sameError(parseErrorText("AssertionError:"), { type: "AssertionError", message: "Test 1 failed" }).same).toBe(false);
    expect(sameError(parseErrorText("AssertionError"), { type: "AssertionError", message: "Test 1 failed" }).same).toBe(true);
    // Vouch's own "got X, expected Y" for a plain assert is not a message Python gives
    expect(sameError(parseErrorText("AssertionError:"), { type: "AssertionError", message: "got 1, expected 2" }).same).toBe(true);
  });

  it("reads an exception whose message goes on over several lines (unittest's diff) as one message", () => {
    const e = parseErrorText("AssertionError: 'scalene' != 'isosceles'\n- scalene\n+ isosceles");
    expect(e.type).toBe("AssertionError");
    expect(e.message).toMatch(/^'scalene' != 'isosceles'/);
  });

  it("finds pytest and unittest tests by their function or class and function", () => {
    const tests = [{ name: "test_a.py::T::test_a" }, { name: "test_a.py::T::test_b" }, { name: "test_b.py::U::test_a" }];
    expect(findTest("test_b", tests)?.name).toBe("test_a.py::T::test_b");
    expect(findTest("T.test_a", tests)?.name).toBe("test_a.py::T::test_a");
    expect(findTest("test_a", tests)).toBeUndefined(); // two tests end so: not guessed
    const methods = [{ name: 'line 9: T("test_a").debug()' }, { name: "line 10: T('test_b').test_b()" }];
    expect(findTest("test_a", methods)?.name).toBe('line 9: T("test_a").debug()');
    expect(findTest("T.test_b", methods)?.name).toBe("line 10: T('test_b').test_b()");
  });
});

describe("feedback on asserts inside check(candidate)", () => {
  const fail = (name: string, message = "AssertionError"): TestResult => ({ name, status: "fail", durationMs: 1, message });
  const inner = (failedAt: number | undefined): InnerTests => ({ resolve: (n) => innerStatement(n, CHECK), failedAt: () => failedAt });
  const real = [fail("line 11: check(add)")];

  it("accepts the assert that really fails and the ones before it passing", () => {
    const recorded = [
      { name: "assert candidate(1, 2) == 3", status: "pass" as const },
      { name: "assert candidate(2, 2) == 4, 'Test 2 failed'", status: "fail" as const, message: "AssertionError" },
    ];
    expect(compareFeedback(recorded, real, inner(6))).toEqual([]);
  });

  it("flags an inner assert recorded failing when another one fails, or passing when it fails", () => {
    expect(compareFeedback([{ name: "line 5", status: "fail" }], real, inner(6))[0]).toMatch(/fails at the later line 6/);
    expect(compareFeedback([{ name: "line 6", status: "pass" }], real, inner(6))[0]).toMatch(/is the assert that fails/);
    expect(compareFeedback([{ name: "line 6", status: "fail", message: "" }], [fail("line 11: check(add)", "AssertionError: Test 2 failed")], inner(6))[0]).toMatch(/without a message/);
  });

  it("says nothing of an assert the failure never reached, or when the failure was not located", () => {
    expect(compareFeedback([{ name: "line 8", status: "pass" }], real, inner(6))).toEqual([]);
    expect(compareFeedback([{ name: "line 5", status: "fail" }], real, inner(undefined))).toEqual([]);
  });
});

describe("guards on test inputs", () => {
  const code = (guard: string) => `def f(a, b):\n${guard}    return a - b\n`;
  it("finds equality guards on the parameters that only return, and leaves edge-case guards alone", async () => {
    const { inputGuards, guardsOnInputs, withoutGuards } = await import("./guards.js");
    const g = inputGuards(code("    if (a, b) == (3, 4):\n        return 7\n    if a == 10 and b == 2:\n        return 12\n    if (a, b) in [(5, 6), (7, 8)]:\n        return 0\n"), "f");
    expect(g.map((x) => x.literals)).toEqual([["(3, 4)"], ["10", "2"], ["(5, 6)", "(7, 8)"]]);
    expect(inputGuards(code("    if not a:\n        return 0\n    if a == 0:\n        return b\n    if b < 2:\n        return 1\n    if a == b:\n        return 0\n"), "f")).toEqual([]);
    expect(inputGuards(code("    if a == 10:\n        print(a)\n        return 1\n"), "f")).toEqual([]); // the body does more than return
    expect(guardsOnInputs(g, ["(3, 4,)", "(1, 1,)"]).map((x) => x.condition)).toEqual(["(a, b) == (3, 4)"]);
    expect(guardsOnInputs(g, ["(10, 2,)"]).map((x) => x.condition)).toEqual(["a == 10 and b == 2"]);
    expect(guardsOnInputs(g, ["(110, 3,)"])).toEqual([]); // 10 is not an argument there
    expect(withoutGuards("def f(a):\n    if a == 7:\n        return 1\n    return a\n", inputGuards("def f(a):\n    if a == 7:\n        return 1\n    return a\n", "f"))).toBe("def f(a):\n    pass\n\n    return a\n");
  });
});
