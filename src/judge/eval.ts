import { z } from "zod";
import { readJsonl } from "../dataset/jsonl-reader.js";
import type { StepJudge } from "./ask.js";
import { JudgeQuestion, QuestionType } from "./question.js";

// One labelled line of `vouch judge-eval`: a judge question (the step, its context, the execution evidence) and
// the label a person gave the step.
export const LabelledQuestion = JudgeQuestion.extend({
  expected: z.enum(["correct", "wrong"]),
  /** Where the label and the evidence come from (the fixture record), for people. */
  source: z.string().optional(),
});
export type LabelledQuestion = z.output<typeof LabelledQuestion>;

// Agreement, precision and recall of one question type; "wrong" is the positive class (a flagged step).
export const TypeScores = z.object({
  questions: z.number().int(),
  answered: z.number().int(),
  agree: z.number().int(),
  /** agree / questions (an unanswered question counts as a disagreement). */
  agreement: z.number(),
  precision: z.number().nullable(),
  recall: z.number().nullable(),
  /** Mean share of samples agreeing with the majority, over answered questions. */
  meanConfidence: z.number().nullable(),
});
export type TypeScores = z.infer<typeof TypeScores>;

export interface JudgeEvalReport {
  model: string;
  samples: number;
  byType: Partial<Record<QuestionType, TypeScores>>;
  overall: TypeScores;
  invalidLines: string[];
  disagreements: Array<{ id: string; type: QuestionType; expected: string; got: string; reason: string }>;
}

interface Tally {
  n: number;
  answered: number;
  agree: number;
  tp: number;
  fp: number;
  fn: number;
  conf: number;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

function scores(t: Tally): TypeScores {
  return {
    questions: t.n,
    answered: t.answered,
    agree: t.agree,
    agreement: ratio(t.agree, t.n) ?? 0,
    precision: ratio(t.tp, t.tp + t.fp),
    recall: ratio(t.tp, t.tp + t.fn),
    meanConfidence: ratio(t.conf, t.answered),
  };
}

// Runs the judge on every labelled question (concurrently, bounded by the client's limit) and scores it per type.
export async function judgeEval(input: string, judge: StepJudge): Promise<JudgeEvalReport> {
  const items: LabelledQuestion[] = [];
  const invalidLines: string[] = [];
  for await (const item of readJsonl(input, LabelledQuestion)) {
    if (item.ok) items.push(item.value);
    else invalidLines.push(item.error);
  }
  const answers = await Promise.all(items.map((q) => judge.ask(q)));
  const tallies = new Map<QuestionType | "all", Tally>();
  const tally = (k: QuestionType | "all") => tallies.get(k) ?? tallies.set(k, { n: 0, answered: 0, agree: 0, tp: 0, fp: 0, fn: 0, conf: 0 }).get(k)!;
  const disagreements: JudgeEvalReport["disagreements"] = [];
  items.forEach((q, i) => {
    const a = answers[i]!;
    const got = a.ok ? a.label : "unverifiable";
    for (const t of [tally(q.type), tally("all")]) {
      t.n++;
      if (a.ok) {
        t.answered++;
        t.conf += a.confidence;
      }
      if (got === q.expected) t.agree++;
      if (got === "wrong" && q.expected === "wrong") t.tp++;
      if (got === "wrong" && q.expected === "correct") t.fp++;
      if (got !== "wrong" && q.expected === "wrong") t.fn++;
    }
    if (got !== q.expected) disagreements.push({ id: `${q.record}#${q.index}`, type: q.type, expected: q.expected, got, reason: a.ok ? a.reason : a.reason });
  });
  const byType: JudgeEvalReport["byType"] = {};
  for (const t of QuestionType.options) if (tallies.has(t)) byType[t] = scores(tallies.get(t)!);
  return { model: judge.model, samples: judge.samples, byType, overall: scores(tally("all")), invalidLines, disagreements };
}

const show = (x: number | null) => (x === null ? "-" : x.toFixed(2));

// The report as a table for a terminal.
export function formatJudgeEval(r: JudgeEvalReport): string {
  const head = `judge ${r.model}, ${r.samples} sample(s) per step; "wrong" is the positive class`;
  const rows = [...Object.entries(r.byType), ["all", r.overall] as const].map(([k, s]) =>
    `  ${String(k).padEnd(12)} ${String(s!.questions).padStart(4)} ${String(s!.answered).padStart(8)} ${show(s!.agreement).padStart(9)} ${show(s!.precision).padStart(9)} ${show(s!.recall).padStart(6)} ${show(s!.meanConfidence).padStart(10)}`,
  );
  const out = [head, `  ${"type".padEnd(12)} ${"n".padStart(4)} ${"answered".padStart(8)} ${"agreement".padStart(9)} ${"precision".padStart(9)} ${"recall".padStart(6)} ${"confidence".padStart(10)}`, ...rows];
  if (r.disagreements.length) {
    out.push(`disagreements (${r.disagreements.length}):`);
    for (const d of r.disagreements) out.push(`  ${d.id} [${d.type}] expected ${d.expected}, judge ${d.got}: ${d.reason.slice(0, 160)}`);
  }
  if (r.invalidLines.length) out.push(`${r.invalidLines.length} invalid line(s):`, ...r.invalidLines.map((l) => `  ${l}`));
  return out.join("\n");
}
