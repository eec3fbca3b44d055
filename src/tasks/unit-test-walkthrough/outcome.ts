import { callsTo } from "../../analysis/index.js";
import type { ErrorType, StepLabel } from "../../core/taxonomy.js";
import type { TestTrace } from "../../exec/trace.js";
import { bothNumeric, compareClaim, valuesMatch } from "./compare-value.js";
import { parsePyLiteral, type PyValue } from "./py-literal.js";

export interface Judgement {
  label: StepLabel;
  errorType?: ErrorType;
  evidence: string;
}

// What a one-call assert checks: `assert f(..) == X` / `assert X == f(..)` (equals X), `assert f(..)` (truthy),
// `assert not f(..)` (falsy). Undefined for anything else (isclose, set(...), several calls).
export interface AssertExpectation {
  call: string;
  equals?: PyValue;
  truthy?: boolean;
}

// The expectation of the test's single assert on the entry point, read from its text.
export function assertExpectation(test: string, entry: string): AssertExpectation | undefined {
  const calls = callsTo(test, entry);
  if (calls.length !== 1) return undefined;
  const call = `${entry}${calls[0]!.argsText}`;
  const line = (test.split("\n")[calls[0]!.line - 1] ?? "").trim();
  if (!line.startsWith("assert ") && !line.startsWith("assert(")) return undefined;
  const body = line.slice("assert".length).trim();
  if (body === call) return { call, truthy: true };
  if (body === `not ${call}`) return { call, truthy: false };
  let other: string | undefined;
  if (body.startsWith(call) && body.slice(call.length).trim().startsWith("==")) other = body.slice(call.length).trim().slice(2);
  else if (body.endsWith(call) && body.slice(0, -call.length).trim().endsWith("==")) other = body.slice(0, -call.length).trim().slice(0, -2);
  const equals = other === undefined ? undefined : parsePyLiteral(other.trim());
  return equals ? { call, equals } : undefined;
}

// Python truthiness of a literal value.
function truthy(v: PyValue): boolean {
  switch (v.t) {
    case "int":
      return v.v !== 0n;
    case "float":
      return v.v !== 0;
    case "bool":
      return v.v;
    case "none":
      return false;
    case "str":
    case "bytes":
      return v.v.length > 0;
    case "list":
    case "tuple":
    case "set":
      return v.items.length > 0;
    case "dict":
      return v.entries.length > 0;
    default:
      return true;
  }
}

// Static: does the predicted verdict follow from the predicted return value and the assert? Undefined when
// it cannot be told from the text.
export function verdictConsistency(test: string, entry: string, predictedReturn: string | undefined, verdict: string): Judgement | undefined {
  if (predictedReturn === undefined || (verdict !== "pass" && verdict !== "fail")) return undefined;
  const exp = assertExpectation(test, entry);
  const ret = parsePyLiteral(predictedReturn.trim());
  if (!exp || !ret) return undefined;
  const holds = exp.equals ? valuesMatch(exp.equals, ret) : truthy(ret) === exp.truthy;
  if (holds === (verdict === "pass")) return undefined;
  const claim = `the walkthrough predicts ${exp.call} returns ${predictedReturn.trim()}`;
  const assertText = test.split("\n").find((l) => l.includes(exp.call))?.trim() ?? "";
  return {
    label: "wrong",
    errorType: "inconsistent-step",
    evidence: `${claim}, so \`${assertText}\` would ${holds ? "hold" : "fail"}; yet it predicts ${verdict.toUpperCase()}`,
  };
}

// Execute: the predicted return value against the entry point's first call from the test.
export function checkReturn(predicted: string, trace: TestTrace, entry: string): Judgement {
  if (!trace.entryFound) return { label: "unverifiable", evidence: `${entry} is not a top-level function of solution.py, so its return value was not watched` };
  const first = trace.entryCalls[0];
  if (!first) {
    if (trace.verdict === "pass" || trace.verdict === "fail" || trace.verdict === "error") {
      const why = trace.error ? ` (the run stops with ${trace.error.type}${trace.error.where ? ` at ${trace.error.where}` : ""})` : "";
      return { label: "wrong", errorType: "hallucinated-step", evidence: `${entry} never returns to the test${why}` };
    }
    return { label: "unverifiable", evidence: `the run ended with ${trace.verdict} before ${entry} returned` };
  }
  if (first.raised) {
    const msg = trace.error?.type === first.raised ? `: ${trace.error.message}` : "";
    return { label: "wrong", errorType: "hallucinated-step", evidence: `${entry} raises ${first.raised}${msg}; it returns nothing` };
  }
  const real = first.returned ?? "None";
  if (compareClaim(predicted, real) === "equal") return { label: "correct", evidence: `${entry} returns ${real}` };
  return {
    label: "wrong",
    errorType: bothNumeric(predicted, real) ? "arithmetic-error" : "hallucinated-step",
    evidence: `${entry} returns ${real}, not ${predicted.trim()}`,
  };
}

// Lines without trailing spaces, without trailing blank lines.
const outputLines = (s: string) => {
  const lines = s.replace(/\r\n?/g, "\n").split("\n").map((l) => l.replace(/\s+$/, ""));
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return lines;
};

// Execute: the predicted printed output against the real stdout (trailing spaces and blank lines ignored).
export function checkStdout(predicted: string, stdout: string): Judgement {
  const a = outputLines(predicted);
  const b = outputLines(stdout);
  if (a.length === b.length && a.every((l, i) => l === b[i])) return { label: "correct", evidence: b.length ? `prints ${JSON.stringify(b.join("\n").slice(0, 200))}` : "prints nothing" };
  return { label: "wrong", errorType: "hallucinated-step", evidence: `it prints ${JSON.stringify(b.join("\n").slice(0, 200))}, not ${JSON.stringify(a.join("\n").slice(0, 200))}` };
}

// What the run did, in words: "the test passes", "the assert fails (test.py:1)", "IndexError: ... (at solution.py:4 in f)".
function describeRun(trace: TestTrace): string {
  if (trace.verdict === "pass") return "the test passes";
  if (trace.verdict === "fail") return `the assert fails${trace.error?.where ? ` (${trace.error.where})` : ""}`;
  if (trace.verdict === "error" && trace.error) return `the run raises ${trace.error.type}: ${trace.error.message}${trace.error.where ? ` (at ${trace.error.where})` : ""}`;
  return `the run ends with ${trace.verdict}`;
}

// Execute: the predicted PASS/FAIL/ERROR against the real outcome of the traced run.
export function checkVerdict(predicted: string, predictedError: string | undefined, trace: TestTrace): Judgement {
  if (trace.tampered) return { label: "unverifiable", evidence: "the solution replaced the tracer (sys.settrace): its outcome is not trusted" };
  if (trace.verdict === "crash") return { label: "unverifiable", evidence: `the traced run ended without a result: ${trace.stderr.slice(-200)}` };
  if (trace.verdict === "memory-limit" || trace.verdict === "output-limit") {
    // a sandbox limit, not the test's own outcome: with more room the test would have ended otherwise
    return { label: "unverifiable", evidence: `the traced run hit the sandbox's ${trace.verdict}` };
  }
  const real = describeRun(trace);
  if (predicted !== trace.verdict) return { label: "wrong", errorType: "hallucinated-step", evidence: `${real}; predicted ${predicted.toUpperCase()}` };
  if (predicted === "error" && predictedError && trace.error && predictedError.trim() !== trace.error.type) {
    return { label: "wrong", errorType: "hallucinated-step", evidence: `${real}, not ${predictedError.trim()}` };
  }
  return { label: "correct", evidence: real };
}
