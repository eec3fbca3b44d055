// The second blind set (fixtures/utility-style, hy-*: 97 records written from docs/tasks by someone who never read
// the code: EvalPlus-like assertion loops, f-string messages, float asserts, generators, stack parsers, memoised
// recursion), through the commands a user runs: every sound record passes, >= 98% of flawed ones caught with the
// right error type at the right first wrong step.
import { describeBlindSet } from "./support/blind-set.js";

describeBlindSet("the utility-style set written blind", "fixtures/utility-style/trajectories.jsonl", { minRecords: 97, caught: 0.98 });
