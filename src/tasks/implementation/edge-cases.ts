import { sameRepr } from "../../exec/task-exec.js";
import { describe, OUTSIDE_DOMAIN, type Judgement, type Outcome } from "../shared/differential.js";
import type { EdgeCase } from "./schema.js";

// What the edge case claims, in words.
function claimed(e: EdgeCase): string {
  return e.raises ? `raises ${e.raises}` : `returns ${e.expected}`;
}

// Judges an edge case's expected behaviour. With a reference, the reference decides: a contradicted expectation is
// a hallucinated-step (a value the trajectory asserted but never computed). Without one, only a disagreement with
// the trajectory's own code can be seen (inconsistent-step); agreement proves nothing.
// `canonical` is the expected literal as the sandbox printed it (undefined when it does not evaluate).
export function judgeEdgeCase(e: EdgeCase, reference: Outcome | undefined, code: Outcome | undefined, canonical: string | undefined): Judgement {
  if (reference) return againstReference(e, reference, canonical);
  if (!code) return { label: "unverifiable", evidence: "no reference and no run of the code" };
  return againstCode(e, code, canonical);
}

// The edge case against the trusted reference's outcome on the same input.
function againstReference(e: EdgeCase, ref: Outcome, canonical: string | undefined): Judgement {
  if (ref.kind === "value") {
    if (e.raises) return { label: "wrong", type: "hallucinated-step", evidence: `the reference returns ${ref.repr} on ${e.call}; the trajectory claims it raises ${e.raises}` };
    if (canonical === undefined) return { label: "unverifiable", evidence: `the expected value ${e.expected} is not a Python literal (the reference returns ${ref.repr})` };
    if (sameRepr(canonical, ref.repr)) return { label: "correct", evidence: `the reference returns ${ref.repr} on ${e.call}, as claimed` };
    return { label: "wrong", type: "hallucinated-step", evidence: `the reference returns ${ref.repr} on ${e.call}, not ${canonical} as claimed` };
  }
  if (ref.kind === "raised") {
    if (ref.message === OUTSIDE_DOMAIN) return { label: "unverifiable", evidence: `${e.call} is outside the record's input_domain` };
    if (e.raises === ref.type) return { label: "correct", evidence: `the reference raises ${ref.type} on ${e.call} too` };
    return { label: "unverifiable", evidence: `the reference itself ${describe(ref)} on ${e.call}: the problem does not define this input (claimed: ${claimed(e)})` };
  }
  return { label: "unverifiable", evidence: `on ${e.call} the reference ${describe(ref)}` };
}

// The edge case against the trajectory's own code (no reference): only a disagreement is a finding.
function againstCode(e: EdgeCase, code: Outcome, canonical: string | undefined): Judgement {
  if (code.kind === "value") {
    if (e.raises) return { label: "wrong", type: "inconsistent-step", evidence: `the code returns ${code.repr} on ${e.call}; the edge case says it raises ${e.raises}` };
    if (canonical === undefined) return { label: "unverifiable", evidence: `the expected value ${e.expected} is not a Python literal` };
    if (sameRepr(canonical, code.repr)) return { label: "unverifiable", evidence: `no reference to check the expectation; the code returns ${code.repr}, as the edge case says` };
    return { label: "wrong", type: "inconsistent-step", evidence: `the code returns ${code.repr} on ${e.call}; the edge case expects ${canonical}` };
  }
  if (code.kind === "raised") {
    if (e.raises === code.type) return { label: "unverifiable", evidence: `no reference; the code raises ${code.type}, as the edge case says` };
    return { label: "wrong", type: "inconsistent-step", evidence: `the code ${describe(code)} on ${e.call}; the edge case expects it ${claimed(e)}` };
  }
  return { label: "unverifiable", evidence: `on ${e.call} the code ${describe(code)}` };
}
