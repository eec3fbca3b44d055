// The four causes of issue 12 on the real engine, each on records of its own (not the fixture sets): HumanEval
// check(candidate) tests with bare asserts, diagnosed vs patched lines, guard pseudo-fixes reached through an
// alias, and loop values that repeat; plus unittest classes and the claims the schemas gained.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTaskContext } from "../../../test/support/task-context.js";
import { errorRecoveryTask } from "../error-recovery/verify.js";
import { errorRecoveryMultiTask } from "../error-recovery-multi/verify.js";
import { unitTestWalkthroughTask } from "../unit-test-walkthrough/verify.js";
import type { TaskDefinition } from "../types.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";

let ctx: TrajectoryContext;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ ctx, close } = await openTaskContext());
}, 600_000);
afterAll(async () => close?.());

const diff = (hunk: string) => `--- a/solution.py\n+++ b/solution.py\n${hunk}`;
async function first<T>(task: TaskDefinition<T>, rec: { id: string }) {
  const r = await verifyTrajectory(task, rec, ctx);
  return { verdict: r.verdict, step: r.firstWrongStep, type: r.steps[r.firstWrongStep]?.errorType, evidence: r.steps.map((s) => `${s.index} ${s.label}: ${s.evidence}`).join("\n") };
}

// ---------------------------------------------------------------- error-recovery
const ADD_TESTS = { kind: "assert", code: "def check(candidate):\n    assert candidate(1, 2) == 3\n    assert candidate(2, 5) == 7\n\n\ncheck(add)\n" };
const BUGGY_ADD = "def add(a, b):\n    total = a\n    total = total - b\n    return total\n";
const FIX_ADD = diff("@@ -1,4 +1,4 @@\n def add(a, b):\n     total = a\n-    total = total - b\n+    total = total + b\n     return total\n");
const er = (over: Record<string, unknown>) => ({
  task: "error-recovery", id: "er", entry_point: "add", buggy_code: BUGGY_ADD, tests: ADD_TESTS,
  reference: "def add(a, b):\n    return a + b\n", failing_test: "line 6: check(add)", claimed_error: "AssertionError",
  diagnosis: { function: "add", line: 3, text: "`total - b` subtracts" }, patch: FIX_ADD,
  explanation: "Change `total - b` to `total + b`.", claimed_result: { all_pass: true }, ...over,
});

describe("error-recovery on HumanEval-style tests", () => {
  it("a sound record with a bare AssertionError from check(candidate) passes, naming the call or the inner assert", { timeout: 120_000 }, async () => {
    expect((await first(errorRecoveryTask, er({}))).verdict).toBe("pass");
    expect((await first(errorRecoveryTask, er({ failing_test: "assert candidate(1, 2) == 3", claimed_error: "AssertionError:" }))).verdict).toBe("pass");
    expect((await first(errorRecoveryTask, er({ failing_test: "check(candidate)" }))).verdict).toBe("pass");
  });

  it("an inner assert that is not the one failing, or a message Python does not give, is hallucinated", { timeout: 120_000 }, async () => {
    expect(await first(errorRecoveryTask, er({ failing_test: "assert candidate(2, 5) == 7" }))).toMatchObject({ step: 0, type: "hallucinated-step" });
    expect(await first(errorRecoveryTask, er({ claimed_error: "AssertionError: got -1, expected 3" }))).toMatchObject({ step: 0, type: "hallucinated-step" });
  });

  it("a diagnosis on another line than the one the patch changes is inconsistent (step 1)", { timeout: 120_000 }, async () => {
    const r = await first(errorRecoveryTask, er({ diagnosis: { function: "add", line: 2, text: "Root cause: `total = a` starts from the wrong value" } }));
    expect(r, r.evidence).toMatchObject({ step: 1, type: "inconsistent-step" });
  });

  it("a guard on the test inputs, reached only through check's `candidate`, is a pseudo-fix; an edge-case guard is not", { timeout: 120_000 }, async () => {
    const guard = diff("@@ -1,4 +1,8 @@\n def add(a, b):\n+    if (a, b) == (1, 2):\n+        return 3\n+    if (a, b) == (2, 5):\n+        return 7\n     total = a\n     total = total - b\n     return total\n");
    const g = await first(errorRecoveryTask, er({ diagnosis: { function: "add", text: "wrong for the tested inputs" }, patch: guard, explanation: "Return `3` and `7` for the tested inputs." }));
    expect(g, g.evidence).toMatchObject({ step: 2, type: "pseudo-fix" });
    // with no reference and no hidden tests: the guards are flagged because without them the tests fail
    const noRef = await first(errorRecoveryTask, er({ reference: undefined, diagnosis: { function: "add", text: "wrong for the tested inputs" }, patch: guard, explanation: "Return `3` and `7` for the tested inputs." }));
    expect(noRef, noRef.evidence).toMatchObject({ step: 2, type: "pseudo-fix" });
    expect(noRef.evidence).toMatch(/input-specific guards/);
    const mean = {
      task: "error-recovery", id: "mean", entry_point: "mean", buggy_code: "def mean(xs):\n    return sum(xs) / len(xs)\n",
      tests: { kind: "assert", code: "def check(candidate):\n    assert candidate([1, 3]) == 2\n    assert candidate([]) == 0\n\n\ncheck(mean)\n" },
      reference: "def mean(xs):\n    if not xs:\n        return 0\n    return sum(xs) / len(xs)\n", failing_test: "line 6: check(mean)",
      claimed_error: "ZeroDivisionError: division by zero", diagnosis: { function: "mean", line: 2, text: "divides by len(xs), 0 for []" },
      patch: diff("@@ -1,2 +1,4 @@\n def mean(xs):\n+    if not xs:\n+        return 0\n     return sum(xs) / len(xs)\n"),
      explanation: "Add the guard `if not xs:` returning 0.", claimed_result: { all_pass: true },
    };
    const m = await first(errorRecoveryTask, mean);
    expect(m.verdict, m.evidence).toBe("pass");
  });
});

// ---------------------------------------------------------------- error-recovery-multi
const erm = (reflection: string, tests: unknown = ADD_TESTS, feedback: unknown = { tests: [{ name: "line 6", status: "fail", message: "AssertionError" }] }) => ({
  task: "error-recovery-multi", id: "erm", entry_point: "add", tests, reference: "def add(a, b):\n    return a + b\n",
  turns: [{ code: BUGGY_ADD, feedback, reflection }, { patch: FIX_ADD, feedback: { all_pass: true } }],
});

describe("error-recovery-multi on HumanEval-style and unittest tests", () => {
  it("reflections citing what a bare AssertionError shows pass; one citing nothing is unverifiable, not wrong", { timeout: 120_000 }, async () => {
    expect((await first(errorRecoveryMultiTask, erm("check(add) raised a bare AssertionError: add gives the wrong sum."))).verdict).toBe("pass");
    expect((await first(errorRecoveryMultiTask, erm("candidate(1, 2) returned -1, not 3: it subtracts."))).verdict).toBe("pass");
    const r = await verifyTrajectory(errorRecoveryMultiTask, erm("I will rewrite it."), ctx);
    // the failing assert was located (candidate(1, 2) returned -1), so there was something specific to cite
    expect(r.steps[2]).toMatchObject({ label: "wrong", errorType: "pseudo-explanation" });
  });

  it("a reflection citing values the failure never showed is a pseudo-explanation", { timeout: 120_000 }, async () => {
    expect(await first(errorRecoveryMultiTask, erm("The assert got 7 where 9 was expected, so a term is missing."))).toMatchObject({ step: 2, type: "pseudo-explanation" });
  });

  it("feedback naming check's inner asserts is checked against the assert that really fails", { timeout: 120_000 }, async () => {
    const ok = erm("candidate(1, 2) gives -1.", ADD_TESTS, { tests: [{ name: "assert candidate(1, 2) == 3", status: "fail", message: "AssertionError" }] });
    expect((await first(errorRecoveryMultiTask, ok)).verdict).toBe("pass");
    const bad = erm("candidate(1, 2) gives -1.", ADD_TESTS, { tests: [{ name: "assert candidate(1, 2) == 3", status: "pass" }, { name: "assert candidate(2, 5) == 7", status: "fail" }] });
    expect(await first(errorRecoveryMultiTask, bad)).toMatchObject({ step: 1, type: "hallucinated-step" });
  });

  it("unittest classes run per test method, named by their method", { timeout: 120_000 }, async () => {
    const ut = { kind: "assert", code: "import unittest\n\nclass T(unittest.TestCase):\n    def test_a(self):\n        self.assertEqual(add(1, 2), 3)\n    def test_b(self):\n        self.assertEqual(add(0, 0), 0)\n\nif __name__ == '__main__':\n    unittest.main()\n" };
    const rec = erm("test_a: AssertionError: -1 != 3, the operator is wrong.", ut, { tests: [{ name: "test_a", status: "fail", message: "AssertionError: -1 != 3" }, { name: "test_b", status: "pass" }] });
    const r = await first(errorRecoveryMultiTask, rec);
    expect(r.verdict, r.evidence).toBe("pass");
  });
});

// ---------------------------------------------------------------- unit-test-walkthrough
const SUM = "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n";
const walk = (steps: unknown[], over: Record<string, unknown> = {}) => ({
  task: "unit-test-walkthrough", id: "w", code: SUM, entry_point: "total", test: "assert total([2, 2, 2]) == 6", steps, predicted_return: "6", predicted_verdict: "pass", ...over,
});
const S = {
  init: { line: 2, vars: { s: "0" } }, loop: { line: 3, vars: { x: "2" } },
  add: (s: string) => ({ line: 4, vars: { s } }), ret: { line: 5, returns: "6" },
};

describe("walkthroughs whose loop values repeat", () => {
  it("a slip equal to a later iteration's value is wrong at its own step", { timeout: 120_000 }, async () => {
    const sound = [S.init, S.loop, S.add("2"), S.loop, S.add("4"), S.loop, S.add("6"), S.loop, S.ret];
    expect((await first(unitTestWalkthroughTask, walk(sound))).verdict).toBe("pass");
    const slip = [S.init, S.loop, S.add("2"), S.loop, S.add("6"), S.loop, S.add("6"), S.loop, S.ret];
    expect(await first(unitTestWalkthroughTask, walk(slip))).toMatchObject({ step: 4, type: "arithmetic-error" });
    // a narration that skips iterations is still sound
    expect((await first(unitTestWalkthroughTask, walk([S.init, S.add("6"), S.ret]))).verdict).toBe("pass");
  });

  it("steps_cover, function and event are checked when stated", { timeout: 120_000 }, async () => {
    const all = [S.init, S.loop, S.add("2"), S.loop, S.add("4"), S.loop, S.add("6"), S.loop, { ...S.ret, function: "total", event: "return" }];
    expect((await first(unitTestWalkthroughTask, walk(all, { steps_cover: "whole" }))).verdict).toBe("pass");
    expect(await first(unitTestWalkthroughTask, walk([S.init, S.add("6"), S.ret], { steps_cover: "beginning" }))).toMatchObject({ step: 1, type: "hallucinated-step" });
    expect(await first(unitTestWalkthroughTask, walk([S.init, { line: 4, event: "return" }, S.ret]))).toMatchObject({ step: 1, type: "hallucinated-step" });
  });
});
