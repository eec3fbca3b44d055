import { callsTo } from "../../analysis/index.js";
import type { SuiteResult } from "../../core/result.js";
import type { ErrorType } from "../../core/taxonomy.js";
import type { TestSpec } from "../../core/test-spec.js";
import { sameRepr, type CallOutcome, type JobEnd, type TaskExec } from "../../exec/task-exec.js";
import type { Cascade } from "../cascade.js";

// A label for one step with its evidence, computed by a pure check and then put on the cascade.
export type Judgement = { label: "correct" | "unverifiable"; evidence: string } | { label: "wrong"; type: ErrorType; evidence: string };

// Puts a judgement on a step of the cascade.
export function applyJudgement(c: Cascade, index: number, j: Judgement): void {
  if (j.label === "correct") c.correct(index, j.evidence);
  else if (j.label === "wrong") c.wrong(index, j.type, j.evidence);
  else c.unverifiable(index, j.evidence);
}

// Where a differential input came from: a visible or hidden test, a trajectory's edge case or claim, or the generator.
export type InputOrigin = "test" | "edge" | "claim" | "generated";

export interface LabeledInput {
  /** A Python expression giving the argument tuple, e.g. "(1, [2, 3],)". */
  input: string;
  origin: InputOrigin;
}

// What one side (reference or code) did on one input.
export type Outcome =
  | { kind: "value"; repr: string }
  /** A returned object whose repr carries a memory address (`<Foo object at 0x7f...>`): nothing to compare by. */
  | { kind: "opaque"; repr: string }
  | { kind: "raised"; type: string; message: string; where: string | null }
  | { kind: "bad-input"; message: string }
  | { kind: "stopped"; limit: "timeout" | "memory-limit" | "output-limit" | "crash" }
  | { kind: "not-loaded"; message: string };

export interface DiffCase extends LabeledInput {
  reference: Outcome;
  code: Outcome;
  /** The code returned the reference's value (reprs equal, numbers to 1e-9). */
  agree: boolean;
}

export interface DifferentialResult {
  /** Every input given, in order, then the generated ones; the reference's and the code's outcomes. */
  cases: DiffCase[];
  /** Why the reference could not be run at all (it failed to load), when that happened. */
  referenceError?: string;
}

/** Raised by the guarded reference on inputs outside `input_domain`. */
export const OUTSIDE_DOMAIN = "outside the input domain";
const GUARDED_ENTRY = "__vouch_reference";

// An argument list as written ("(5)", "(1, [2])") as a tuple expression the call harness takes as the arguments.
export function asTuple(argsText: string): string {
  const t = argsText.trim();
  const inner = t.startsWith("(") && t.endsWith(")") ? t.slice(1, -1).trim() : t;
  if (inner === "") return "()";
  return inner.endsWith(",") ? `(${inner})` : `(${inner},)`;
}

// The argument tuples of every call of `entry` in assert-test code (one per call site, duplicates dropped).
export function testInputs(testsCode: string, entry: string): string[] {
  const out: string[] = [];
  for (const site of callsTo(testsCode, entry)) {
    const t = asTuple(site.argsText);
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

// The argument tuple of a single written call of `entry` ("f([1, 2])"), or undefined when it is not one.
export function callInput(call: string, entry: string): string | undefined {
  const sites = callsTo(call, entry);
  return sites.length >= 1 ? asTuple(sites[0]!.argsText) : undefined;
}

// The inputs of a test spec Vouch can replay as calls: assert tests only (io and pytest tests have no call sites).
export function specInputs(spec: TestSpec | undefined, entry: string): string[] {
  return spec?.kind === "assert" ? testInputs(spec.code, entry) : [];
}

// The reference with an entry that refuses inputs outside `domain` (a Python predicate over the arguments),
// so the generator keeps to valid inputs and out-of-domain claims are recognised as such.
export function guardedReference(reference: string, entry: string, domain?: string): { code: string; entry: string } {
  if (!domain) return { code: reference, entry };
  const code = `${reference}\n\ndef ${GUARDED_ENTRY}(*args):\n    if not (${domain})(*args):\n        raise ValueError(${JSON.stringify(OUTSIDE_DOMAIN)})\n    return ${entry}(*args)\n`;
  return { code, entry: GUARDED_ENTRY };
}

// The call harness's answer for inputs 0..n-1: what each input did, or why the job never got to it.
export function outcomesFor(n: number, outcomes: CallOutcome[], end: JobEnd): Outcome[] {
  const byIndex = new Map(outcomes.map((o) => [o.i, o]));
  const out: Outcome[] = [];
  for (let i = 0; i < n; i++) {
    const o = byIndex.get(i);
    if (!o) {
      if (end.loadError) out.push({ kind: "not-loaded", message: `${end.loadError.type}: ${end.loadError.message}` });
      else out.push({ kind: "stopped", limit: end.limit ?? "crash" });
    } else if ("badInput" in o) out.push({ kind: "bad-input", message: `${o.badInput.type}: ${o.badInput.message}` });
    else if (!o.ok && o.timedOut) out.push({ kind: "stopped", limit: "timeout" });
    else if (o.ok) out.push({ kind: OPAQUE_REPR.test(o.repr) ? "opaque" : "value", repr: o.repr });
    else out.push({ kind: "raised", type: o.error.type, message: o.error.message, where: o.error.where });
  }
  return out;
}

// A repr that names an object by its address: two runs never print the same one, equal objects or not.
const OPAQUE_REPR = /\bat 0x[0-9a-f]+>/i;

// A case the differential can judge: the reference returned a value, and the code did not return an object
// known only by its address (a false alarm is worse than a check left out).
export function comparable(c: DiffCase): boolean {
  return c.reference.kind === "value" && c.code.kind !== "opaque";
}

// Did the code do what the reference did? Only a returned value of the reference counts as a target.
export function agrees(reference: Outcome, code: Outcome): boolean {
  return reference.kind === "value" && code.kind === "value" && sameRepr(reference.repr, code.repr);
}

// An outcome as a verb phrase for evidence ("returns 3", "raises IndexError: ...", "does not load (...)").
export function describe(o: Outcome): string {
  switch (o.kind) {
    case "value":
      return `returns ${o.repr}`;
    case "opaque":
      return `returns ${o.repr} (an object known only by its address: not compared)`;
    case "raised":
      return `raises ${o.type}${o.message ? `: ${o.message}` : ""}${o.where ? ` (at ${o.where})` : ""}`;
    case "bad-input":
      return `cannot be called: the arguments do not evaluate (${o.message})`;
    case "stopped":
      return `was stopped (${o.limit}) at or before this input`;
    case "not-loaded":
      return `does not load (${o.message})`;
  }
}

// Runs `code` and the reference on the given inputs and on inputs generated from them (mutations on which the
// reference returns), each side in its own job, and pairs the outcomes.
export async function differential(
  exec: TaskExec,
  opts: { code: string; reference: string; entry: string; inputs: LabeledInput[]; generate?: number; domain?: string; seed?: number },
): Promise<DifferentialResult> {
  const ref = guardedReference(opts.reference, opts.entry, opts.domain);
  const given = opts.inputs.map((i) => i.input);
  const r1 = await exec.call(ref.code, ref.entry, given);
  if (r1.end.loadError) return { cases: [], referenceError: `${r1.end.loadError.type}: ${r1.end.loadError.message}` };
  const refOut = outcomesFor(given.length, r1.outcomes, r1.end);
  const seeds = given.filter((_, i) => refOut[i]!.kind === "value");
  const count = opts.generate ?? 30;
  const gen = count > 0 && seeds.length ? (await exec.generate(ref.code, ref.entry, seeds, count, opts.seed ?? 0)).inputs : [];
  const all: LabeledInput[] = [...opts.inputs, ...gen.map((g) => ({ input: g.input, origin: "generated" as const }))];
  const refAll: Outcome[] = [...refOut, ...gen.map((g) => ({ kind: "value" as const, repr: g.repr }))];
  const r2 = await exec.call(opts.code, opts.entry, all.map((a) => a.input));
  const codeOut = outcomesFor(all.length, r2.outcomes, r2.end);
  return {
    cases: all.map((a, i) => ({ ...a, reference: refAll[i]!, code: codeOut[i]!, agree: agrees(refAll[i]!, codeOut[i]!) })),
  };
}

// The canonical reprs of Python literals a trajectory wrote ("[1,2]" -> "[1, 2]"), evaluated in the sandbox;
// undefined for one that does not evaluate.
export async function canonicalReprs(exec: TaskExec, literals: string[]): Promise<(string | undefined)[]> {
  if (!literals.length) return [];
  const r = await exec.call("def canon(x):\n    return x\n", "canon", literals.map((l) => `(${l},)`));
  return outcomesFor(literals.length, r.outcomes, r.end).map((o) => (o.kind === "value" ? o.repr : undefined));
}

// The execution error type a failing suite shows: its first failing test's status, or the crash.
export function suiteFailure(suite: SuiteResult): { type: ErrorType; evidence: string } | undefined {
  if (suite.verdict === "pass" || suite.verdict === "infra-error") return undefined;
  const bad = suite.tests.find((t) => t.status !== "pass" && t.status !== "skipped");
  const passed = suite.tests.filter((t) => t.status === "pass").length;
  const tally = `${passed}/${suite.tests.length} pass`;
  if (!bad) {
    const msg = suite.message ?? suite.stderr?.trim().split("\n").at(-1) ?? suite.verdict;
    const type: ErrorType = /SyntaxError|IndentationError/.test(msg) ? "syntax-error" : suite.verdict === "error" ? "runtime-error" : statusType(suite.verdict);
    return { type, evidence: `${tally}; ${msg}` };
  }
  return { type: statusType(bad.status), evidence: `${tally}; ${bad.name}: ${bad.status}${bad.message ? ` (${bad.message})` : ""}` };
}

function statusType(status: string): ErrorType {
  switch (status) {
    case "timeout":
      return "timeout";
    case "memory-limit":
      return "memory-limit";
    case "output-limit":
      return "output-limit";
    case "error":
      return "runtime-error";
    default:
      return "wrong-answer";
  }
}

// The error type a disagreement with the reference shows (a crash, a limit, or a different value).
export function caseFailureType(c: DiffCase): ErrorType {
  if (c.code.kind === "raised" || c.code.kind === "not-loaded") return "runtime-error";
  if (c.code.kind === "stopped") return c.code.limit === "crash" ? "runtime-error" : c.code.limit;
  return "wrong-answer";
}

// One line on a disagreement: the input, what the reference returned, what the code did.
export function caseEvidence(c: DiffCase): string {
  return `${c.origin} input ${c.input}: the reference ${describe(c.reference)}, the code ${describe(c.code)}`;
}

// Everything Vouch can run about a piece of code: visible tests, hidden tests, differential against the reference.
export interface FunctionalReport {
  visible?: SuiteResult;
  hidden?: SuiteResult;
  diff?: DifferentialResult;
}

export interface FunctionalFailure {
  where: "visible" | "hidden" | "differential";
  type: ErrorType;
  evidence: string;
}

// Runs the visible and hidden tests and the differential check that a record makes possible.
export async function functionalCheck(
  exec: TaskExec,
  opts: { code: string; entry: string; tests?: TestSpec; hidden?: TestSpec; reference?: string; domain?: string; inputs?: LabeledInput[]; generate?: number },
): Promise<FunctionalReport> {
  const report: FunctionalReport = {};
  if (opts.tests) report.visible = await exec.runTests(opts.code, opts.tests);
  if (opts.hidden) report.hidden = await exec.runTests(opts.code, opts.hidden);
  if (opts.reference) {
    const fromTests = [...specInputs(opts.tests, opts.entry), ...specInputs(opts.hidden, opts.entry)].map((input) => ({ input, origin: "test" as const }));
    const inputs = dedupe([...(opts.inputs ?? []), ...fromTests]);
    report.diff = await differential(exec, {
      code: opts.code,
      reference: opts.reference,
      entry: opts.entry,
      inputs,
      ...(opts.generate !== undefined ? { generate: opts.generate } : {}),
      ...(opts.domain ? { domain: opts.domain } : {}),
    });
  }
  return report;
}

// Inputs with the same text kept once (the first origin wins).
function dedupe(inputs: LabeledInput[]): LabeledInput[] {
  const seen = new Set<string>();
  return inputs.filter((i) => (seen.has(i.input) ? false : (seen.add(i.input), true)));
}

// The first thing the code got wrong: visible tests, then hidden tests, then the differential cases in order.
export function functionalFailure(r: FunctionalReport): FunctionalFailure | undefined {
  const v = r.visible && suiteFailure(r.visible);
  if (v) return { where: "visible", ...v };
  const h = r.hidden && suiteFailure(r.hidden);
  if (h) return { where: "hidden", ...h };
  const bad = r.diff?.cases.find((c) => comparable(c) && !c.agree);
  if (bad) return { where: "differential", type: caseFailureType(bad), evidence: caseEvidence(bad) };
  return undefined;
}

// A one-line account of what ran and passed, for a correct label's evidence.
export function functionalSummary(r: FunctionalReport): string {
  const parts: string[] = [];
  const tally = (s: SuiteResult) => `${s.tests.filter((t) => t.status === "pass").length}/${s.tests.length} pass`;
  if (r.visible) parts.push(`visible tests ${tally(r.visible)}`);
  if (r.hidden) parts.push(`hidden tests ${tally(r.hidden)}`);
  if (r.diff?.referenceError) parts.push(`reference does not load (${r.diff.referenceError}), no differential run`);
  else if (r.diff) {
    const inDomain = r.diff.cases.filter(comparable);
    const agree = inDomain.filter((c) => c.agree).length;
    const by = (o: InputOrigin) => inDomain.filter((c) => c.origin === o).length;
    const origins = (["test", "edge", "claim", "generated"] as const).filter((o) => by(o) > 0).map((o) => `${by(o)} ${o}`);
    parts.push(`differential ${agree}/${inDomain.length} agree with the reference (${origins.join(", ") || "no inputs"})`);
  }
  return parts.join("; ") || "nothing to run (no tests, no reference)";
}

// Facts for the result's `observed`: counts per suite and the differential tally with its first disagreements.
export function functionalObserved(r: FunctionalReport): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const suite = (s: SuiteResult) => ({ verdict: s.verdict, passed: s.tests.filter((t) => t.status === "pass").length, total: s.tests.length });
  if (r.visible) out.visible = suite(r.visible);
  if (r.hidden) out.hidden = suite(r.hidden);
  if (r.diff) {
    const inDomain = r.diff.cases.filter(comparable);
    out.differential = {
      inputs: inDomain.length,
      agree: inDomain.filter((c) => c.agree).length,
      outsideDomain: r.diff.cases.length - inDomain.length,
      disagreements: inDomain.filter((c) => !c.agree).slice(0, 3).map(caseEvidence),
      ...(r.diff.referenceError ? { referenceError: r.diff.referenceError } : {}),
    };
  }
  return out;
}
