import type { SuiteResult, TestResult } from "../core/result.js";
import type { TurnFeedback } from "../tasks/error-recovery-multi/schema.js";

// A real run of a turn's code as the record stores it and as the model is told it. Pure: built only from a
// SuiteResult, so the feedback of a generated multi-turn record is never invented.

const notRun = (t: TestResult) => t.status === "skipped";
const passed = (t: TestResult) => t.status === "pass";

// The status a record may carry: pass, fail (an assert or a wrong output), error (an exception or a limit).
function recordedStatus(t: TestResult): "pass" | "fail" | "error" {
  return t.status === "pass" ? "pass" : t.status === "fail" ? "fail" : "error";
}

// Whether the suite failed before any test ran (the code does not load).
export const loadFailed = (s: SuiteResult) => s.tests.length === 0 && s.verdict !== "pass";

// The feedback field of a turn: every test that ran with its real status and message, the first real error,
// and whether all visible tests pass (the shape error-recovery-multi's verifier compares with a fresh run). The one
// writer of a turn's feedback: generated records, replay's --rewrite and the replay fixtures all use it.
export function feedbackOf(s: SuiteResult): TurnFeedback {
  if (loadFailed(s)) return { tests: [], error: s.message ?? s.verdict, all_pass: false };
  const ran = s.tests.filter((t) => !notRun(t));
  // a message only where the run gave one: the verifier compares recorded messages with the real ones
  const tests = ran.map((t) => ({ name: t.name, status: recordedStatus(t), ...(!passed(t) && t.message ? { message: t.message } : {}) }));
  const firstError = ran.find((t) => !passed(t) && t.message)?.message;
  const allPass = ran.every(passed); // as the verifier counts: no test that ran and did not pass
  return { tests, ...(firstError ? { error: firstError } : {}), all_pass: allPass };
}

// Whether a run passed every visible test.
export function allPass(s: SuiteResult): boolean {
  return feedbackOf(s).all_pass === true;
}

// The feedback as the model reads it (prompts/repair.txt): one line per test, then the first error in full.
export function feedbackText(s: SuiteResult): string {
  if (loadFailed(s)) return `The code failed before any test ran:\n${s.message ?? s.verdict}`;
  const lines = s.tests.map((t) => `${t.status.toUpperCase()}  ${t.name}${!passed(t) && t.message ? `\n      ${t.message.split("\n").join("\n      ")}` : ""}`);
  const bad = s.tests.filter((t) => !passed(t) && !notRun(t)).length;
  const tally = `${s.tests.length - bad - s.tests.filter(notRun).length}/${s.tests.length} tests pass`;
  return [tally, ...lines].join("\n");
}
