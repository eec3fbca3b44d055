// The held-out set written blind in other people's test styles (fixtures/humaneval-style: HumanEval check(candidate)
// with bare asserts, per-test messages, unittest classes, guard pseudo-fixes, loops whose values repeat), through
// the commands a user runs: every sound record passes, >= 98% of flawed ones caught with the right error type at
// the right first wrong step.
import { describeBlindSet } from "./support/blind-set.js";

describeBlindSet("the humaneval-style set written blind", "fixtures/humaneval-style/trajectories.jsonl", { minRecords: 150, caught: 0.98 });
