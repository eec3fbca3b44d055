import type { SuiteResult } from "../core/result.js";
import { compareTurn, feedbackDiff } from "./compare.js";
import { runDisagreements } from "./flaky.js";
import { checkable, type ReplayPlan } from "./plan.js";
import type { ReplayResult, ReplayTurn, ReplayVerdict } from "./schema.js";

// A replay graded from its plan and the runs of each turn (runs[k] is empty when turn k did not run). Pure.

// One turn's verdict from its runs.
function gradeTurn(plan: ReplayPlan, k: number, runs: readonly SuiteResult[]): ReplayTurn {
  const t = plan.turns[k]!;
  const base = { turn: k, recorded: t.recorded, runs: runs.length, ...(runs[0] ? { real: runs[0] } : {}) };
  if (t.code === undefined || runs.length === 0) return { ...base, verdict: "unchecked", reasons: [t.reason ?? "the turn did not run"] };
  const disagree = runDisagreements(runs);
  if (disagree.length) return { ...base, verdict: "flaky", reasons: disagree };
  if (!checkable(t.recorded)) return { ...base, verdict: "unchecked", reasons: ["the turn's feedback says nothing a run can check"] };
  const bad = compareTurn(t.recorded, runs[0]!);
  if (bad.length === 0) return { ...base, verdict: "reproduced", reasons: [] };
  return { ...base, verdict: "diverged", reasons: bad, diff: feedbackDiff(t.recorded, runs[0]!) };
}

// The trajectory's verdict from its turns: any diverged turn charges it; else flaky turns make it flaky; else it is
// reproduced when any turn was checked, and unreplayable when none could be.
export function gradeReplay(plan: ReplayPlan, runs: ReadonlyArray<readonly SuiteResult[]>, extra: { repeat: number; image: string; durationMs: number }): ReplayResult {
  const base = { id: plan.id, shape: plan.shape, repeat: extra.repeat, image: extra.image, durationMs: extra.durationMs };
  if (plan.unreplayable) return { ...base, verdict: "unreplayable", firstDivergedTurn: -1, reason: plan.unreplayable, turns: [] };
  const turns = plan.turns.map((_, k) => gradeTurn(plan, k, runs[k] ?? []));
  const first = turns.findIndex((t) => t.verdict === "diverged");
  const has = (v: ReplayTurn["verdict"]) => turns.some((t) => t.verdict === v);
  const verdict: ReplayVerdict = first >= 0 ? "diverged" : has("flaky") ? "flaky" : has("reproduced") ? "reproduced" : "unreplayable";
  const reason = verdict === "unreplayable" ? `no turn could be checked: ${turns.map((t) => `turn ${t.turn}: ${t.reasons[0]}`).join("; ")}` : undefined;
  return { ...base, verdict, firstDivergedTurn: first, ...(reason ? { reason } : {}), turns };
}
