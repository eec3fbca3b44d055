import { describe, expect, it } from "vitest";
import { staticContext } from "../../../test/support/task-context.js";
import { verifyTrajectory } from "../verify-trajectory.js";
import { errorRecoveryMultiTask } from "./verify.js";

// A failed attempt whose patch does not apply: honest when its feedback says so, invented when it claims a run.
const buggy = "def add(a, b):\n    return a - b\n";
const badPatch = "--- a/solution.py\n+++ b/solution.py\n@@ -1,2 +1,2 @@\n def add(a, b):\n-    return a * b\n+    return a + b\n";
const record = (feedback: object) => ({
  task: "error-recovery-multi",
  id: "no-apply",
  entry_point: "add",
  tests: { kind: "assert", code: "assert add(1, 2) == 3\n" },
  turns: [
    { code: buggy, feedback: { tests: [{ name: "assert add(1, 2) == 3", status: "fail", message: "got -1, expected 3" }] }, reflection: "add subtracts" },
    { patch: badPatch, feedback, reflection: "the patch did not match the code: send the whole function" },
    { code: "def add(a, b):\n    return a + b\n", feedback: { tests: [], all_pass: true } },
  ],
});

describe("error-recovery-multi: a patch that does not apply", () => {
  it("is a failed attempt when the turn's feedback records that it does not apply", async () => {
    const r = await verifyTrajectory(errorRecoveryMultiTask, record({ tests: [], error: "the patch does not apply: line 2 differs", all_pass: false }), staticContext());
    const turn1 = r.steps.filter((s) => s.name.startsWith("turn 1"));
    expect(turn1.filter((s) => s.label === "wrong")).toEqual([]);
    expect(turn1.filter((s) => s.label === "correct").length).toBe(2);
  });

  it("is an invention when the turn's feedback records a run of it", async () => {
    const r = await verifyTrajectory(errorRecoveryMultiTask, record({ tests: [{ name: "assert add(1, 2) == 3", status: "pass" }], all_pass: true }), staticContext());
    expect(r.verdict).toBe("fail");
    expect(r.steps[r.firstWrongStep]).toMatchObject({ errorType: "hallucinated-step" });
    expect(r.steps[r.firstWrongStep]!.name).toMatch(/^turn 1/);
  });
});
