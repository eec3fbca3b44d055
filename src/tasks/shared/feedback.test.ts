import { describe, expect, it } from "vitest";
import { compareFeedback, findTest, messageValues, normalizeMessage, parseErrorText, sameError, sortSetLiterals } from "./feedback.js";

describe("parseErrorText", () => {
  it("reads Vouch's test messages with their location", () => {
    expect(parseErrorText("IndexError: list index out of range (at solution.py:4)")).toEqual({ type: "IndexError", message: "list index out of range", line: 4 });
    expect(parseErrorText("AssertionError: got 7, expected 9")).toEqual({ type: "AssertionError", message: "got 7, expected 9" });
    expect(parseErrorText("exit code 1: ZeroDivisionError: integer division or modulo by zero").type).toBe("ZeroDivisionError");
    expect(parseErrorText("the solution does not load: SyntaxError: invalid syntax (solution.py, line 1)")).toEqual({ type: "SyntaxError", message: "invalid syntax", line: 1 });
  });
  it("reads a traceback: last exception line, last solution.py frame", () => {
    const tb = `Traceback (most recent call last):\n  File "/tmp/x/tests.py", line 9, in <module>\n    assert f([1]) == 1\n  File "/tmp/x/solution.py", line 3, in f\n    return xs[i]\nIndexError: list index out of range`;
    expect(parseErrorText(tb)).toEqual({ type: "IndexError", message: "list index out of range", line: 3 });
  });
  it("reads a SyntaxError report with its caret", () => {
    const rep = `  File "solution.py", line 1\n    def f(n)\n            ^\nSyntaxError: expected ':'`;
    expect(parseErrorText(rep)).toEqual({ type: "SyntaxError", message: "expected ':'", line: 1 });
  });
  it("keeps text that names no exception as a message with no type", () => {
    expect(parseErrorText('line 1: expected "3" got "2"')).toEqual({ type: "", message: 'line 1: expected "3" got "2"' });
  });
  it("takes the last part of a dotted exception name", () => {
    expect(parseErrorText("json.decoder.JSONDecodeError: Expecting value").type).toBe("JSONDecodeError");
  });
});

describe("normalizeMessage / sameError", () => {
  it("sorts set literals (hash order) but not dicts", () => {
    expect(sortSetLiterals("got {'c', 'a', 'b'}, expected {'a'}")).toBe("got {'a', 'b', 'c'}, expected {'a'}");
    expect(sortSetLiterals("{'b': 1, 'a': 2}")).toBe("{'b': 1, 'a': 2}");
  });
  it("drops addresses, temp paths, quote style and spacing", () => {
    expect(normalizeMessage("<object at 0x7f3a2b1c0d90> in /tmp/abc/solution.py")).toBe(normalizeMessage("<object at 0x55aa00ff11> in /work/solution.py"));
    expect(normalizeMessage('got [1,2], expected "a"')).toBe(normalizeMessage("got [1, 2], expected 'a'"));
  });
  it("tells a different type, message or line apart", () => {
    const real = parseErrorText("ZeroDivisionError: division by zero (at solution.py:8)");
    expect(sameError({ type: "ZeroDivisionError", message: "division by zero" }, real).same).toBe(true);
    expect(sameError({ type: "ZeroDivisionError", message: "" }, real).same).toBe(true);
    expect(sameError({ type: "ValueError", message: "division by zero" }, real).same).toBe(false);
    expect(sameError({ type: "ZeroDivisionError", message: "float division by zero" }, real).same).toBe(false);
    expect(sameError({ type: "ZeroDivisionError", message: "division by zero", line: 7 }, real).same).toBe(false);
  });
  it("same set in another order is the same assert failure", () => {
    const real = parseErrorText("AssertionError: got {'c', 'a', 'b'}, expected {'a'}");
    expect(sameError(parseErrorText("AssertionError: got {'a', 'b', 'c'}, expected {'a'}"), real).same).toBe(true);
    expect(sameError(parseErrorText("AssertionError: got {'a', 'b'}, expected {'a'}"), real).same).toBe(false);
  });
});

describe("findTest / compareFeedback", () => {
  const actual = [
    { name: "line 1: assert f([1,2]) == 3", status: "error" as const, durationMs: 1, message: "IndexError: list index out of range (at solution.py:4)" },
    { name: "line 2: assert g(4, 2) == 2", status: "pass" as const, durationMs: 1 },
  ];
  it("finds a test by name, statement or line", () => {
    expect(findTest("assert f([1, 2]) == 3", actual)?.name).toBe(actual[0]!.name);
    expect(findTest("line 2", actual)?.name).toBe(actual[1]!.name);
    expect(findTest("assert f([9]) == 9", actual)).toBeUndefined();
  });
  it("agrees with true feedback and flags each invented part", () => {
    expect(compareFeedback([{ name: "line 1", status: "error", message: "IndexError: list index out of range" }, { name: "line 2", status: "pass" }], actual)).toEqual([]);
    expect(compareFeedback([{ name: "line 2", status: "fail" }], actual)).toHaveLength(1);
    expect(compareFeedback([{ name: "line 1", status: "fail", message: "TypeError: 'int' object is not iterable" }], actual)[0]).toMatch(/claimed TypeError/);
    expect(compareFeedback([{ name: "assert h(1) == 1", status: "pass" }], actual)[0]).toMatch(/does not exist/);
  });
  it("pulls quotable values out of failure messages", () => {
    expect(messageValues("got 7, expected 9")).toEqual(["7", "9"]);
    expect(messageValues("'NoneType' object is not subscriptable")).toEqual(["NoneType"]);
  });
});
