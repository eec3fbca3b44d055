import type { SuiteResult, TestResult, Verdict } from "../core/result.js";
import type { ExecResult } from "../sandbox/types.js";
import { compareOutput } from "./compare.js";
import type { PlannedRun, RunPlan } from "./plan.js";

type LimitStatus = "memory-limit" | "timeout" | "output-limit";

// The limit a run hit, as a status; null when it ran to its end.
function limitStatus(r: ExecResult): LimitStatus | null {
  if (r.oomKilled) return "memory-limit";
  if (r.timedOut) return "timeout";
  if (r.outputTruncated) return "output-limit";
  return null;
}

const LIMIT_VERDICTS: readonly Verdict[] = ["memory-limit", "timeout", "output-limit"];

function lastLine(text: string): string {
  const lines = text.trim().split("\n");
  return (lines[lines.length - 1] ?? "").slice(0, 300);
}

// A suite's verdict from its tests: a limit wins, then any failure, then pass.
function verdictOf(tests: TestResult[], fallback: Verdict): Verdict {
  for (const v of LIMIT_VERDICTS) if (tests.some((t) => t.status === v)) return v;
  if (tests.length === 0) return fallback;
  return tests.every((t) => t.status === "pass" || t.status === "skipped") ? "pass" : "fail";
}

interface ReportLine {
  start?: string;
  test?: TestResult & { when?: string; gone?: boolean };
  done?: boolean;
  load_error?: { type: string; message: string; where: string | null; traceback: string };
  test_error?: string;
}

function readReport(report: string): ReportLine[] {
  return report
    .split("\n")
    .filter((l) => l.trim())
    .flatMap((l) => {
      try {
        return [JSON.parse(l) as ReportLine];
      } catch {
        return [];
      }
    });
}

function cleanTest(t: TestResult): TestResult {
  return { name: t.name, status: t.status, durationMs: t.durationMs, ...(t.message ? { message: t.message } : {}) };
}

function streams(r: ExecResult) {
  return { stdout: r.stdout, stderr: r.stderr, truncated: r.outputTruncated };
}

// Grades a harness run (assert or pytest) from its private report channel. Pure.
function gradeHarness(run: ExecResult, required?: string[]): SuiteResult {
  const lines = readReport(run.report);
  const tests = lines.filter((l) => l.test).map((l) => cleanTest(l.test!));
  const done = lines.some((l) => l.done);
  const load = lines.find((l) => l.load_error)?.load_error;
  if (load) {
    const where = load.where ? ` (${load.where})` : "";
    return { verdict: "error", tests: [], ...streams(run), message: `the solution does not load: ${load.type}: ${load.message}${where}` };
  }
  const testError = lines.find((l) => l.test_error)?.test_error;
  if (testError) return { verdict: "error", tests: [], ...streams(run), message: testError };
  const limit = limitStatus(run);
  if (limit) {
    const message = `stopped by the ${limit}`;
    // a test under which the solution process died, or that never finished, is charged to the limit
    const charged = lines
      .filter((l) => l.test)
      .map((l) => (l.test!.gone ? { ...cleanTest(l.test!), status: limit, message } : cleanTest(l.test!)));
    const started = lines.filter((l) => l.start).map((l) => l.start!);
    const unfinished = started.filter((name) => !charged.some((t) => t.name === name));
    for (const name of unfinished) charged.push({ name, status: limit, durationMs: run.durationMs, message });
    if (!charged.some((t) => t.status === limit)) charged.push({ name: "(harness)", status: limit, durationMs: run.durationMs, message });
    return { verdict: limit, tests: charged, ...streams(run), message };
  }
  if (!done) {
    const why = run.signal ? `killed by ${run.signal}` : `exit code ${run.exitCode}`;
    return { verdict: "error", tests, ...streams(run), message: `the test harness stopped before the end (${why}): ${lastLine(run.stderr)}` };
  }
  if (required) {
    const byName = new Map(tests.map((t) => [t.name, t]));
    const graded = required.map(
      (name) => byName.get(name) ?? { name, status: "error" as const, durationMs: 0, message: "required test was not run" },
    );
    const others = tests.filter((t) => !required.includes(t.name));
    const verdict = verdictOf(graded, "error");
    return { verdict, tests: [...graded, ...others], ...streams(run), message: "verdict from the required tests (failToPass + passToPass)" };
  }
  return { verdict: verdictOf(tests, "error"), tests, ...streams(run), ...(tests.length === 0 ? { message: "no tests were found" } : {}) };
}

// Grades one stdin/stdout case on the host: expected outputs never enter the sandbox. Pure.
function gradeCase(p: PlannedRun, r: ExecResult): TestResult {
  const base = { name: p.name, durationMs: r.durationMs };
  const limit = limitStatus(r);
  if (limit) return { ...base, status: limit, message: `stopped by the ${limit}` };
  if (r.exitCode !== 0) {
    const why = r.signal ? `killed by ${r.signal}` : `exit code ${r.exitCode}`;
    return { ...base, status: "error", message: `${why}: ${lastLine(r.stderr)}` };
  }
  const e = p.expected!;
  const cmp = compareOutput(r.stdout, e.output, e.compare, e.tolerance);
  return cmp.equal ? { ...base, status: "pass" } : { ...base, status: "fail", message: cmp.detail ?? "output differs" };
}

// Grades a suite from its plan and the results of the runs that were started. Pure: re-grading needs no Docker.
export function grade(plan: RunPlan, results: ExecResult[]): SuiteResult {
  if (plan.kind !== "io") return gradeHarness(results[0]!, plan.required);
  const tests = plan.runs.map((p, i) =>
    results[i] ? gradeCase(p, results[i]) : { name: p.name, status: "skipped" as const, durationMs: 0, message: "not run after a limit was hit" },
  );
  const ran = results.length;
  const allCrashed = ran > 0 && results.every((r) => r.exitCode !== 0 && !limitStatus(r));
  const verdict = allCrashed ? "error" : verdictOf(tests, "error");
  const last = results[ran - 1];
  return {
    verdict,
    tests,
    stdout: last?.stdout,
    stderr: last?.stderr,
    truncated: results.some((r) => r.outputTruncated),
    ...(allCrashed ? { message: `the program failed on every case: ${lastLine(last!.stderr)}` } : {}),
  };
}

// True when a run hit a limit, so the rest of its suite is not started.
export function breachedLimit(r: ExecResult): boolean {
  return limitStatus(r) !== null;
}
