import type { SuiteResult, TestResult } from "../../core/result.js";
import type { ErrorType } from "../../core/taxonomy.js";
import { parseErrorText } from "../shared/feedback.js";

// The error type a failing test (or a suite that could not run) is charged as.
export function outcomeError(status: string, message = ""): ErrorType {
  if (status === "timeout" || status === "memory-limit" || status === "output-limit") return status;
  if (status === "fail") return "wrong-answer";
  return parseErrorText(message).type === "SyntaxError" ? "syntax-error" : "runtime-error";
}

// The tests of a suite that did not pass (a suite that did not load counts as one failing pseudo-test).
export function failingTests(s: SuiteResult): TestResult[] {
  if (s.tests.length === 0 && s.verdict !== "pass") return [{ name: "(load)", status: "error", durationMs: 0, message: s.message ?? s.verdict }];
  return s.tests.filter((t) => t.status !== "pass" && t.status !== "skipped");
}

// Names of the tests of a suite that passed.
export function passingNames(s: SuiteResult): Set<string> {
  return new Set(s.tests.filter((t) => t.status === "pass").map((t) => t.name));
}
