import { isVouchError } from "../core/errors.js";
import type { SuiteResult } from "../core/result.js";
import type { TaskExec } from "../exec/task-exec.js";
import { gradeReplay } from "./grade.js";
import type { ReplayPlan } from "./plan.js";
import type { ReplayResult } from "./schema.js";

// Runs a planned replay: every turn whose code can be had, `repeat` times, all at once (the sandbox pool bounds
// them); then grades. A sandbox failure makes the trajectory an infra-error, never a divergence.
export async function runReplay(plan: ReplayPlan, exec: TaskExec, opts: { repeat: number; image: string }): Promise<ReplayResult> {
  const t0 = performance.now();
  const base = { id: plan.id, shape: plan.shape, repeat: opts.repeat, image: opts.image };
  if (plan.unreplayable || !plan.tests) return gradeReplay(plan, [], { ...base, durationMs: 0 });
  const tests = plan.tests;
  try {
    const runs: SuiteResult[][] = await Promise.all(
      plan.turns.map((t) => (t.code === undefined ? Promise.resolve([]) : Promise.all(Array.from({ length: opts.repeat }, () => exec.runTests(t.code!, tests))))),
    );
    const broken = runs.flat().find((s) => s.verdict === "infra-error");
    if (broken) return infra(base, broken.message ?? "the sandbox failed", t0);
    return gradeReplay(plan, runs, { ...base, durationMs: performance.now() - t0 });
  } catch (e) {
    if (isVouchError(e) && e.code === "SANDBOX_UNAVAILABLE") return infra(base, e.message, t0);
    throw e;
  }
}

function infra(base: Omit<ReplayResult, "verdict" | "firstDivergedTurn" | "turns" | "durationMs">, reason: string, t0: number): ReplayResult {
  return { ...base, verdict: "infra-error", firstDivergedTurn: -1, reason, turns: [], durationMs: performance.now() - t0 };
}
