import type { Judge } from "../math/judge.js";
import { judgedEvidence, type StepJudge } from "./ask.js";

// The math evaluator's Judge seam on a StepJudge: the step in the context of the problem and every other step,
// with what the offline checks said; a wrong step gets the math error label the judge gave.
export function mathJudge(judge: StepJudge): Judge {
  return async (step, ctx) => {
    const a = await judge.ask({
      type: "math-step",
      record: ctx.id,
      index: ctx.index,
      name: `step ${ctx.index}`,
      text: step,
      context: { problem: ctx.problem, "all steps": ctx.steps.map((s, i) => `${i}. ${s}`).join("\n") },
      evidence: { "the offline checks on this step": `${ctx.offline.label}: ${ctx.offline.evidence}` },
      restsOn: [],
    });
    if (!a.ok) throw new Error(a.reason);
    const label = a.label === "correct" ? "correct" : ((a.errorType ?? "invalid-transformation") as "arithmetic-error" | "invalid-transformation" | "undefined-variable" | "inconsistent-step");
    return { label, evidence: `judge (${judge.model}): ${judgedEvidence(a)}`, model: judge.model, confidence: a.confidence };
  };
}
