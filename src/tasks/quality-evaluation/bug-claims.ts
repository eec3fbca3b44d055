import { callInput, describe, agrees, OUTSIDE_DOMAIN, type Judgement, type Outcome } from "../shared/differential.js";
import type { SuiteResult } from "../../core/result.js";
import { sameRepr } from "../../exec/task-exec.js";
import type { BugObservation } from "./schema.js";

export interface BugEvidence {
  /** The argument tuple of the claim's call, or undefined when it is not a call of the entry point. */
  input: string | undefined;
  /** The reference's outcome on the input; undefined when the record has no reference. */
  reference: Outcome | undefined;
  /** The code's outcome on the input; undefined when nothing ran. */
  code: Outcome | undefined;
  /** The claim's `expected` and `actual` literals as the sandbox printed them (undefined when absent or not literals). */
  expected?: string | undefined;
  actual?: string | undefined;
  /** A visible or hidden test on the same input that the code fails, as "name: message". */
  failingTest?: string | undefined;
}

// What the code did, in words ("returns 3", "raises IndexError: ...").
const did = (o: Outcome) => describe(o);

// The claim's own description of the code's behaviour, checked against what the code did; undefined when it holds.
function claimedBehaviour(o: BugObservation, ev: BugEvidence, code: Outcome): Judgement | undefined {
  if (o.raises && !(code.kind === "raised" && code.type === o.raises)) {
    return { label: "wrong", type: "hallucinated-step", evidence: `on ${o.call} the code ${did(code)}; it does not raise ${o.raises} as claimed` };
  }
  if (o.actual && ev.actual !== undefined && !(code.kind === "value" && sameRepr(ev.actual, code.repr))) {
    return { label: "wrong", type: "hallucinated-step", evidence: `on ${o.call} the code ${did(code)}, not ${ev.actual} as claimed` };
  }
  return undefined;
}

// Judges a claimed bug: its input must really fail, against the reference (the code does something else than the
// reference's value) or, without one, by crashing or failing a test on that input. An input on which the code is
// right, or a claimed behaviour the code does not show, is a hallucinated-step.
export function judgeBug(o: BugObservation, ev: BugEvidence): Judgement {
  if (!ev.input) return { label: "unverifiable", evidence: `${o.call} is not a call of the entry point: nothing to run` };
  const code = ev.code;
  if (!code) return { label: "unverifiable", evidence: "needs a run (static only)" };
  if (code.kind === "bad-input") return { label: "unverifiable", evidence: `${o.call} ${describe(code)}` };
  const ref = ev.reference;
  if (code.kind === "opaque" || ref?.kind === "opaque") {
    return { label: "unverifiable", evidence: `on ${o.call} ${code.kind === "opaque" ? "the code" : "the reference"} ${describe(code.kind === "opaque" ? code : ref!)}` };
  }
  if (ref) {
    if (ref.kind !== "value") {
      if (ref.kind === "raised" && ref.message === OUTSIDE_DOMAIN) return { label: "unverifiable", evidence: `${o.call} is outside the record's input_domain` };
      return { label: "unverifiable", evidence: `the reference itself ${describe(ref)} on ${o.call}: the problem does not define this input` };
    }
    if (agrees(ref, code)) return { label: "wrong", type: "hallucinated-step", evidence: `on ${o.call} the code returns ${code.kind === "value" ? code.repr : "?"}, the same as the reference: no bug on this input` };
    const off = claimedBehaviour(o, ev, code);
    if (off) return off;
    if (o.expected && ev.expected !== undefined && !sameRepr(ev.expected, ref.repr)) {
      return { label: "wrong", type: "hallucinated-step", evidence: `the bug is real, but the reference returns ${ref.repr} on ${o.call}, not ${ev.expected} as claimed` };
    }
    return { label: "correct", evidence: `on ${o.call} the code ${did(code)}; the reference returns ${ref.repr}` };
  }
  const off = claimedBehaviour(o, ev, code);
  if (off) return off;
  if (code.kind !== "value") return { label: "correct", evidence: `on ${o.call} the code ${did(code)}` };
  if (ev.failingTest) return { label: "correct", evidence: `a test on this input fails: ${ev.failingTest}` };
  if (o.expected && ev.expected !== undefined && sameRepr(ev.expected, code.repr)) {
    return { label: "wrong", type: "hallucinated-step", evidence: `on ${o.call} the code returns ${code.repr}, exactly what the evaluation says it should` };
  }
  return { label: "unverifiable", evidence: `no reference and no test on this input; the code returns ${code.repr}` };
}

// A failing test of a suite whose statement calls the entry point with the given arguments, as "name: message".
export function failingTestOn(suite: SuiteResult | undefined, entry: string, input: string): string | undefined {
  for (const t of suite?.tests ?? []) {
    if (t.status === "pass" || t.status === "skipped") continue;
    const stmt = t.name.replace(/^line \d+: /, "");
    if (callInput(stmt, entry) === input) return `${t.name}: ${t.status}${t.message ? ` (${t.message})` : ""}`;
  }
  return undefined;
}
