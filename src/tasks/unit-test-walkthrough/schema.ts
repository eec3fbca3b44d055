import { z } from "zod";

// One claimed step of a walkthrough: a line that runs, and what the frame's variables are once it has run.
export const WalkthroughStep = z
  .object({
    // 1-based line number in `file` (solution.py unless file is "test")
    line: z.number().int().positive().optional(),
    // which file the line is in: the solution (default) or the test
    file: z.enum(["solution", "test"]).default("solution"),
    // the text of the line as the walkthrough quotes it (whitespace is ignored when comparing)
    code: z.string().min(1).optional(),
    // variables of the running frame AFTER the line ran, as Python literals/reprs: {"total": "6"}
    vars: z.record(z.string(), z.string()).default({}),
    // the value the function returns at this line (a `return` line), as a Python literal
    returns: z.string().optional(),
    // free-text reasoning; not checked by execution
    explanation: z.string().optional(),
    // the function (qualname, e.g. "f" or "f.<locals>.g") the line runs in; checked when given
    function: z.string().min(1).optional(),
    // what happens at the line: "line" (it runs) or "return" (the function returns there); checked when given
    event: z.enum(["line", "return"]).optional(),
  })
  .refine((s) => s.line !== undefined || s.code !== undefined, { message: "a step needs a line number or the code of the line" });
export type WalkthroughStep = z.output<typeof WalkthroughStep>;

// A trajectory that walks through one unit test of a solution, line by line, without running it.
export const UnitTestWalkthrough = z.object({
  task: z.literal("unit-test-walkthrough"),
  // unique id of the record
  id: z.string().min(1),
  // the problem statement (context only)
  problem: z.string().optional(),
  // the solution under test, run as solution.py
  code: z.string(),
  // the top-level function the test calls; its return value is what `predicted_return` predicts
  entry_point: z.string().min(1),
  // the unit test, Python statements run after the solution in its namespace (usually one assert)
  test: z.string().min(1),
  // the walkthrough, in execution order
  steps: z.array(WalkthroughStep).min(1),
  // what the steps cover when stated: "whole" (every line the solution's functions run, in order, none left
  // out), "beginning" (the first lines they run, none left out); absent: a selection in order (lines may be skipped)
  steps_cover: z.enum(["whole", "beginning"]).optional(),
  // the repr of what the test's (first) call of entry_point returns
  predicted_return: z.string().optional(),
  // everything the run prints to stdout
  predicted_stdout: z.string().optional(),
  // the test's outcome: pass, fail (an assert fails), error (another exception) or timeout
  predicted_verdict: z.enum(["pass", "fail", "error", "timeout"]),
  // the exception type when predicted_verdict is "error", e.g. "IndexError"
  predicted_error: z.string().optional(),
});
export type UnitTestWalkthrough = z.output<typeof UnitTestWalkthrough>;
