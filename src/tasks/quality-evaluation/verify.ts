import { syntaxErrors } from "../../analysis/index.js";
import type { Cascade } from "../cascade.js";
import { defineTask, type ExecContext } from "../types.js";
import {
  applyJudgement,
  callInput,
  canonicalReprs,
  functionalCheck,
  functionalFailure,
  functionalObserved,
  functionalSummary,
  outcomesFor,
  type LabeledInput,
  type Outcome,
} from "../shared/differential.js";
import { failingTestOn, judgeBug } from "./bug-claims.js";
import { judgeMeasured } from "./measured-claims.js";
import { QualityEvaluationRecord, type BugObservation } from "./schema.js";
import { judgeVerdict } from "./verdict.js";

// The verdict step comes after the observations.
const verdictStep = (rec: QualityEvaluationRecord) => rec.observations.length;

// A short name for an observation step.
function stepName(o: QualityEvaluationRecord["observations"][number], i: number): string {
  const what = o.kind === "bug" ? o.call : o.kind === "nesting-depth" ? `${o.function ?? "code"} depth ${o.depth}` : o.kind === "function-length" ? `${o.function} ${o.lines} lines` : o.kind === "unused-name" ? o.name : "remark";
  return `observation ${i + 1}: ${o.kind} (${what})`;
}

// Static stage: measurable observations against tree-sitter's measurements; bug claims must call the entry point;
// the verdict against the evaluation's own bug claims and the code's syntax.
function checkStatic(rec: QualityEvaluationRecord, c: Cascade): void {
  rec.observations.forEach((o, i) => {
    const j = judgeMeasured(o, rec.code);
    if (j) applyJudgement(c, i, j);
    else if (o.kind === "bug" && !callInput(o.call, rec.entry_point)) c.unverifiable(i, `${o.call} is not a call of ${rec.entry_point}: nothing to run`);
    else c.unverifiable(i, "a bug claim needs a run (static only)");
  });
  applyJudgement(c, verdictStep(rec), judgeVerdict(rec, { syntax: syntaxErrors(rec.code), ran: false, runnable: false, summary: "", labels: [] }));
}

// Execute stage: run the code (tests, hidden tests, differential against the reference, the claimed bug inputs
// included), then judge each bug claim and the verdict on what happened.
async function checkExecute(rec: QualityEvaluationRecord, c: Cascade, ctx: ExecContext): Promise<void> {
  const bugs = rec.observations.map((o, i) => ({ o, i })).filter((x): x is { o: BugObservation; i: number } => x.o.kind === "bug");
  const inputs = bugs.map(({ o }) => callInput(o.call, rec.entry_point));
  const claimInputs: LabeledInput[] = inputs.filter((x): x is string => x !== undefined).map((input) => ({ input, origin: "claim" }));
  const report = await functionalCheck(ctx.exec, {
    code: rec.code,
    entry: rec.entry_point,
    ...(rec.tests ? { tests: rec.tests } : {}),
    ...(rec.hidden_tests ? { hidden: rec.hidden_tests } : {}),
    ...(rec.reference ? { reference: rec.reference } : {}),
    ...(rec.input_domain ? { domain: rec.input_domain } : {}),
    inputs: claimInputs,
  });
  Object.assign(c.observed, functionalObserved(report));

  // the bug claims: the reference's and the code's outcome on each claimed input
  const diffCases = report.diff && !report.diff.referenceError ? report.diff.cases : undefined;
  let codeOf = (input: string): Outcome | undefined => diffCases?.find((k) => k.input === input)?.code;
  if (!diffCases && claimInputs.length) {
    const r = await ctx.exec.call(rec.code, rec.entry_point, claimInputs.map((x) => x.input));
    const outs = outcomesFor(claimInputs.length, r.outcomes, r.end);
    codeOf = (input) => outs[claimInputs.findIndex((x) => x.input === input)];
  }
  const literals = await canonicalReprs(ctx.exec, bugs.flatMap(({ o }) => [o.expected ?? "None", o.actual ?? "None"]));
  bugs.forEach(({ o, i }, k) => {
    const input = inputs[k];
    const j = judgeBug(o, {
      input,
      reference: input && diffCases ? diffCases.find((x) => x.input === input)?.reference : undefined,
      code: input ? codeOf(input) : undefined,
      expected: o.expected ? literals[2 * k] : undefined,
      actual: o.actual ? literals[2 * k + 1] : undefined,
      failingTest: input ? (failingTestOn(report.visible, rec.entry_point, input) ?? failingTestOn(report.hidden, rec.entry_point, input)) : undefined,
    });
    applyJudgement(c, i, j);
  });

  const verdict = judgeVerdict(rec, {
    syntax: syntaxErrors(rec.code),
    ran: true,
    runnable: Boolean(rec.tests || rec.hidden_tests || rec.reference),
    failure: functionalFailure(report),
    summary: functionalSummary(report),
    labels: rec.observations.map((o, i) => ({ kind: o.kind, label: c.steps[i]!.label })),
  });
  applyJudgement(c, verdictStep(rec), verdict);
}

// The code-quality self-evaluation kind: observations (bugs, nesting, length, unused names, remarks) and a verdict.
export const qualityEvaluationTask = defineTask({
  kind: "quality-evaluation",
  title: "code quality evaluation (high/low): claimed bugs run against the reference, measurable claims measured, a high verdict checked by tests and differential runs",
  schema: QualityEvaluationRecord,
  steps: (rec) => [...rec.observations.map(stepName), "verdict"],
  static: (rec, c) => checkStatic(rec, c),
  execute: (rec, c, ctx) => checkExecute(rec, c, ctx),
});
