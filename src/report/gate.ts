import type { ErrorType } from "../core/taxonomy.js";
import type { ResultEntry } from "./results-file.js";

/** A record that trips the --fail-on gate: its id and the gated error types its steps carry. */
export interface GateHit {
  id: string;
  errorTypes: ErrorType[];
  firstStep: number;
}

// The records whose steps carry one of the gated error types (e.g. hallucinated-step), in input order.
export function failOnHits(entries: Iterable<ResultEntry>, gated: readonly ErrorType[]): GateHit[] {
  const want = new Set(gated);
  const hits: GateHit[] = [];
  for (const e of entries) {
    if (e.kind !== "trajectory") continue;
    const steps = e.result.steps.filter((s) => s.label === "wrong" && !s.source && s.errorType && want.has(s.errorType)); // a judged step gates nothing
    if (steps.length === 0) continue;
    hits.push({ id: e.result.id, errorTypes: [...new Set(steps.map((s) => s.errorType!))], firstStep: steps[0]!.index });
  }
  return hits;
}

// One line per hit for a terminal, at most `max` of them.
export function formatGateHits(hits: GateHit[], max = 10): string[] {
  const lines = hits.slice(0, max).map((h) => `  ${h.id}: ${h.errorTypes.join(", ")} (step ${h.firstStep})`);
  if (hits.length > max) lines.push(`  ... and ${hits.length - max} more`);
  return lines;
}

// The pass rate of a whole results file (last result per id), infra errors left out as in the batch summary.
export function outputPassRate(entries: Iterable<ResultEntry>): number {
  let pass = 0;
  let judged = 0;
  for (const e of entries) {
    if (e.result.verdict === "infra-error") continue;
    judged++;
    if (e.result.verdict === "pass") pass++;
  }
  return judged === 0 ? 0 : pass / judged;
}
