import type { TaskKind } from "../core/trajectory-result.js";
import type { StepVerdict } from "../core/taxonomy.js";
import type { ErrorRecoveryMulti } from "../tasks/error-recovery-multi/schema.js";
import type { ErrorRecovery } from "../tasks/error-recovery/schema.js";
import { STEP } from "../tasks/error-recovery/verify.js";
import { turnSteps } from "../tasks/error-recovery-multi/verify.js";
import type { ImplementationRecord } from "../tasks/implementation/schema.js";
import type { PlanningRecord } from "../tasks/planning/schema.js";
import type { JudgeQuestionInput } from "./question.js";

// What the question builders read of a cascade: its steps (labels, evidence) and the facts execution measured.
export interface CascadeView {
  steps: readonly StepVerdict[];
  observed: Readonly<Record<string, unknown>>;
}

// Which steps to ask about, and what the earlier stages said on a step (nothing for a decided step asked about
// for calibration: its label is the answer key).
interface Pick {
  open(c: CascadeView, i: number | undefined): boolean;
  own(c: CascadeView, i: number): Record<string, string>;
}
type Builder = (rec: any, c: CascadeView, p: Pick) => JudgeQuestionInput[];

const UNVERIFIABLE: Pick = {
  open: (c, i) => i !== undefined && c.steps[i]?.label === "unverifiable",
  own: (c, i) => ({ "earlier stages on this step": c.steps[i]!.evidence }),
};
const EVERY_STEP: Pick = {
  open: (c, i) => i !== undefined && c.steps[i] !== undefined,
  own: (c, i) => (c.steps[i]!.label === "unverifiable" ? UNVERIFIABLE.own(c, i) : {}),
};
const said = (s: StepVerdict | undefined) => (s ? `${s.label}${s.errorType ? ` (${s.errorType})` : ""}: ${s.evidence}` : "");
const json = (v: unknown) => (v === undefined ? "" : JSON.stringify(v, null, 1));
const testsText = (t: { kind: string; code?: string; cases?: unknown; files?: Record<string, string> }) =>
  t.kind === "assert" ? (t.code ?? "") : t.kind === "io" ? json(t.cases) : Object.values(t.files ?? {}).join("\n");

// error-recovery: the diagnosis (root cause vs real error) and the explanation (vs the patch and its run).
const errorRecovery: Builder = (rec: ErrorRecovery, c, { open, own }) => {
  const base = { record: rec.id, context: { "buggy code": rec.buggy_code, patch: rec.patch, tests: testsText(rec.tests), "the failing test named": rec.failing_test, "the error the trajectory claims": rec.claimed_error } };
  const ran = {
    [`reproduction (step ${STEP.reproduction})`]: said(c.steps[STEP.reproduction]),
    [`patch (step ${STEP.patch})`]: said(c.steps[STEP.patch]),
    "run of the buggy code": json(c.observed.before),
    "run of the patched code": json(c.observed.after),
  };
  const out: JudgeQuestionInput[] = [];
  const { diagnosis, explanation } = STEP;
  if (open(c, diagnosis)) {
    const where = `${rec.diagnosis.function}${rec.diagnosis.line ? ` line ${rec.diagnosis.line}` : ""}`;
    out.push({ ...base, type: "root-cause", index: diagnosis, name: c.steps[diagnosis]!.name, text: `${where}: ${rec.diagnosis.text}`, evidence: { ...ran, ...own(c, diagnosis) }, restsOn: [STEP.reproduction] });
  }
  if (open(c, explanation)) {
    out.push({ ...base, type: "explanation", index: explanation, name: c.steps[explanation]!.name, text: rec.explanation, evidence: { ...ran, ...own(c, explanation) }, restsOn: [STEP.patch] });
  }
  return out;
};

// error-recovery-multi: each reflection left unverifiable, against the turn's real feedback.
const errorRecoveryMulti: Builder = (rec: ErrorRecoveryMulti, c, { open, own }) => {
  const out: JudgeQuestionInput[] = [];
  const real = (c.observed.turns ?? []) as Array<{ turn: number; verdict: string; failing: string[] }>;
  const at = turnSteps(rec.turns);
  rec.turns.forEach((t, k) => {
    const { code, feedback, reflection } = at[k]!;
    if (reflection === undefined || !open(c, reflection)) return;
    out.push({
      type: "reflection",
      record: rec.id,
      index: reflection,
      name: c.steps[reflection]!.name,
      text: t.reflection!,
      context: { [`turn ${k} ${t.code !== undefined ? "code" : "patch"}`]: t.code ?? t.patch ?? "", [`turn ${k} feedback as recorded`]: json(t.feedback) },
      evidence: {
        [`turn ${k} as really run`]: json(real.find((r) => r.turn === k)) || "not run",
        [`code step ${code}`]: said(c.steps[code]),
        [`feedback step ${feedback}`]: said(c.steps[feedback]),
        ...own(c, reflection),
      },
      restsOn: [feedback],
    });
  });
  return out;
};

// planning: alternatives rejected for prose reasons, the chosen approach, and plan steps not mapped to code.
const planning: Builder = (rec: PlanningRecord, c, { open, own }) => {
  const A = rec.alternatives.length;
  const codeAt = rec.code !== undefined ? c.steps.length - 1 : undefined;
  const claimAt = rec.complexity ? A + 1 + rec.plan.length : undefined;
  // the timing's label, not its milliseconds: a question must read the same on a re-run (the reply cache)
  const claim = claimAt !== undefined ? c.steps[claimAt] : undefined;
  const evidence = (i: number) => ({
    ...(codeAt !== undefined ? { [`code step ${codeAt}`]: said(c.steps[codeAt]) } : {}),
    ...(claim ? { [`complexity claim step ${claimAt}, timed in the sandbox`]: `${claim.name}: ${claim.label}${claim.errorType ? ` (${claim.errorType})` : ""}` } : {}),
    ...own(c, i),
  });
  const context = { problem: rec.problem, "chosen approach": `${rec.chosen.approach}: ${rec.chosen.reason}`, plan: rec.plan.map((p, k) => `${k + 1}. ${p.step}`).join("\n"), code: rec.code ?? "" };
  const texts: Array<[number, string]> = [
    ...rec.alternatives.map((a, k): [number, string] => [k, `${a.approach}${a.complexity ? ` (${a.complexity})` : ""}; rejected for ${a.rejected_for}: ${a.reason}`]),
    [A, `${rec.chosen.approach}: ${rec.chosen.reason}`],
    ...rec.plan.map((p, k): [number, string] => [A + 1 + k, p.step]),
  ];
  return texts.filter(([i]) => open(c, i)).map(([i, text]) => ({ type: "plan-step" as const, record: rec.id, index: i, name: c.steps[i]!.name, text, context, evidence: evidence(i) }));
};

// implementation: the requirements and the design, read against the code and what its run showed.
const implementation: Builder = (rec: ImplementationRecord, c, { open, own }) => {
  const impl = c.steps.length - 1;
  const context = { problem: rec.problem ?? "", code: rec.code };
  const evidence = (i: number) => ({ [`implementation step ${impl}`]: said(c.steps[impl]), "measured": json(c.observed), ...own(c, i) });
  const texts: Array<[number, string]> = [
    [0, rec.requirements.join("\n")],
    [1, [rec.design.approach, ...rec.design.functions.map((f) => `${f.name}: ${f.role}`)].join("\n")],
  ];
  return texts.filter(([i]) => open(c, i)).map(([i, text]) => ({ type: "plan-step" as const, record: rec.id, index: i, name: c.steps[i]!.name, text, context, evidence: evidence(i) }));
};

// The kinds whose unverifiable steps the judge can read; the others' steps stay as the earlier stages left them.
const BUILDERS: Partial<Record<TaskKind, Builder>> = {
  "error-recovery": errorRecovery,
  "error-recovery-multi": errorRecoveryMulti,
  planning,
  implementation,
};

// The judge questions of one verified record: only steps still unverifiable, each with the evidence gathered.
// `decided: true` (calibration sets only) asks about decided steps too, without their own label in the evidence.
export function questionsFor(kind: TaskKind, rec: unknown, c: CascadeView, opts: { decided?: boolean } = {}): JudgeQuestionInput[] {
  return BUILDERS[kind]?.(rec, c, opts.decided ? EVERY_STEP : UNVERIFIABLE) ?? [];
}
