import type { SyntaxIssue } from "../../analysis/index.js";
import type { FunctionalFailure, Judgement } from "../shared/differential.js";
import type { QualityEvaluationRecord } from "./schema.js";

export interface VerdictEvidence {
  syntax: SyntaxIssue[];
  /** Whether the code was run (tests, hidden tests, differential). */
  ran: boolean;
  /** Whether anything could be run at all (tests or a reference present). */
  runnable: boolean;
  /** The first thing the code got wrong, when it ran and failed. */
  failure?: FunctionalFailure | undefined;
  /** What ran and passed, in a line. */
  summary: string;
  /** Labels of the observations, in order (to credit a low verdict with a verified defect). */
  labels: { kind: string; label: string }[];
}

// Judges the high/low verdict. "high" must survive the run (visible, hidden, differential): rating failing code high
// is a logical-leap; rating it high while listing a bug is an inconsistent-step. "low" is right when the code fails
// or a claimed bug is verified; on code that passes everything it is a style judgement and stays unverifiable.
export function judgeVerdict(rec: QualityEvaluationRecord, ev: VerdictEvidence): Judgement {
  const bugAt = rec.observations.findIndex((o) => o.kind === "bug");
  const parse = ev.syntax[0];
  if (rec.verdict === "high") {
    if (bugAt >= 0) return { label: "wrong", type: "inconsistent-step", evidence: `rated high, yet observation ${bugAt + 1} claims a bug` };
    if (parse) return { label: "wrong", type: "logical-leap", evidence: `rated high, but the code does not parse (line ${parse.line}:${parse.column}: ${parse.message})` };
    if (!ev.ran) return { label: "unverifiable", evidence: "whether the code works needs a run (static only)" };
    if (ev.failure) return { label: "wrong", type: "logical-leap", evidence: `rated high, but the code fails ${ev.failure.where === "differential" ? "against the reference" : `the ${ev.failure.where} tests`}: ${ev.failure.evidence} (${ev.failure.type})` };
    if (!ev.runnable) return { label: "unverifiable", evidence: "no tests and no reference: nothing shows the code works" };
    return { label: "correct", evidence: ev.summary };
  }
  if (parse) return { label: "correct", evidence: `the code does not parse (line ${parse.line}:${parse.column}: ${parse.message})` };
  const verifiedBug = ev.labels.findIndex((l) => l.kind === "bug" && l.label === "correct");
  if (verifiedBug >= 0) return { label: "correct", evidence: `observation ${verifiedBug + 1} is a verified defect${ev.failure ? `; ${ev.failure.where}: ${ev.failure.evidence}` : ""}` };
  if (ev.failure) return { label: "correct", evidence: `the code fails ${ev.failure.where === "differential" ? "against the reference" : `the ${ev.failure.where} tests`}: ${ev.failure.evidence}` };
  if (!ev.ran) return { label: "unverifiable", evidence: "whether the code fails needs a run (static only)" };
  const style = ev.labels.filter((l) => l.kind !== "bug" && l.kind !== "remark" && l.label === "correct").length;
  return { label: "unverifiable", evidence: `the code passes (${ev.summary}); a low rating rests on ${style ? `${style} verified style observation(s)` : "judgement"}` };
}
