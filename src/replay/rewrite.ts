import type { SuiteResult } from "../core/result.js";
import { failingTests } from "../tasks/error-recovery/outcome.js";
import { failureEvidence, mentionedEvidence } from "../tasks/error-recovery-multi/reflection.js";
import { parseErrorText } from "../tasks/shared/feedback.js";
import { extractFeedback } from "./extract-feedback.js";
import { knownTests } from "./known-tests.js";
import { checkable, type ReplayPlan } from "./plan.js";
import { feedbackOf } from "../generate/turn-feedback.js";
import { feedbackText } from "./render.js";
import type { ReplayResult } from "./schema.js";

// A corrected copy of a trajectory: the feedback of every diverged turn replaced by the real one, changed turns
// marked, and the turns after the first point where a reflection no longer makes sense dropped. Pure.

export interface RewriteOptions {
  /** Keep the turns after a stale reflection. */
  keepStaleTurns?: boolean;
}

export interface Rewritten {
  record: Record<string, unknown>;
  rewritten: number[];
  dropped: number;
}

// Why the reflection on turn k's feedback no longer makes sense once that feedback is the real run, or undefined.
export function staleReason(reflection: string | undefined, real: SuiteResult): string | undefined {
  const failing = failingTests(real);
  if (failing.length === 0) return "the real run already passes every test";
  if (reflection === undefined || !reflection.trim()) return undefined;
  const raised = new Set(failing.map((t) => parseErrorText(t.message ?? "").type).filter(Boolean));
  const named = [...new Set(reflection.match(/\b[A-Z]\w*(?:Error|Exception)\b/g) ?? [])].filter((t) => !raised.has(t));
  if (named.length) return `the reflection discusses ${named.join(", ")}, which the run never raised`;
  if (!mentionedEvidence(reflection, failureEvidence(failing))) return "the reflection discusses an error that did not happen";
  return undefined;
}

// The first rewritten turn whose reflection goes stale (the trajectory is cut after it), or -1.
function stalePoint(plan: ReplayPlan, result: ReplayResult, rewritten: number[]): number {
  const last = plan.turns.length - 1;
  for (const k of rewritten) {
    if (k === last) continue;
    if (staleReason(plan.turns[k]!.reflection, result.turns[k]!.real!)) return k;
  }
  return -1;
}

// The corrected copy of one trajectory (raw: the input line as read, every other field kept; `expect` dropped).
export function rewriteTrajectory(raw: Record<string, unknown>, plan: ReplayPlan, result: ReplayResult, opts: RewriteOptions = {}): Rewritten {
  const rewritten = result.turns.filter((t) => t.verdict === "diverged" && t.real).map((t) => t.turn);
  const stale = opts.keepStaleTurns ? -1 : stalePoint(plan, result, rewritten);
  const { expect: _expect, ...rest } = raw;
  const out = plan.shape === "multi-turn" ? rewriteRecord(rest, result, rewritten, stale) : rewriteTranscript(rest, plan, result, rewritten, stale);
  const dropped = stale >= 0 ? plan.turns.length - 1 - stale : 0;
  return { record: { ...out, rewritten_turns: rewritten, ...(dropped ? { dropped_turns: dropped } : {}) }, rewritten, dropped };
}

function rewriteRecord(rec: Record<string, unknown>, result: ReplayResult, rewritten: number[], stale: number): Record<string, unknown> {
  let turns = (rec.turns as Array<Record<string, unknown>>).map((t, k) => {
    if (!rewritten.includes(k)) return t;
    return { ...t, feedback: feedbackOf(result.turns[k]!.real!), rewritten: true };
  });
  if (stale >= 0) {
    turns = turns.slice(0, stale + 1);
    const { reflection: _r, ...last } = turns[stale]!;
    turns[stale] = last;
  }
  return { ...rec, turns };
}

function rewriteTranscript(rec: Record<string, unknown>, plan: ReplayPlan, result: ReplayResult, rewritten: number[], stale: number): Record<string, unknown> {
  const messages = rec.messages as Array<Record<string, unknown>>;
  const known = knownTests(plan.tests!);
  const replace = new Map<number, string>();
  const drop = new Set<number>();
  for (const k of rewritten) {
    const idx = plan.turns[k]!.messages!.feedback;
    replace.set(idx[0]!, feedbackText(result.turns[k]!.real!));
    // other messages of the turn that report feedback of their own go; plain requests ("please fix it") stay
    for (const i of idx.slice(1)) {
      if (checkable(extractFeedback(String(messages[i]!.content), { known, kind: plan.tests!.kind }))) drop.add(i);
    }
  }
  let end = messages.length;
  if (stale >= 0) {
    const t = plan.turns[stale]!.messages!;
    end = Math.max(t.code, ...t.feedback) + 1;
  }
  const out: Array<Record<string, unknown>> = [];
  for (let i = 0; i < end; i++) {
    if (drop.has(i)) continue;
    const m = messages[i]!;
    out.push(replace.has(i) ? { ...m, content: replace.get(i), rewritten: true } : m);
  }
  return { ...rec, messages: out };
}
