import type { TestResult } from "../../core/result.js";
import type { TaskExec } from "../../exec/task-exec.js";
import { traceTest } from "../../exec/trace.js";
import { normalizeTestName } from "./feedback.js";
import { onlyStatementAt, testFunctions } from "./test-code.js";

// Where inside a test an assertion failed, when the harness only says "AssertionError" for a whole statement
// (HumanEval's `check(candidate)` holds every assert): found by running that one statement under the line tracer.

export interface AssertSite {
  /** 1-based line of the test code whose assert failed. */
  line: number;
  /** That line's text, trimmed: "assert candidate([1, 2]) == 3". */
  text: string;
  /** The test function it is in ("check"), or "<module>". */
  fn: string;
  /** What the entry point returned in its last call from that line, when it was called there. */
  got?: string;
}

// The top-level line a harness test name starts with ("line 5: check(f)" -> 5).
export function testLine(name: string): number | undefined {
  const m = /^line (\d+)\b/.exec(name);
  return m ? Number(m[1]) : undefined;
}

// The failing assert inside a failing test statement, by a traced run of that statement alone.
export async function failingAssertSite(exec: TaskExec, code: string, testsCode: string, test: TestResult, entry?: string): Promise<AssertSite | undefined> {
  const line = testLine(test.name);
  if (line === undefined) return undefined;
  const trace = await traceTest(exec, code, onlyStatementAt(testsCode, line), entry ? { entry } : {});
  if (trace.verdict !== "fail") return undefined;
  const raising = trace.lines.filter((l) => l.file === "test" && l.raised === "AssertionError");
  const inner = raising.find((l) => l.fn !== "<module>") ?? raising[0];
  if (!inner) return undefined;
  const text = (testsCode.split("\n")[inner.line - 1] ?? "").trim();
  const calls = trace.entryCalls.filter((c) => c.testLine === inner.line && c.returned !== undefined);
  const got = calls.length ? calls[calls.length - 1]!.returned : undefined;
  return { line: inner.line, text, fn: inner.fn, ...(got !== undefined ? { got } : {}) };
}

// The failing assert of each failing test whose message says nothing but "AssertionError" (or a custom
// message): at most `limit` tests, one traced run each.
export async function assertSites(exec: TaskExec, code: string, testsCode: string, failing: readonly TestResult[], entry?: string, limit = 2): Promise<Map<string, AssertSite>> {
  const out = new Map<string, AssertSite>();
  const bare = failing.filter((t) => t.status === "fail" && testLine(t.name) !== undefined && !/got .+, expected /.test(t.message ?? "")).slice(0, limit);
  for (const t of bare) {
    const site = await failingAssertSite(exec, code, testsCode, t, entry);
    if (site) out.set(t.name, site);
  }
  return out;
}

// A recorded test name that is a statement or line inside a test function (an assert of `check`): the line,
// and the top-level lines whose statement runs it. Undefined when the name is not such a statement.
// A name that is the test function itself ("check", "check(candidate)") is the whole function (`whole`).
export function innerStatement(name: string, testsCode: string): { line: number; runBy: number[]; whole?: true } | undefined {
  const lines = testsCode.split("\n");
  const bare = /^line (\d+)$/.exec(name.trim());
  const want = normalizeTestName(name);
  const fns = testFunctions(testsCode);
  const called = /^([A-Za-z_]\w*)(?:\(.*\))?$/.exec(want)?.[1];
  const whole = fns.find((f) => f.name === called && f.calledFrom.length);
  if (whole) return { line: whole.startLine, runBy: whole.calledFrom, whole: true };
  for (const f of fns) {
    for (let l = f.startLine + 1; l <= f.endLine; l++) {
      const hit = bare ? Number(bare[1]) === l : want.length > 0 && normalizeTestName(lines[l - 1] ?? "") === want;
      if (hit && f.calledFrom.length) return { line: l, runBy: f.calledFrom };
    }
  }
  return undefined;
}
