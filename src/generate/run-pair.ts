import type { AnnotatedProblem } from "../core/problem.js";
import { isVouchError } from "../core/errors.js";
import type { TrajectoryResult } from "../core/trajectory-result.js";
import type { GenerationContext, GenerationSpec } from "../tasks/generation.js";
import { TASKS } from "../tasks/registry.js";
import { verifyTrajectory, type TrajectoryContext } from "../tasks/verify-trajectory.js";

// What --keep writes: passing records, failing ones, or both (a sandbox failure is never written).
export type Keep = "passed" | "failed" | "all";

// Whether a verified record is written under --keep.
export function keeps(keep: Keep, verdict: TrajectoryResult["verdict"]): boolean {
  if (verdict === "infra-error") return false;
  return keep === "all" || (keep === "passed") === (verdict === "pass");
}

// What one problem and kind gave: verified records, a reason for none, or a failure attributed to the model
// or the sandbox. `stop` is set when the batch cannot go on (the endpoint is unreachable).
export type PairOutcome =
  | { kind: "records"; verified: Array<{ record: Record<string, unknown> & { id: string }; result: TrajectoryResult }>; skipped?: string; counters?: Record<string, number> }
  | { kind: "model-failure"; message: string }
  | { kind: "infra-error"; message: string }
  | { kind: "stop"; code: string; message: string };

// Runs one kind's generator on one problem and verifies each candidate it yields (ids in `done` are not
// verified again). Vouch's own bugs are thrown; model and sandbox failures are outcomes.
export async function runPair(
  p: AnnotatedProblem,
  spec: GenerationSpec,
  gctx: GenerationContext,
  tctx: TrajectoryContext,
  done: ReadonlySet<string>,
): Promise<PairOutcome> {
  let out;
  try {
    out = await spec.generate(p, gctx);
  } catch (e) {
    if (!isVouchError(e)) throw e;
    if (e.code === "LLM_REPLY_INVALID") return { kind: "model-failure", message: e.message };
    if (e.code === "SANDBOX_UNAVAILABLE") return { kind: "infra-error", message: e.message };
    if (e.code === "LLM_UNREACHABLE") return { kind: "stop", code: e.code, message: e.message };
    throw e;
  }
  const verified = [];
  for (const record of out.records) {
    if (done.has(record.id)) continue;
    const result = await verifyTrajectory(TASKS[record.task], record, tctx);
    verified.push({ record, result });
  }
  return { kind: "records", verified, ...(out.skipped ? { skipped: out.skipped } : {}), ...(out.counters ? { counters: out.counters } : {}) };
}

// The (problem, kind) pairs an output already holds records of: "<problem id>:<kind>" with or without a suffix.
export function donePairs(ids: Iterable<string>, kinds: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    for (const k of kinds) {
      for (let i = id.indexOf(`:${k}`); i > 0; i = id.indexOf(`:${k}`, i + 1)) {
        const rest = id.slice(i + 1 + k.length);
        if (rest === "" || rest.startsWith(":")) out.add(`${id.slice(0, i)}:${k}`);
      }
    }
  }
  return out;
}
