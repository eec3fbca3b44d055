import { suiteFailure, applyJudgement } from "../shared/differential.js";
import type { Cascade } from "../cascade.js";
import { defineTask, type ExecContext, type TaskContext } from "../types.js";
import { parseComplexity } from "./complexity.js";
import { judgeGrowth } from "./growth.js";
import { measureGrowth } from "./measure.js";
import { codeProblems, judgeAlternative, judgePlanStep } from "./plan-checks.js";
import { PlanningRecord } from "./schema.js";

const short = (s: string, n = 60) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

// Where each part of a record sits in the step list.
interface Layout {
  alt: (i: number) => number;
  chosen: number;
  plan: (i: number) => number;
  complexity: number | undefined;
  code: number | undefined;
}

// The step indices of a record: alternatives, the choice, the plan steps, the complexity claim, the code.
function layout(rec: PlanningRecord): Layout {
  const chosen = rec.alternatives.length;
  const afterPlan = chosen + 1 + rec.plan.length;
  const complexity = rec.complexity ? afterPlan : undefined;
  const code = rec.code !== undefined ? afterPlan + (rec.complexity ? 1 : 0) : undefined;
  return { alt: (i) => i, chosen, plan: (i) => chosen + 1 + i, complexity, code };
}

// The step names, in the trajectory's order.
function steps(rec: PlanningRecord): string[] {
  return [
    ...rec.alternatives.map((a, i) => `alternative ${i + 1}: ${short(a.approach)}`),
    `chosen: ${short(rec.chosen.approach)}`,
    ...rec.plan.map((p, i) => `plan step ${i + 1}: ${short(p.step)}`),
    ...(rec.complexity ? [`complexity claim: ${rec.complexity.time}`] : []),
    ...(rec.code !== undefined ? ["code"] : []),
  ];
}

// Why the complexity claim cannot be timed, or undefined when it can.
function untimeable(rec: PlanningRecord): string | undefined {
  if (!rec.complexity) return "no claim";
  if (!parseComplexity(rec.complexity.time)) return `${rec.complexity.time} is not a single-variable class Vouch times (O(1), O(log n), O(sqrt n), O(n), O(n log n), O(n^2), O(n^3), O(2^n))`;
  if (rec.code === undefined) return "no code to time";
  if (!rec.entry_point) return "no entry point to call (a stdin/stdout program is not timed)";
  if (!rec.complexity.input_builder || !/^\s*lambda\s+n\s*:/.test(rec.complexity.input_builder)) return "no `lambda n: args` input builder to make inputs of growing size";
  return undefined;
}

// Static stage: alternatives against the chosen complexity, plan steps against the code's identifiers, the code parsed.
function checkStatic(rec: PlanningRecord, c: Cascade, ctx: TaskContext): void {
  const at = layout(rec);
  rec.alternatives.forEach((a, i) => applyJudgement(c, at.alt(i), judgeAlternative(a, rec.complexity?.time)));
  c.unverifiable(at.chosen, `a choice: "${short(rec.chosen.reason, 100)}"; its support is checked on the alternatives, the plan and the complexity claim`);
  rec.plan.forEach((p, i) => applyJudgement(c, at.plan(i), judgePlanStep(p, rec.code)));
  if (at.complexity !== undefined) {
    const why = untimeable(rec);
    c.unverifiable(at.complexity, why ? `not timed: ${why}` : "needs timing in the sandbox (static only)");
  }
  if (at.code !== undefined && rec.code !== undefined) {
    const problems = codeProblems(rec.code, rec.entry_point, ctx.modules);
    for (const p of problems) c.wrong(at.code, p.type, p.evidence);
    if (!problems.length) c.unverifiable(at.code, rec.tests ? "parses, every name defined; the tests need a run" : "parses, every name defined; no tests to run");
  }
}

// Execute stage: the code against its tests, then the complexity claim against timings on growing inputs.
async function checkExecute(rec: PlanningRecord, c: Cascade, ctx: ExecContext): Promise<void> {
  const at = layout(rec);
  if (rec.code === undefined || at.code === undefined) return;
  if (c.steps[at.code]?.label === "wrong") c.note("the code failed its static checks: not run");
  else if (rec.tests) {
    const suite = await ctx.exec.runTests(rec.code, rec.tests);
    c.observed.tests = { verdict: suite.verdict, passed: suite.tests.filter((t) => t.status === "pass").length, total: suite.tests.length };
    const bad = suiteFailure(suite);
    if (bad) c.wrong(at.code, bad.type, bad.evidence);
    else c.correct(at.code, `all ${suite.tests.length} tests pass`);
  }
  if (at.complexity === undefined || untimeable(rec)) return;
  if (c.steps[at.code]?.label === "wrong") {
    c.unverifiable(at.complexity, "not timed: the code does not work (see the code step)");
    return;
  }
  const claim = parseComplexity(rec.complexity!.time)!;
  // timed with no other job of the batch running: their load would bend the curve
  const m = await ctx.exec.exclusive(() => measureGrowth(ctx.exec, rec.code!, rec.entry_point!, rec.complexity!.input_builder!));
  c.observed.timing = { claim: claim.cls, points: m.points, baseline: m.baseline, ...(m.stopped ? { stopped: m.stopped } : {}) };
  applyJudgement(c, at.complexity, judgeGrowth(claim.cls, m));
}

export const planningTask = defineTask({
  kind: "planning",
  title: "Planning: alternatives weighed, an ordered plan mapped to the code, the claimed complexity timed",
  schema: PlanningRecord,
  steps,
  static: checkStatic,
  execute: checkExecute,
});
