import type { TaskKind } from "../core/trajectory-result.js";
import type { Cascade } from "../tasks/cascade.js";
import type { TrajectoryJudge } from "../tasks/types.js";
import { judgedEvidence, type StepJudge } from "./ask.js";
import { questionsFor } from "./kinds.js";
import { JudgeQuestion } from "./question.js";
import { JudgedErrorType } from "./reply.js";

// The judge stage of the trajectory cascade: asks about every step still unverifiable that has a question type,
// puts the answers on the cascade (which refuses what contradicts execution), and leaves failures unverifiable.
export function trajectoryJudge(judge: StepJudge, weight: number): TrajectoryJudge {
  return {
    key: `${judge.key}:w${weight}`,
    weight,
    async judge(kind: TaskKind, rec: unknown, c: Cascade): Promise<void> {
      const questions: JudgeQuestion[] = [];
      for (const raw of questionsFor(kind, rec, c)) {
        const q = JudgeQuestion.safeParse(raw);
        if (q.success) questions.push(q.data);
        else c.note(`step ${raw.index} (${raw.name}): no judge question: ${q.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      }
      const left = c.steps.filter((s) => s.label === "unverifiable").length - questions.length;
      if (left > 0) c.note(`${left} unverifiable step(s) have no judge question (no prose claim the judge reads for them)`);
      const answers = await Promise.all(questions.map((q) => judge.ask(q)));
      questions.forEach((q, n) => {
        const a = answers[n]!;
        const step = c.steps[q.index]!;
        if (!a.ok) {
          c.unverifiable(q.index, `${step.evidence}; ${a.reason}`);
          c.note(`step ${q.index} (${step.name}): left unverifiable: ${a.reason}`);
          return;
        }
        const type = JudgedErrorType.safeParse(a.errorType);
        c.judged(q.index, {
          label: a.label,
          ...(a.label === "wrong" && type.success ? { errorType: type.data } : {}),
          evidence: judgedEvidence(a),
          model: judge.model,
          confidence: a.confidence,
          restsOn: q.restsOn,
        });
      });
    },
  };
}
