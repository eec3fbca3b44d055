import type { ExecResult, Sandbox } from "../sandbox/types.js";
import { breachedLimit } from "./grade.js";
import type { RunPlan } from "./plan.js";

// Executes a plan's runs in one sandbox, in order, stopping after a limit breach. The only step with side effects.
export async function runPlan(sandbox: Sandbox, plan: RunPlan, timeoutMs: number): Promise<ExecResult[]> {
  const results: ExecResult[] = [];
  for (const run of plan.runs) {
    const r = await sandbox.exec(run.argv, { files: run.files, stdin: run.stdin, env: run.env, timeoutMs });
    results.push(r);
    if (breachedLimit(r)) break;
  }
  return results;
}
