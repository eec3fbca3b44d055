import { describe, expect, test } from "vitest";
import type { SuiteResult } from "../core/result.js";
import { allPass, feedbackOf, feedbackText } from "./turn-feedback.js";

const suite = (tests: SuiteResult["tests"], verdict: SuiteResult["verdict"] = "fail", message?: string): SuiteResult => ({ verdict, tests, truncated: false, ...(message ? { message } : {}) });

describe("turn feedback from a real SuiteResult", () => {
  test("every test that ran with its status and message, the first error, all_pass false", () => {
    const s = suite([
      { name: "line 1: assert f(1) == 1", status: "pass", durationMs: 1 },
      { name: "line 2: assert f(3) == 9", status: "fail", durationMs: 1, message: "AssertionError: got 6, expected 9" },
      { name: "line 3: assert f(0) == 0", status: "error", durationMs: 1, message: "ZeroDivisionError: division by zero (at solution.py:2)" },
      { name: "line 4: assert f(5) == 25", status: "skipped", durationMs: 0 },
    ]);
    expect(feedbackOf(s)).toEqual({
      tests: [
        { name: "line 1: assert f(1) == 1", status: "pass" },
        { name: "line 2: assert f(3) == 9", status: "fail", message: "AssertionError: got 6, expected 9" },
        { name: "line 3: assert f(0) == 0", status: "error", message: "ZeroDivisionError: division by zero (at solution.py:2)" },
      ],
      error: "AssertionError: got 6, expected 9",
      all_pass: false,
    });
    expect(allPass(s)).toBe(false);
  });

  test("a limit is an error without an invented message", () => {
    const fb = feedbackOf(suite([{ name: "line 1: assert slow()", status: "timeout", durationMs: 5000 }], "timeout"));
    expect(fb).toEqual({ tests: [{ name: "line 1: assert slow()", status: "error" }], all_pass: false });
  });

  test("code that does not load: no tests, the load error", () => {
    const fb = feedbackOf(suite([], "error", "SyntaxError: invalid syntax (solution.py, line 2)"));
    expect(fb).toEqual({ tests: [], error: "SyntaxError: invalid syntax (solution.py, line 2)", all_pass: false });
    expect(feedbackText(suite([], "error", "NameError: name 'x' is not defined"))).toBe("The code failed before any test ran:\nNameError: name 'x' is not defined");
  });

  test("all passing: all_pass true, no error", () => {
    const s = suite([{ name: "line 1: assert f(1) == 1", status: "pass", durationMs: 1 }], "pass");
    expect(feedbackOf(s)).toEqual({ tests: [{ name: "line 1: assert f(1) == 1", status: "pass" }], all_pass: true });
    expect(allPass(s)).toBe(true);
  });

  test("the text the model reads: a tally, then each test with its error indented", () => {
    const s = suite([
      { name: "line 1: assert f(1) == 1", status: "pass", durationMs: 1 },
      { name: "line 2: assert f(3) == 9", status: "fail", durationMs: 1, message: "AssertionError: got 6, expected 9" },
    ]);
    expect(feedbackText(s)).toBe("1/2 tests pass\nPASS  line 1: assert f(1) == 1\nFAIL  line 2: assert f(3) == 9\n      AssertionError: got 6, expected 9");
  });
});
