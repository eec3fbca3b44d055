import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { AnnotatedProblem } from "../../core/problem.js";
import type { SeededBug } from "../../generate/seed-bugs.js";
import { assembleErrorRecovery, chooseBugs, errorRecoveryMessages, seedCounters, type ErrorRecoveryReply } from "./generate.js";
import { ErrorRecovery } from "./schema.js";

const divisor = AnnotatedProblem.parse(JSON.parse(readFileSync("fixtures/problems/annotated.jsonl", "utf8").split("\n").find((l) => l.includes('"Mbpp/96"'))!));
const buggy = "\ndef divisor(n):\n  return sum(1 for i in range(1, n) if n % i == 0)\n";

const bug = (operator: string, line = 3): SeededBug => ({
  problemId: "Mbpp/96",
  mutant: { operator, line, column: 1, description: `line ${line}: edit`, original: "n + 1", replacement: "n", code: buggy },
  failingTest: "line 1: assert divisor(15) == 4",
  failingStatus: "fail",
  error: "AssertionError: got 3, expected 4",
  suite: { verdict: "fail", tests: [], truncated: false },
});

describe("error-recovery generator", () => {
  test("up to two bugs of different operators, in seedBugs' order", () => {
    const kept = [bug("off-by-one", 3), bug("off-by-one", 4), bug("wrong-operator"), bug("flip-comparison")];
    expect(chooseBugs(kept).map((b) => [b.mutant.operator, b.mutant.line])).toEqual([["off-by-one", 3], ["wrong-operator", 3]]);
    expect(chooseBugs([])).toEqual([]);
  });

  test("the prompt gives the numbered buggy code, the real failing test and error, and the pitfalls", () => {
    const [, user] = errorRecoveryMessages(divisor, bug("off-by-one"), "Mbpp/96:error-recovery:1");
    expect(user!.content).toMatch(/^Task: error-recovery\nProblem id: Mbpp\/96\nRecord id: Mbpp\/96:error-recovery:1\n/);
    expect(user!.content).toContain("3 |   return sum(1 for i in range(1, n) if n % i == 0)");
    expect(user!.content).toContain("The test that fails: line 1: assert divisor(15) == 4");
    expect(user!.content).toContain("AssertionError: got 3, expected 4");
    expect(user!.content).toContain(divisor.annotations.pitfalls[0]!.pitfall);
  });

  test("failing_test and claimed_error come from the real run, whatever the model says", () => {
    const reply: ErrorRecoveryReply = {
      diagnosis: { function: "divisor", line: 3, text: "range stops before n" },
      patch: "--- a/solution.py\n+++ b/solution.py\n@@ -3 +3 @@\n-  return sum(1 for i in range(1, n) if n % i == 0)\n+  return sum(1 for i in range(1, n + 1) if n % i == 0)\n",
      explanation: "change `range(1, n)` to `range(1, n + 1)`",
      claimed_result: { all_pass: true, failing: [] },
    };
    const rec = assembleErrorRecovery(divisor, bug("off-by-one"), "Mbpp/96:error-recovery:1", reply);
    expect(ErrorRecovery.parse(rec)).toEqual(rec);
    expect(rec).toMatchObject({ buggy_code: buggy, failing_test: "line 1: assert divisor(15) == 4", claimed_error: "AssertionError: got 3, expected 4", reference: divisor.solution, tests: divisor.tests });
  });

  test("seedBugs' statistics become counters per operator", () => {
    const s = { tried: 5, unparsable: 1, parsed: 4, run: 4, killed: 3, limitKilled: 0, loadKilled: 1, survived: 1, infraError: 0, kept: 2 };
    expect(seedCounters({ "off-by-one": s } as never)).toEqual({ "mutants.off-by-one.tried": 5, "mutants.off-by-one.run": 4, "mutants.off-by-one.killed": 3, "mutants.off-by-one.kept": 2 });
  });
});
