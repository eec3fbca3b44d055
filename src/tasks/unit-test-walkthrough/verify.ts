import { functions, identifiers, syntaxErrors } from "../../analysis/index.js";
import { traceTest, type TestTrace } from "../../exec/trace.js";
import type { Cascade } from "../cascade.js";
import { HardStop } from "../cascade.js";
import { defineTask } from "../types.js";
import { alignClaims, alignCovering } from "./align.js";
import { compareClaim } from "./compare-value.js";
import { checkReturn, checkStdout, checkVerdict, verdictConsistency, type Judgement } from "./outcome.js";
import { resolveStep, type ResolvedClaim } from "./resolve-claims.js";
import { UnitTestWalkthrough } from "./schema.js";

type Rec = UnitTestWalkthrough;

const hasOutput = (rec: Rec) => rec.predicted_return !== undefined || rec.predicted_stdout !== undefined;
// Index of the "predicted output" step (-1 when the record predicts none) and of the "predicted verdict" step.
const outputIndex = (rec: Rec) => (hasOutput(rec) ? rec.steps.length : -1);
const verdictIndex = (rec: Rec) => rec.steps.length + (hasOutput(rec) ? 1 : 0);

// Puts a judgement on a step of the cascade.
function label(c: Cascade, index: number, j: Judgement): void {
  if (j.label === "correct") c.correct(index, j.evidence);
  else if (j.label === "wrong") c.wrong(index, j.errorType ?? "hallucinated-step", j.evidence);
  else c.unverifiable(index, j.evidence);
}

// Resolves every walkthrough step against the source: ok claims, and the static faults by step index.
function resolveAll(rec: Rec): { claims: ResolvedClaim[]; faults: Map<number, Judgement> } {
  const known = new Set([...identifiers(rec.code), ...identifiers(rec.test)]);
  const claims: ResolvedClaim[] = [];
  const faults = new Map<number, Judgement>();
  rec.steps.forEach((step, i) => {
    const r = resolveStep(step, i, { solution: rec.code, test: rec.test }, known);
    if (r.ok) claims.push(r.claim);
    else faults.set(i, { label: "wrong", errorType: r.errorType, evidence: r.evidence });
  });
  return { claims, faults };
}

// The source does not compile: no line runs, nothing returns, the test errors. Labels every step from that.
function labelUncompilable(rec: Rec, c: Cascade, what: string): void {
  rec.steps.forEach((_, i) => c.wrong(i, "hallucinated-step", `${what}: no line runs`));
  if (rec.predicted_return !== undefined) c.wrong(outputIndex(rec), "hallucinated-step", `${what}: ${rec.entry_point} never returns`);
  else if (rec.predicted_stdout !== undefined) c.unverifiable(outputIndex(rec), `${what}: only the run could say what is printed`);
  const v = verdictIndex(rec);
  const okError = rec.predicted_error === undefined || rec.predicted_error.trim() === "SyntaxError";
  if (rec.predicted_verdict === "error" && okError) c.correct(v, `${what}: the test errors`);
  else c.wrong(v, "hallucinated-step", `${what}: the test errors (SyntaxError); predicted ${rec.predicted_verdict.toUpperCase()}${rec.predicted_error ? ` ${rec.predicted_error}` : ""}`);
}

// Static: the claimed lines exist and say what the steps quote, claimed variables exist in the code,
// and the predicted verdict and return value agree with each other and with the walkthrough's own steps.
function staticChecks(rec: Rec, c: Cascade): void {
  for (const [file, src] of [["solution.py", rec.code], ["the test", rec.test]] as const) {
    const err = syntaxErrors(src)[0];
    if (err) {
      labelUncompilable(rec, c, `${file} does not parse (line ${err.line}: ${err.message})`);
      throw new HardStop(`${file} does not parse`);
    }
  }
  const { claims, faults } = resolveAll(rec);
  for (const [i, j] of faults) label(c, i, j);
  for (const claim of claims) c.unverifiable(claim.index, `line ${claim.lines.join("/")} exists as quoted; whether it runs with these values needs the trace`);
  const consistency = verdictConsistency(rec.test, rec.entry_point, rec.predicted_return, rec.predicted_verdict);
  if (consistency) label(c, verdictIndex(rec), consistency);
  // the last value the walkthrough says the entry function returns must be the predicted return value
  const entry = functions(rec.code).find((f) => f.qualname === rec.entry_point);
  if (entry && rec.predicted_return !== undefined) {
    const last = [...rec.steps.entries()].reverse().find(([, s]) => s.returns !== undefined && s.file === "solution" && s.line !== undefined && s.line >= entry.startLine && s.line <= entry.endLine);
    if (last && compareClaim(rec.predicted_return, last[1].returns!) === "different") {
      c.wrong(outputIndex(rec), "inconsistent-step", `step ${last[0]} says ${rec.entry_point} returns ${last[1].returns!.trim()} at line ${last[1].line}, the predicted return value is ${rec.predicted_return.trim()}`);
    }
  }
}

// Why a trace may lack lines that ran, or undefined when it is complete.
function incompleteWhy(t: TestTrace): string | undefined {
  if (t.stopped) return `recording stopped (${t.stopped} budget) after ${t.lines.length} lines; the run went on untraced`;
  if (t.tampered) return "the solution replaced the tracer";
  if (t.verdict !== "pass" && t.verdict !== "fail" && t.verdict !== "error") return `the run ended with ${t.verdict}`;
  return undefined;
}

// Execute: runs the test under the tracer, aligns the claimed steps with the real lines, checks the outcome.
async function execute(rec: Rec, c: Cascade, exec: Parameters<typeof traceTest>[0]): Promise<void> {
  const trace = await traceTest(exec, rec.code, rec.test, { entry: rec.entry_point });
  const why = incompleteWhy(trace);
  c.observed.trace = {
    verdict: trace.verdict,
    lines: trace.lines.length,
    ...(trace.stopped ? { stopped: trace.stopped } : {}),
    ...(trace.entryCalls[0] ? { entryReturn: trace.entryCalls[0].returned ?? null, entryRaised: trace.entryCalls[0].raised ?? null } : {}),
    ...(trace.error ? { error: `${trace.error.type}: ${trace.error.message}` } : {}),
    ...(trace.stdout ? { stdout: trace.stdout.slice(0, 2000) } : {}),
    durationMs: trace.durationMs,
  };
  c.note(`traced run: ${trace.verdict}, ${trace.lines.length} lines recorded${why ? ` (${why})` : ""}, ${Math.round(trace.durationMs)} ms`);
  const { claims } = resolveAll(rec);
  const open = claims.filter((cl) => c.steps[cl.index]!.label !== "wrong");
  const view = { lines: trace.lines, complete: why === undefined, ...(why ? { incompleteWhy: why } : {}) };
  for (const j of rec.steps_cover ? alignCovering(open, view, rec.steps_cover) : alignClaims(open, view)) label(c, j.index, j);
  if (hasOutput(rec)) {
    const parts: Judgement[] = [];
    if (rec.predicted_return !== undefined) parts.push(checkReturn(rec.predicted_return, trace, rec.entry_point));
    if (rec.predicted_stdout !== undefined) parts.push(checkStdout(rec.predicted_stdout, trace.stdout));
    const wrong = parts.find((p) => p.label === "wrong");
    const evidence = parts.map((p) => p.evidence).join("; ");
    if (wrong) label(c, outputIndex(rec), { ...wrong, evidence });
    else label(c, outputIndex(rec), { label: parts.every((p) => p.label === "correct") ? "correct" : "unverifiable", evidence });
  }
  label(c, verdictIndex(rec), checkVerdict(rec.predicted_verdict, rec.predicted_error, trace));
}

// A walkthrough of one unit test: each claimed line and value is aligned with a real line trace of the test.
export const unitTestWalkthroughTask = defineTask({
  kind: "unit-test-walkthrough",
  version: 2, // 2: alignment follows the trace in order (a best placement); steps' function and event; steps_cover
  title: "Unit-test walkthrough: claimed lines and values aligned with a real trace of the test",
  schema: UnitTestWalkthrough,
  steps(rec) {
    const names = rec.steps.map((s, i) => `walkthrough step ${i} (${s.file === "test" ? "test " : ""}${s.line !== undefined ? `line ${s.line}` : JSON.stringify(s.code)})`);
    if (hasOutput(rec)) names.push("predicted output");
    names.push("predicted verdict");
    return names;
  },
  static: (rec, c) => staticChecks(rec, c),
  execute: (rec, c, ctx) => execute(rec, c, ctx.exec),
});
