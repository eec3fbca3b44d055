import { describe, expect, it } from "vitest";
import type { ExecResult } from "../sandbox/types.js";
import { grade } from "./grade.js";
import { planPython } from "./python/plan.js";
import { TestSpec } from "../core/test-spec.js";

const ok: ExecResult = {
  exitCode: 0,
  signal: null,
  stdout: "",
  stderr: "",
  report: "",
  timedOut: false,
  oomKilled: false,
  outputTruncated: false,
  durationMs: 5,
};
const lines = (...xs: unknown[]) => xs.map((x) => JSON.stringify(x)).join("\n") + "\n";
const assertPlan = planPython("def f(): pass", TestSpec.parse({ kind: "assert", code: "assert f() is None" }));

describe("grade: assert harness reports", () => {
  it("passes when every test passed and the harness finished", () => {
    const r = grade(assertPlan, [{ ...ok, report: lines({ start: "t1" }, { test: { name: "t1", status: "pass", durationMs: 1 } }, { done: true }) }]);
    expect(r.verdict).toBe("pass");
    expect(r.tests).toEqual([{ name: "t1", status: "pass", durationMs: 1 }]);
  });

  it("fails on a failing test and keeps its message", () => {
    const r = grade(assertPlan, [
      {
        ...ok,
        report: lines(
          { test: { name: "t1", status: "pass", durationMs: 1 } },
          { test: { name: "t2", status: "fail", durationMs: 1, message: "AssertionError: got 3, expected 4" } },
          { done: true },
        ),
      },
    ]);
    expect(r.verdict).toBe("fail");
    expect(r.tests[1]?.message).toBe("AssertionError: got 3, expected 4");
  });

  it("is an error, not a pass, when the harness stopped before the end, whatever stdout says", () => {
    const r = grade(assertPlan, [{ ...ok, stdout: '{"done": true}\nall passed', report: lines({ test: { name: "t1", status: "pass", durationMs: 1 } }) }]);
    expect(r.verdict).toBe("error");
    expect(r.message).toMatch(/stopped before the end/);
  });

  it("is an error when the solution does not load, naming the place", () => {
    const r = grade(assertPlan, [
      { ...ok, report: lines({ load_error: { type: "SyntaxError", message: "invalid syntax", where: "solution.py:1", traceback: "" } }, { done: true }) },
    ]);
    expect(r.verdict).toBe("error");
    expect(r.message).toContain("SyntaxError: invalid syntax (solution.py:1)");
  });

  it("charges a time-out to the test that was running", () => {
    const r = grade(assertPlan, [
      { ...ok, exitCode: null, signal: "SIGKILL", timedOut: true, report: lines({ start: "t1" }, { test: { name: "t1", status: "pass", durationMs: 1 } }, { start: "t2" }) },
    ]);
    expect(r.verdict).toBe("timeout");
    expect(r.tests.map((t) => [t.name, t.status])).toEqual([
      ["t1", "pass"],
      ["t2", "timeout"],
    ]);
  });

  it("charges the test under which the solution process was OOM-killed to the memory limit", () => {
    const r = grade(assertPlan, [
      {
        ...ok,
        oomKilled: true,
        report: lines(
          { test: { name: "t1", status: "pass", durationMs: 1 } },
          { test: { name: "t2", status: "error", durationMs: 9, message: "solution process exited", gone: true } },
          { test: { name: "t3", status: "skipped", durationMs: 0, message: "not run" } },
          { done: true },
        ),
      },
    ]);
    expect(r.verdict).toBe("memory-limit");
    expect(r.tests.map((t) => [t.name, t.status])).toEqual([
      ["t1", "pass"],
      ["t2", "memory-limit"],
      ["t3", "skipped"],
    ]);
  });

  it("keeps a solution crash that no limit explains as an error", () => {
    const report = lines({ test: { name: "t1", status: "error", durationMs: 1, message: "solution process exited", gone: true } }, { done: true });
    const r = grade(assertPlan, [{ ...ok, report }]);
    expect(r.verdict).toBe("fail");
    expect(r.tests[0]).toMatchObject({ status: "error", message: "solution process exited" });
  });

  it("puts memory-limit before time-out and output-limit", () => {
    const r = grade(assertPlan, [{ ...ok, exitCode: null, oomKilled: true, timedOut: true, report: "" }]);
    expect(r.verdict).toBe("memory-limit");
  });
});

describe("grade: pytest with required tests", () => {
  const plan = planPython(
    "x = 1",
    TestSpec.parse({ kind: "pytest", files: { "test_a.py": "" }, failToPass: ["test_a.py::t1"], passToPass: ["test_a.py::t2"] }),
  );
  it("decides by the required tests only, and a missing required test is an error", () => {
    const report = lines(
      { test: { name: "test_a.py::t1", status: "pass", durationMs: 1 } },
      { test: { name: "test_a.py::other", status: "fail", durationMs: 1 } },
      { done: true },
    );
    const r = grade(plan, [{ ...ok, report }]);
    expect(r.verdict).toBe("fail");
    expect(r.tests.find((t) => t.name === "test_a.py::t2")).toMatchObject({ status: "error", message: "required test was not run" });
  });
  it("passes when the required tests pass even if another fails", () => {
    const report = lines(
      { test: { name: "test_a.py::t1", status: "pass", durationMs: 1 } },
      { test: { name: "test_a.py::t2", status: "pass", durationMs: 1 } },
      { test: { name: "test_a.py::other", status: "fail", durationMs: 1 } },
      { done: true },
    );
    expect(grade(plan, [{ ...ok, report }]).verdict).toBe("pass");
  });
});

describe("grade: io cases compared on the host", () => {
  const plan = planPython(
    "print(input())",
    TestSpec.parse({ kind: "io", cases: [{ input: "1\n", output: "1\n" }, { input: "2\n", output: "2\n" }, { input: "3\n", output: "3\n" }] }),
  );
  it("keeps the expected output out of what is sent to the sandbox", () => {
    const secret = planPython("print(1)", TestSpec.parse({ kind: "io", cases: [{ input: "in\n", output: "SECRET-OUT\n" }] }));
    const sent = secret.runs.map(({ argv, files, stdin, env }) => ({ argv, files, stdin, env }));
    expect(JSON.stringify(sent)).not.toContain("SECRET-OUT");
    expect(secret.runs[0]?.expected?.output).toBe("SECRET-OUT\n");
    expect(plan.runs[0]).toMatchObject({ stdin: "1\n", argv: ["python3", "solution.py"] });
  });
  it("grades each case and skips the ones after a limit", () => {
    const r = grade(plan, [
      { ...ok, stdout: "1  \n" },
      { ...ok, exitCode: null, signal: "SIGKILL", timedOut: true },
    ]);
    expect(r.tests.map((t) => t.status)).toEqual(["pass", "timeout", "skipped"]);
    expect(r.verdict).toBe("timeout");
  });
  it("is an error when the program crashes on every case", () => {
    const crash = { ...ok, exitCode: 1, stderr: "Traceback...\nSyntaxError: invalid syntax\n" };
    const r = grade(plan, [crash, crash, crash]);
    expect(r.verdict).toBe("error");
    expect(r.message).toContain("SyntaxError: invalid syntax");
  });
  it("fails on a wrong answer with the differing line", () => {
    const r = grade(plan, [{ ...ok, stdout: "1\n" }, { ...ok, stdout: "5\n" }, { ...ok, stdout: "3\n" }]);
    expect(r.verdict).toBe("fail");
    expect(r.tests[1]?.status).toBe("fail");
  });
});
