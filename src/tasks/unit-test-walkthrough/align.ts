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
    // (a `for` line's target is not computed: a wrong one is an iteration that does not happen)
    else c.failures.push({ what: `${name} is ${cut(real)}, not ${cut(claimed)}`, numeric: bothNumeric(claimed, real) && ev.changed.includes(name) && !claim.loopTargets?.includes(name), invented: false });
  }
  if (claim.event === "return" && claim.returns === undefined && ev.returned === undefined) {
    c.failures.push({ what: ev.raised ? `the line raises ${ev.raised}, ${ev.fn} does not return there` : `${ev.fn} does not return at this line`, numeric: false, invented: true });
  } else if (claim.event === "return" && claim.returns === undefined) c.shown.push(`returns ${cut(ev.returned!)}`);
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

// Whether a run is in the function a claim names ("f.g" for the traced "f.<locals>.g"); any when it names none.
const inFunction = (ev: TraceLine, fn: string | undefined) => {
  if (fn === undefined) return true;
  const q = ev.fn.replace(/\.<locals>/g, "");
  return q === fn || q.endsWith(`.${fn}`);
};

// The runs a claim may be: its lines in its file, in the function it names, returning when it says so.
function runsOf(claim: ResolvedClaim, trace: TraceView): TraceLine[] {
  return trace.lines.filter((ev) => ev.file === claim.file && claim.lines.includes(ev.line) && inFunction(ev, claim.fn));
}

// A placement's cost. A mismatching claim costs 1 when its values are those of another run of its line (it may
// be displaced: a slip equal to a later iteration, or a skip), 1.2 when no run has them (a wrong value
// wherever it goes); a claim left unplaced (an iteration too many) costs 2.5, so a placement that needs three
// displaced claims to avoid leaving one out (a walkthrough that skipped ahead, then narrated one run too many)
// loses to leaving it out, while one displaced slip with its consequences is judged where it happens.
const UNPLACED = 2.5;
const mismatchCost = (c: Check, displaced: boolean) => (c.failures.length ? (displaced ? 1 : 1.2) + c.failures.length / 1e9 : 0);
// each run of the claim's line passed over (earlier than the chosen one, after the previous step) costs a
// little: of two placements with as many mismatches, the one that follows the trace run by run wins
const SKIP = 1e-6;
const skipped = (runs: readonly TraceLine[], ev: TraceLine, prev: TraceLine | undefined) =>
  runs.filter((r) => r !== ev && isAfter(r, prev) && r.seq < ev.seq && r.end < ev.end).length;
const MAX_WORK = 4_000_000;

interface Entry {
  cost: number;
  /** The last run placed (where the next claim must come after); undefined at the start. */
  last: TraceLine | undefined;
  /** The placement of every claim so far (undefined: unplaced). */
  path: Array<{ ev: TraceLine; check: Check } | undefined>;
}

// The placement of the claims on the trace, in order, that leaves fewest claims unplaced and then has fewest
// mismatching claims; ties go to the earliest runs. So a step whose wrong value equals a later iteration's is
// judged at its own iteration whenever the steps after it need the later ones, and a walkthrough may still
// skip iterations it does not narrate. Undefined when the search would be too large.
function bestPlacement(claims: readonly ResolvedClaim[], runs: TraceLine[][]): Entry["path"] | undefined {
  let work = 0;
  let entries: Entry[] = [{ cost: 0, last: undefined, path: [] }];
  claims.forEach((claim, i) => {
    if (work > MAX_WORK) return;
    const next: Entry[] = entries.map((e) => ({ cost: e.cost + UNPLACED, last: e.last, path: [...e.path, undefined] }));
    const checks = new Map(runs[i]!.map((ev) => [ev, checkAt(claim, ev)] as const));
    work += runs[i]!.length;
    const displaced = [...checks.values()].some((c) => c.failures.length === 0);
    for (const ev of runs[i]!) {
      let best: Entry | undefined;
      for (const e of entries) {
        work++;
        if (isAfter(ev, e.last) && (!best || e.cost < best.cost)) best = e;
      }
      if (!best) continue;
      const check = checks.get(ev)!;
      next.push({ cost: best.cost + mismatchCost(check, displaced) + SKIP * skipped(runs[i]!, ev, best.last), last: claim.marker ? best.last : ev, path: [...best.path, { ev, check }] });
    }
    // keep, per last run, the cheapest entry (the earliest placement on ties: entries are in order)
    const byLast = new Map<TraceLine | undefined, Entry>();
    for (const e of next) {
      const had = byLast.get(e.last);
      if (!had || e.cost < had.cost) byLast.set(e.last, e);
    }
    entries = [...byLast.values()];
  });
  if (work > MAX_WORK) return undefined;
  const better = (a: Entry, b: Entry) => b.cost < a.cost || (b.cost === a.cost && (firstFault(b) > firstFault(a) || (firstFault(b) === firstFault(a) && seqSum(b) < seqSum(a))));
  return entries.reduce((a, b) => (better(a, b) ? b : a)).path;
}

// Among placements of equal cost: the one whose first unplaced or mismatching claim comes last (as a reader
// going through the steps would find it), then the earliest runs.
const firstFault = (e: Entry) => {
  const i = e.path.findIndex((p) => !p || p.check.failures.length > 0);
  return i < 0 ? Infinity : i;
};
const seqSum = (e: Entry) => e.path.reduce((s, p) => s + (p ? p.ev.seq : 0), 0);

// The greedy placement (for traces too long to search): each claim takes the first later run whose values all
// match, else the run matching most.
function greedyPlacement(claims: readonly ResolvedClaim[], runs: TraceLine[][]): Entry["path"] {
  let prev: TraceLine | undefined;
  return claims.map((claim, i) => {
    const checks = runs[i]!.filter((ev) => isAfter(ev, prev)).map((ev) => ({ ev, check: checkAt(claim, ev) }));
    if (!checks.length) return undefined;
    const pick = checks.find((x) => x.check.failures.length === 0) ?? checks.reduce((a, b) => (b.check.matched > a.check.matched ? b : a));
    if (!claim.marker) prev = pick.ev;
    return pick;
  });
}

// Aligns claims to the trace in order (see bestPlacement) and judges each at its run. Steps the static stage
// already found wrong are left out by the caller.
export function alignClaims(claims: readonly ResolvedClaim[], trace: TraceView): StepJudgement[] {
  const runs = claims.map((c) => runsOf(c, trace));
  const path = bestPlacement(claims, runs) ?? greedyPlacement(claims, runs);
  const out: StepJudgement[] = [];
  let prev: TraceLine | undefined;
  claims.forEach((claim, i) => {
    const ofLine = runs[i]!;
    const placed = path[i];
    const lineName = claim.lines.length === 1 ? `line ${claim.lines[0]}` : `lines ${claim.lines.join("/")}`;
    const fileName = `${claim.file === "test" ? " of the test" : ""}${claim.fn ? ` in ${claim.fn}` : ""}`;
    if (!placed) {
      const later = ofLine.filter((ev) => isAfter(ev, prev));
      if (!trace.complete) {
        out.push({ index: claim.index, label: "unverifiable", evidence: `${lineName}${fileName} is not in the recorded trace with these values (${trace.incompleteWhy ?? "incomplete"})` });
      } else if (!ofLine.length) {
        out.push({ index: claim.index, label: "wrong", errorType: "hallucinated-step", evidence: `${lineName}${fileName} never runs in this test` });
      } else if (!later.length) {
        const last = ofLine[ofLine.length - 1]!;
        out.push({ index: claim.index, label: "wrong", errorType: "hallucinated-step", evidence: `${lineName}${fileName} runs ${ofLine.length} time(s), none after the previous step (${prev ? at(prev) : "start"}); its last run is ${at(last)}` });
      } else {
        const best = later.map((ev) => ({ ev, c: checkAt(claim, ev) })).reduce((a, b) => (b.c.matched > a.c.matched ? b : a));
        out.push({ index: claim.index, label: "wrong", errorType: "hallucinated-step", evidence: `the steps around it need every run of ${lineName}${fileName} after the previous step; the closest is ${at(best.ev)}: ${best.c.failures.map((f) => f.what).join("; ") || "taken by another step"}` });
      }
      return;
    }
    const { ev, check } = placed;
    if (!claim.marker) prev = ev;
    const values = check.shown.length ? ` with ${check.shown.join(", ")}` : "";
    if (!check.failures.length) {
      const notChecked = [...check.unknown, ...claim.unchecked.map((k) => `\`${k}\` (not a variable name)`)];
      if (notChecked.length) out.push({ index: claim.index, label: "unverifiable", evidence: `ran at ${at(ev)}${values}; not checked: ${notChecked.join(", ")}`, event: ev });
      else out.push({ index: claim.index, label: "correct", evidence: `ran at ${at(ev)}${values}`, event: ev });
      return;
    }
    if (!trace.complete) {
      out.push({ index: claim.index, label: "unverifiable", evidence: `no recorded run of ${lineName}${fileName} in order has the claimed values (closest: ${at(ev)}: ${check.failures.map((f) => f.what).join("; ")}); the trace is incomplete (${trace.incompleteWhy ?? "incomplete"})` });
      return;
    }
    const fs = check.failures;
    const errorType: ErrorType = fs.some((f) => f.invented) ? "hallucinated-step" : fs.every((f) => f.numeric) ? "arithmetic-error" : "hallucinated-step";
    const ok = check.shown.length ? ` (${check.shown.join(", ")} as claimed)` : "";
    const laterMatch = ofLine.find((r) => r.seq > ev.seq && checkAt(claim, r).failures.length === 0);
    const note = laterMatch ? `; the claimed values are those of a later run (${at(laterMatch)}), but the steps after this one follow the runs in between` : "";
    out.push({ index: claim.index, label: "wrong", errorType, evidence: `at ${at(ev)}: ${fs.map((f) => f.what).join("; ")}${ok}${note}`, event: ev });
  });
  return out;
}

// Aligns claims that say they are the whole trace or its beginning (`steps_cover`): each step is the very next
// line the solution's functions run (and the test's lines, when steps are in the test), none left out; for
// "whole", no line runs after the last step.
export function alignCovering(claims: readonly ResolvedClaim[], trace: TraceView, cover: "whole" | "beginning"): StepJudgement[] {
  const withTest = claims.some((c) => c.file === "test");
  const seqOf = trace.lines.filter((ev) => (ev.file === "solution" && ev.fn !== "<module>") || (withTest && ev.file === "test"));
  const out: StepJudgement[] = [];
  const matches = (claim: ResolvedClaim, ev: TraceLine) => ev.file === claim.file && claim.lines.includes(ev.line) && inFunction(ev, claim.fn);
  let p = 0;
  let lastIndex: number | undefined;
  for (const claim of claims) {
    const lineName = `line ${claim.lines.join("/")}${claim.file === "test" ? " of the test" : ""}`;
    const ev = seqOf[p];
    if (!ev) {
      if (!trace.complete) out.push({ index: claim.index, label: "unverifiable", evidence: `the recorded trace ends before this step (${trace.incompleteWhy ?? "incomplete"})` });
      else out.push({ index: claim.index, label: "wrong", errorType: "hallucinated-step", evidence: `the steps say they cover the trace, but nothing runs after the previous step (${seqOf.length} lines run in all)` });
      continue;
    }
    if (!matches(claim, ev)) {
      out.push({ index: claim.index, label: "wrong", errorType: "hallucinated-step", evidence: `the steps say they cover the trace in order, but the line that runs next is ${at(ev)}, not ${lineName}` });
      const k = seqOf.findIndex((e, j) => j > p && matches(claim, e));
      if (k >= 0 && !claim.marker) p = k + 1;
      continue;
    }
    if (!claim.marker) p++;
    lastIndex = claim.index;
    const check = checkAt(claim, ev);
    const values = check.shown.length ? ` with ${check.shown.join(", ")}` : "";
    if (!check.failures.length) {
      const notChecked = [...check.unknown, ...claim.unchecked.map((k) => `\`${k}\` (not a variable name)`)];
      out.push({ index: claim.index, label: notChecked.length ? "unverifiable" : "correct", evidence: `ran next, at ${at(ev)}${values}${notChecked.length ? `; not checked: ${notChecked.join(", ")}` : ""}`, event: ev });
      continue;
    }
    const fs = check.failures;
    const errorType: ErrorType = fs.some((f) => f.invented) ? "hallucinated-step" : fs.every((f) => f.numeric) ? "arithmetic-error" : "hallucinated-step";
    out.push({ index: claim.index, label: "wrong", errorType, evidence: `at ${at(ev)}: ${fs.map((f) => f.what).join("; ")}`, event: ev });
  }
  if (cover === "whole" && trace.complete && p < seqOf.length && lastIndex !== undefined) {
    const j = out.find((o) => o.index === lastIndex)!;
    if (j.label !== "wrong") {
      Object.assign(j, { label: "wrong", errorType: "hallucinated-step", evidence: `the steps say they are the whole trace, but ${seqOf.length - p} more line(s) run after this one (next: ${at(seqOf[p]!)})` });
    }
  }
  return out;
}
