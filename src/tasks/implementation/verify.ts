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
import { codeProblems, designDepartures } from "./code-checks.js";
import { judgeEdgeCase } from "./edge-cases.js";
import { ImplementationRecord } from "./schema.js";

const REQUIREMENTS = 0;
const DESIGN = 1;
const EDGE = 2;
// The implementation step comes after the edge cases.
const implStep = (rec: ImplementationRecord) => EDGE + rec.edge_cases.length;

// Static stage: parse the code (syntax, undefined names, invented imports, entry point), match it to the design,
// and check each edge case is a call of the entry point.
function checkStatic(rec: ImplementationRecord, c: Cascade, modules: ReadonlySet<string>): void {
  const impl = implStep(rec);
  c.unverifiable(REQUIREMENTS, `${rec.requirements.length} requirement(s) stated; prose, checked only through the code that follows`);
  const problems = codeProblems(rec.code, rec.entry_point, modules);
  for (const p of problems) c.wrong(impl, p.type, p.evidence);
  const { departures, matched } = designDepartures(rec.design, rec.code);
  for (const d of departures) c.wrong(impl, "inconsistent-step", `the code does not follow the design: ${d}`);
  if (departures.length) c.unverifiable(DESIGN, `the code does not carry out this design (${departures.length} departure(s), see the implementation step)`);
  else c.correct(DESIGN, `every designed function is in the code: ${matched.join("; ")}`);
  rec.edge_cases.forEach((e, i) => {
    if (!callInput(e.call, rec.entry_point)) c.unverifiable(EDGE + i, `${e.call} is not a call of ${rec.entry_point}: nothing to run`);
    else c.unverifiable(EDGE + i, "needs a run of the reference (static only)");
  });
  if (!problems.length && !departures.length) c.unverifiable(impl, "parses, every name defined, every import available; behaviour needs a run");
}

// Execute stage: visible and hidden tests, differential runs against the reference on the edge cases, the tests'
// inputs and generated ones; edge-case expectations against the reference (or, without one, the code).
async function checkExecute(rec: ImplementationRecord, c: Cascade, ctx: ExecContext): Promise<void> {
  const impl = implStep(rec);
  const edgeInputs = rec.edge_cases.map((e) => callInput(e.call, rec.entry_point));
  const labeled: LabeledInput[] = edgeInputs.filter((i): i is string => i !== undefined).map((input) => ({ input, origin: "edge" }));
  const report = await functionalCheck(ctx.exec, {
    code: rec.code,
    entry: rec.entry_point,
    tests: rec.tests,
    ...(rec.hidden_tests ? { hidden: rec.hidden_tests } : {}),
    ...(rec.reference ? { reference: rec.reference } : {}),
    ...(rec.input_domain ? { domain: rec.input_domain } : {}),
    inputs: labeled,
  });
  Object.assign(c.observed, functionalObserved(report));

  // edge cases: the reference's (or, lacking one, the code's) outcome on each claimed input
  const expected = await canonicalReprs(ctx.exec, rec.edge_cases.map((e) => e.expected ?? "None"));
  const withInput = edgeInputs.map((input, i) => ({ input, i })).filter((x): x is { input: string; i: number } => x.input !== undefined);
  let refOf = (_: string): Outcome | undefined => undefined;
  let codeOf = (_: string): Outcome | undefined => undefined;
  if (report.diff && !report.diff.referenceError) {
    const cases = report.diff.cases;
    refOf = (input) => cases.find((k) => k.input === input)?.reference;
  } else if (withInput.length) {
    const r = await ctx.exec.call(rec.code, rec.entry_point, withInput.map((x) => x.input));
    const outs = outcomesFor(withInput.length, r.outcomes, r.end);
    codeOf = (input) => outs[withInput.findIndex((x) => x.input === input)];
  }
  for (const { input, i } of withInput) {
    const e = rec.edge_cases[i]!;
    applyJudgement(c, EDGE + i, judgeEdgeCase(e, refOf(input), codeOf(input), e.expected ? expected[i] : undefined));
  }

  // the code: visible tests decide wrong-answer / runtime-error / timeout; hidden or differential failures after
  // passing visible tests are a pseudo-fix
  const failure = functionalFailure(report);
  if (!failure) c.correct(impl, functionalSummary(report));
  else if (failure.where === "visible") c.wrong(impl, failure.type, `visible tests: ${failure.evidence}`);
  else c.wrong(impl, "pseudo-fix", `passes the visible tests, fails ${failure.where === "hidden" ? "hidden tests" : "against the reference"}: ${failure.evidence} (${failure.type})`);
}

// The solution-implementation kind: requirement analysis, design, edge cases, code.
export const implementationTask = defineTask({
  kind: "implementation",
  title: "solution implementation: requirements, design, edge cases and code, checked by parsing, tests, hidden tests and differential runs",
  schema: ImplementationRecord,
  steps: (rec) => ["requirements", "design", ...rec.edge_cases.map((e, i) => `edge case ${i + 1}: ${e.call}`), "implementation"],
  static: (rec, c, ctx) => checkStatic(rec, c, ctx.modules),
  execute: (rec, c, ctx) => checkExecute(rec, c, ctx),
});
