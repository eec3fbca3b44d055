import { describe, expect, it } from "vitest";
import type { SuiteResult } from "../core/result.js";
import { compareTurn, feedbackDiff } from "./compare.js";
import { runDisagreements } from "./flaky.js";
import { ReplayFeedback } from "./schema.js";

const suite = (tests: SuiteResult["tests"]): SuiteResult => ({ verdict: tests.every((t) => t.status === "pass") ? "pass" : "fail", tests, truncated: false });
const real = suite([
  { name: "line 1: assert f({1, 2}) == 3", status: "fail", durationMs: 1, message: "AssertionError: got {'b', 'a', 'c'}, expected 3" },
  { name: "line 2: assert g(0) == 0", status: "error", durationMs: 1, message: "ZeroDivisionError: division by zero (at solution.py:3 in g)" },
  { name: "line 3: assert g(1) == 1", status: "pass", durationMs: 1 },
]);
const fb = (v: unknown) => ReplayFeedback.parse(v);

describe("compareTurn", () => {
  it("agrees with a record that differs only in what is volatile (set order, addresses)", () => {
    const rec = fb({ tests: [{ name: "line 1", status: "fail", message: "AssertionError: got {'a', 'b', 'c'}, expected 3" }], errors: ["ZeroDivisionError: division by zero (at solution.py:3)"], passed: 1, failed: 2 });
    expect(compareTurn(rec, real)).toEqual([]);
  });
  it("charges a wrong type, a wrong line, a wrong tally and an invented pass", () => {
    expect(compareTurn(fb({ errors: ["TypeError: bad operand"] }), real)[0]).toMatch(/TypeError/);
    expect(compareTurn(fb({ tests: [{ name: "line 2", status: "error", message: "ZeroDivisionError: division by zero (at solution.py:4)" }] }), real)[0]).toMatch(/line 4.*line 3/);
    expect(compareTurn(fb({ passed: 3, failed: 0 }), real)).toEqual(["records 3 passed; really 1 of 3 pass", "records 0 failed; really 2 of 3 fail"]);
    expect(compareTurn(fb({ all_pass: true }), real)[0]).toMatch(/records all tests passing/);
  });
  it("shows the disagreement as a unified diff of recorded against real", () => {
    const d = feedbackDiff(fb({ tests: [{ name: "line 3", status: "fail", message: "AssertionError: got 2, expected 1" }] }), real);
    expect(d).toContain("-FAILED line 3\n-    AssertionError: got 2, expected 1\n+PASSED line 3");
  });
});

describe("runDisagreements", () => {
  it("says nothing for runs that differ only in volatile text, and names the test whose outcome changes", () => {
    const a = suite([{ name: "t", status: "fail", durationMs: 1, message: "AssertionError: got <X object at 0x7f00aa>, expected 1" }]);
    const b = suite([{ name: "t", status: "fail", durationMs: 9, message: "AssertionError: got <X object at 0x7f11bb>, expected 1" }]);
    const c = suite([{ name: "t", status: "pass", durationMs: 1 }]);
    expect(runDisagreements([a, b])).toEqual([]);
    expect(runDisagreements([a, b, c])[0]).toMatch(/^t: fail .* in 2 of 3 runs; pass in 1 of 3 runs$/);
  });
});
