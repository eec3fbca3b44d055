import { describe, expect, it } from "vitest";
import { claimedValues, failureEvidence, inventedExceptions, inventedValues, judgeReflection, mentionedEvidence } from "./reflection.js";
import { resolveTurns, turnSteps } from "./verify.js";

const failing = [{ name: "line 2: assert f([1, 2]) == 3", status: "fail" as const, durationMs: 1, message: "AssertionError: got 2, expected 3" }];
const crash = [{ name: "line 1: assert g(0) == 1", status: "error" as const, durationMs: 1, message: "ZeroDivisionError: division by zero (at solution.py:2)" }];

describe("reflections", () => {
  it("collects what a reflection could point at", () => {
    expect(failureEvidence(failing)).toEqual(expect.arrayContaining(["2", "3", "f([1,2])==3", "[1,2]"]));
    expect(failureEvidence(crash)).toEqual(expect.arrayContaining(["ZeroDivisionError", "division by zero"]));
  });
  it("accepts a reflection on the real failure and rejects an unrelated one", () => {
    expect(mentionedEvidence("f([1, 2]) returns 2, not 3: the last element is skipped", failureEvidence(failing))).toBeDefined();
    expect(mentionedEvidence("The division by zero comes from g(0).", failureEvidence(crash))).toBe("division by zero");
    expect(mentionedEvidence("Probably an off-by-one in the loop bounds.", failureEvidence(crash))).toBeUndefined();
  });
});

describe("reflections citing the values an assert's own message states", () => {
  const own = [{ name: 'line 2: assert len(res) == 3, f"expected 3 windows, got {len(res)}"', status: "fail" as const, durationMs: 1, message: "AssertionError: expected 3 windows, got 2" }];
  const plain = [{ name: "line 4: assert g([5], 1) == [5.0]", status: "fail" as const, durationMs: 1, message: "AssertionError: got [], expected [5.0]" }];
  it("a reflection giving the message's values in its own words cites the failure", () => {
    for (const r of ["got 2 windows for the input with k=2; expected 3 windows.", "Only 2 windows where 3 were expected for this input.", "It returned 2 items, but expected 3."]) {
      expect(judgeReflection(r, [...own, ...plain]).label, r).toBe("correct");
    }
    expect(claimedValues("2 windows where 3 were expected")).toEqual({ got: ["2"], expected: ["3"] });
  });
  it("values the message did not show are still invented", () => {
    const v = judgeReflection("got 5 windows; expected 3 windows.", [...own, ...plain]);
    expect(v.label).toBe("wrong");
    expect(v.evidence).toMatch(/got 5/);
    expect(inventedValues("got 4, expected 3", own)).toEqual(["got 4"]);
  });
});

describe("turns", () => {
  it("numbers steps per turn and resolves patches against the previous code", () => {
    const turns = [
      { code: "x = 1\n", feedback: { tests: [] }, reflection: "r" },
      { patch: "--- a/solution.py\n+++ b/solution.py\n@@ -1 +1 @@\n-x = 1\n+x = 2\n", feedback: { tests: [] } },
      { patch: "--- a/solution.py\n+++ b/solution.py\n@@ -1 +1 @@\n-x = 7\n+x = 3\n", feedback: { tests: [] } },
    ];
    expect(turnSteps(turns)).toEqual([{ code: 0, feedback: 1, reflection: 2 }, { code: 3, feedback: 4 }, { code: 5, feedback: 6 }]);
    const r = resolveTurns(turns);
    expect(r[1]!.code).toBe("x = 2\n");
    expect(r[2]!.code).toBeUndefined();
    expect(r[2]!.reason).toMatch(/turn 1's code/);
  });
});

describe("reflections on bare assertion failures (HumanEval's check(candidate))", () => {
  const bare = [{ name: "line 9: check(add)", status: "fail" as const, durationMs: 1, message: "AssertionError" }];
  const withMessage = [{ name: "line 9: check(add)", status: "fail" as const, durationMs: 1, message: "AssertionError: Test 2 failed" }];
  const site = new Map([["line 9: check(add)", { line: 4, text: "assert candidate(2, 2) == 4", fn: "check", got: "0" }]]);

  it("counts citing what is observable: the AssertionError, the test that ran, the assert's own message", () => {
    expect(judgeReflection("check(add) fails with an AssertionError, so add must be wrong for some input.", bare).label).toBe("correct");
    expect(judgeReflection("The assertion in check failed; the subtraction is the wrong operator.", bare).label).toBe("correct");
    expect(judgeReflection("Test 2 failed: I subtract where I should add.", withMessage).label).toBe("correct");
    expect(failureEvidence(withMessage)).toContain("Test 2 failed");
  });

  it("is unverifiable when nothing specific can be observed and the reflection cites none of it", () => {
    expect(judgeReflection("I will rewrite the function more carefully.", bare).label).toBe("unverifiable");
  });

  it("cites the located failing assert, its arguments and the value returned there", () => {
    expect(judgeReflection("candidate(2, 2) returned 0 instead of 4.", bare, site).label).toBe("correct");
    expect(judgeReflection("I will rewrite the function more carefully.", bare, site).label).toBe("wrong");
  });

  it("calls a reflection on a failure that did not happen a pseudo-explanation", () => {
    expect(judgeReflection("The IndexError shows the loop runs past the end of the list.", bare)).toMatchObject({ label: "wrong" });
    expect(inventedExceptions("An IndexError: the loop runs past the end.", bare)).toEqual(["IndexError"]);
    // values the failure did not show, where the real ones are known
    expect(claimedValues("The assert reported got 7 where 9 was expected")).toEqual({ got: ["7", "7"], expected: ["9"] });
    expect(judgeReflection("The assert reported got 7 where 9 was expected, so one factor is missing.", bare, site).label).toBe("wrong");
    expect(judgeReflection("The assert got 0 where 4 was expected.", bare, site).label).toBe("correct");
    // no real values known: nothing to contradict
    expect(inventedValues("got 7 where 9 was expected", bare)).toEqual([]);
  });

  it("does not count an exception named as what did not or could happen", () => {
    expect(inventedExceptions("A logic slip rather than a crash such as IndexError; the sum is off.", bare)).toEqual([]);
    expect(inventedExceptions("It does not raise a TypeError, it just returns the wrong sum.", bare)).toEqual([]);
  });

  it("does not call a reflection wrong for naming another exception beside the real one", () => {
    expect(judgeReflection("No IndexError here: the AssertionError means the sum is wrong.", bare).label).toBe("correct");
  });
});
