import { applyJudgement } from "../shared/differential.js";
import type { Cascade } from "../cascade.js";
import { defineTask, type ExecContext } from "../types.js";
import { calibrationAggregator } from "./calibration.js";
import { judgeAlgorithm, judgeConstraints, judgeLabel, judgeScore } from "./consistency.js";
import { DifficultyEstimationRecord } from "./schema.js";
import { statementBounds } from "./statement-bounds.js";

const CONSTRAINTS = 0;
const ALGORITHM = 1;
const LABEL = 2;
const SCORE = 3;

// The steps of a self-evaluation, in the order it reasons: constraints, intended algorithm, label from factors, score.
function steps(): string[] {
  return ["constraints", "intended algorithm", "label from factors", "score"];
}

// Static stage: each part against the statement's numbers and against the other parts.
function checkStatic(rec: DifficultyEstimationRecord, c: Cascade): void {
  const bounds = statementBounds(rec.problem);
  c.observed.statementBounds = Object.fromEntries(bounds);
  applyJudgement(c, CONSTRAINTS, judgeConstraints(rec.constraints, bounds));
  applyJudgement(c, ALGORITHM, judgeAlgorithm(rec.algorithm, rec.constraints, bounds));
  applyJudgement(c, LABEL, judgeLabel(rec.label, rec.factors, rec.constraints, bounds));
  applyJudgement(c, SCORE, judgeScore(rec.label, rec.score));
}

// Execute stage: the candidate solutions against the tests; their pass rate is the problem's empirical difficulty,
// kept in `observed` for the batch calibration (not a step label: one problem's pass rate says little alone).
async function checkExecute(rec: DifficultyEstimationRecord, c: Cascade, ctx: ExecContext): Promise<void> {
  if (!rec.solutions?.length || !rec.tests) {
    c.note(rec.solutions?.length ? "solutions without tests: no empirical difficulty" : "no solutions: no empirical difficulty");
    return;
  }
  const verdicts: string[] = [];
  for (const code of rec.solutions) verdicts.push((await ctx.exec.runTests(code, rec.tests)).verdict);
  const passed = verdicts.filter((v) => v === "pass").length;
  const passRate = Math.round((passed / verdicts.length) * 1000) / 1000;
  c.observed.solutions = { total: verdicts.length, passed, passRate, verdicts };
  c.note(`${passed}/${verdicts.length} solutions pass (empirical difficulty ${(1 - passRate).toFixed(2)}; estimate ${rec.label}, ${rec.score}/10)`);
}

export const difficultyEstimationTask = defineTask({
  kind: "difficulty-estimation",
  title: "Difficulty estimation: constraints, algorithm, label and score checked for consistency; calibration against solution pass rates",
  schema: DifficultyEstimationRecord,
  steps,
  static: checkStatic,
  execute: checkExecute,
  batch: calibrationAggregator,
});
