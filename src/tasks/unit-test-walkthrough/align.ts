import type { ErrorType, StepLabel } from "../../core/taxonomy.js";
import type { TraceLine } from "../../exec/trace.js";
import { bothNumeric, compareClaim } from "./compare-value.js";
import type { ResolvedClaim } from "./resolve-claims.js";

// What the trace says about one claimed step.
export interface StepJudgement {
  index: number;
  label: StepLabel;
  errorType?: ErrorType;
  evidence: string;
  /** The traced line the claim was aligned to, when there is one. */
  event?: TraceLine;
}

export interface TraceView {
  lines: readonly TraceLine[];
  /** False when recording stopped early or the run was killed: a line missing from it may still have run. */
  complete: boolean;
  /** Why it is incomplete, for evidence. */
  incompleteWhy?: string;
}

interface Failure {
  what: string;
  numeric: boolean;
  invented: boolean;
}

interface Check {
  matched: number;
  failures: Failure[];
  unknown: string[];
  shown: string[];
}

const cut = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

// Compares a claim's variables and return value with one traced line.
function checkAt(claim: ResolvedClaim, ev: TraceLine): Check {
  const c: Check = { matched: 0, failures: [], unknown: [], shown: [] };
  for (const [name, claimed] of claim.vars) {
    const real = ev.vars[name];
    if (real === undefined) {
      const locals = Object.keys(ev.vars);
      c.failures.push({ what: `\`${name}\` is not a variable of ${ev.fn} there (it has: ${locals.join(", ") || "none"})`, numeric: false, invented: true });
      continue;
    }
    const m = compareClaim(claimed, real, ev.cut.includes(name));
    if (m === "equal") {
      c.matched++;
      c.shown.push(`${name} = ${cut(real)}`);
    } else if (m === "unknown") c.unknown.push(`${name} (its repr was too long to record)`);
    // a number the line computed wrongly is an arithmetic error; a wrong value the line did not set
    // (a loop variable, an argument) places the step in a state that never happens
    else c.failures.push({ what: `${name} is ${cut(real)}, not ${cut(claimed)}`, numeric: bothNumeric(claimed, real) && ev.changed.includes(name), invented: false });
  }
  if (claim.returns !== undefined) {
    if (ev.returned === undefined) {
      c.failures.push({ what: ev.raised ? `the line raises ${ev.raised}, it returns nothing` : `${ev.fn} does not return at this line`, numeric: false, invented: true });
    } else if (compareClaim(claim.returns, ev.returned) === "equal") {
      c.matched++;
      c.shown.push(`returns ${cut(ev.returned)}`);
    } else {
      c.failures.push({ what: `it returns ${cut(ev.returned)}, not ${cut(claim.returns)}`, numeric: bothNumeric(claim.returns, ev.returned), invented: false });
    }
  }
  return c;
}

// Where a traced line is, for evidence: "line 4 in f (event 12)".
const at = (ev: TraceLine) => `line ${ev.line} in ${ev.fn}${ev.depth > 1 ? ` (call depth ${ev.depth})` : ""}, event ${ev.seq}`;

// Step k+1 must come after step k: it starts later, or (narrating a call before the line that made it) ends later.
const isAfter = (ev: TraceLine, prev: TraceLine | undefined) => !prev || ev.seq > prev.seq || ev.end > prev.end;

// Aligns claims to the trace in order, monotonic in time and tolerant of skipped events: each claim takes
// the first later run of its line whose variables match; if none matches, the run that matches most is the
// evidence. Steps the static stage already found wrong are left out by the caller.
export function alignClaims(claims: readonly ResolvedClaim[], trace: TraceView): StepJudgement[] {
  const out: StepJudgement[] = [];
  let prev: TraceLine | undefined;
  for (const claim of claims) {
    const ofLine = trace.lines.filter((ev) => ev.file === claim.file && claim.lines.includes(ev.line));
    const candidates = ofLine.filter((ev) => isAfter(ev, prev));
    const lineName = claim.lines.length === 1 ? `line ${claim.lines[0]}` : `lines ${claim.lines.join("/")}`;
    const fileName = claim.file === "test" ? " of the test" : "";
    if (!candidates.length) {
      if (!trace.complete) {
        out.push({ index: claim.index, label: "unverifiable", evidence: `${lineName}${fileName} is not in the recorded trace (${trace.incompleteWhy ?? "incomplete"})` });
      } else if (!ofLine.length) {
        out.push({ index: claim.index, label: "wrong", errorType: "hallucinated-step", evidence: `${lineName}${fileName} never runs in this test` });
      } else {
        const last = ofLine[ofLine.length - 1]!;
        out.push({
          index: claim.index,
          label: "wrong",
          errorType: "hallucinated-step",
          evidence: `${lineName}${fileName} runs ${ofLine.length} time(s), none after the previous step (${prev ? at(prev) : "start"}); its last run is ${at(last)}`,
        });
      }
      continue;
    }
    const checks = candidates.map((ev) => ({ ev, c: checkAt(claim, ev) }));
    const full = checks.find((x) => x.c.failures.length === 0);
    if (full) {
      if (!claim.marker) prev = full.ev;
      const notChecked = [...full.c.unknown, ...claim.unchecked.map((k) => `\`${k}\` (not a variable name)`)];
      const values = full.c.shown.length ? ` with ${full.c.shown.join(", ")}` : "";
      if (notChecked.length) {
        out.push({ index: claim.index, label: "unverifiable", evidence: `ran at ${at(full.ev)}${values}; not checked: ${notChecked.join(", ")}`, event: full.ev });
      } else {
        out.push({ index: claim.index, label: "correct", evidence: `ran at ${at(full.ev)}${values}`, event: full.ev });
      }
      continue;
    }
    const best = checks.reduce((a, b) => (b.c.matched > a.c.matched ? b : a));
    if (!trace.complete) {
      // the run with these values may be after the point where recording stopped
      out.push({ index: claim.index, label: "unverifiable", evidence: `no recorded run of ${lineName}${fileName} has the claimed values (closest: ${at(best.ev)}: ${best.c.failures.map((f) => f.what).join("; ")}); the trace is incomplete (${trace.incompleteWhy ?? "incomplete"})` });
      continue;
    }
    if (!claim.marker) prev = best.ev;
    const fs = best.c.failures;
    const errorType: ErrorType = fs.some((f) => f.invented) ? "hallucinated-step" : fs.every((f) => f.numeric) ? "arithmetic-error" : "hallucinated-step";
    const ok = best.c.shown.length ? ` (${best.c.shown.join(", ")} as claimed)` : "";
    const runs = candidates.length > 1 ? `; no later run of ${lineName} has the claimed values` : "";
    out.push({ index: claim.index, label: "wrong", errorType, evidence: `at ${at(best.ev)}: ${fs.map((f) => f.what).join("; ")}${ok}${runs}`, event: best.ev });
  }
  return out;
}
