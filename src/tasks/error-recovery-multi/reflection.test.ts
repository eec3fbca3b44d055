import { describe, expect, it } from "vitest";
import { failureEvidence, mentionedEvidence } from "./reflection.js";
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
