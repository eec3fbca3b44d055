import { applyDiff, syntaxErrors } from "../../analysis/index.js";
import type { Cascade } from "../cascade.js";
import { checkBeyondVisible, describeTest } from "../error-recovery/beyond-visible.js";
import { failingTests, outcomeError, passingNames } from "../error-recovery/outcome.js";
import { solutionDiff } from "../error-recovery/scope.js";
import { findTest, parseErrorText } from "../shared/feedback.js";
import { defineTask, type ExecContext } from "../types.js";
import { judgeReflection } from "./reflection.js";
import { assertSites, innerStatement } from "../shared/assert-site.js";
import { runnableSpec } from "../shared/test-code.js";
import { feedbackMismatches, recordsSomething } from "./feedback-check.js";
import { ErrorRecoveryMulti, type Turn } from "./schema.js";

// Where each turn's steps sit in the step list.
export interface TurnSteps {
  code: number;
  feedback: number;
  reflection?: number;
}

// The step indices of every turn: code, feedback, then reflection when the turn has one.
export function turnSteps(turns: readonly Turn[]): TurnSteps[] {
  let i = 0;
  return turns.map((t) => ({ code: i++, feedback: i++, ...(t.reflection !== undefined ? { reflection: i++ } : {}) }));
}

// Each turn's full code: its own, or its patch applied to the previous turn's code (undefined when it cannot be had).
export function resolveTurns(turns: readonly Turn[]): Array<{ code?: string; reason?: string }> {
  const out: Array<{ code?: string; reason?: string }> = [];
  let prev: string | undefined;
  turns.forEach((t, k) => {
    if (t.code !== undefined) prev = t.code;
    else if (prev === undefined) {
      out.push({ reason: `turn ${k} has no code of its own to patch` });
      return;
    } else {
      const diff = solutionDiff(t.patch!);
      const r = diff ? applyDiff(prev, diff) : { ok: false as const, reason: "the patch does not change solution.py" };
      if (!r.ok) {
        out.push({ reason: `the patch does not apply to turn ${k - 1}'s code: ${r.reason}` });
        prev = undefined;
        return;
      }
      prev = r.code;
    }
    out.push({ code: prev });
  });
  return out;
}

// A turn's feedback that says its patch did not apply, and claims no passing test.
function recordsNoApply(fb: ErrorRecoveryMulti["turns"][number]["feedback"]): boolean {
  return /\b(?:does not|did not|doesn't|didn't|could not|cannot|failed to) (?:be )?appl(?:y|ied)\b/i.test(fb.error ?? "") && !fb.all_pass && !fb.tests.some((t) => t.status === "pass");
}

// Static: every turn's code can be had (patches apply), the last turn parses, and feedback that contradicts
// what parsing alone shows (a syntax error recorded for code that parses, or passing tests for code that does not).
function staticChecks(rec: ErrorRecoveryMulti, c: Cascade): void {
  const steps = turnSteps(rec.turns);
  const codes = resolveTurns(rec.turns);
  const last = rec.turns.length - 1;
  codes.forEach((r, k) => {
    const s = steps[k]!;
    if (r.code === undefined) {
      const fb = rec.turns[k]!.feedback;
      if (rec.turns[k]!.patch !== undefined && k < last && recordsNoApply(fb) && !/no code of its own/.test(r.reason ?? "")) {
        // a failed attempt recorded honestly: the patch does not apply and the turn's feedback says just that
        c.correct(s.code, `${r.reason}: a failed attempt, as its feedback records`);
        c.correct(s.feedback, `records that the patch does not apply, and it does not; nothing ran`);
        if (s.reflection !== undefined) c.unverifiable(s.reflection, "the turn's failure is the patch not applying: no run to compare with");
      } else if (rec.turns[k]!.patch !== undefined && !/no code of its own/.test(r.reason ?? "")) c.wrong(s.code, "hallucinated-step", r.reason!);
      else c.unverifiable(s.code, r.reason ?? "no code");
      return;
    }
    const syn = syntaxErrors(r.code);
    const fb = rec.turns[k]!.feedback;
    const claimedType = fb.error ? parseErrorText(fb.error).type : undefined;
    if (syn.length && k === last) c.wrong(s.code, "syntax-error", `the last turn's code does not parse: line ${syn[0]!.line}: ${syn[0]!.message}`);
    else if (syn.length && (fb.all_pass || fb.tests.some((t) => t.status === "pass"))) {
      c.wrong(s.feedback, "hallucinated-step", `turn ${k}'s code does not parse (line ${syn[0]!.line}: ${syn[0]!.message}), yet its feedback records passing tests`);
    } else if (!syn.length && claimedType === "SyntaxError") c.wrong(s.feedback, "hallucinated-step", `turn ${k}'s feedback records a SyntaxError, but its code parses`);
    c.unverifiable(s.code, "needs a run");
    c.unverifiable(s.feedback, recordsSomething(fb) ? "needs a run" : "the turn records no feedback");
    if (s.reflection !== undefined) c.unverifiable(s.reflection, "needs the turn's real failure");
  });
}

// Execute: run every turn; check its feedback, its regressions against earlier turns, its reflection, and the
// last turn's outcome (visible, hidden and differential).
async function execute(original: ErrorRecoveryMulti, c: Cascade, ctx: ExecContext): Promise<void> {
  const rec = { ...original, tests: runnableSpec(original.tests), hidden_tests: runnableSpec(original.hidden_tests) };
  const testsCode = rec.tests.kind === "assert" ? rec.tests.code : undefined;
  const steps = turnSteps(rec.turns);
  const codes = resolveTurns(rec.turns);
  const last = rec.turns.length - 1;
  const everPassed = new Set<string>();
  const observed: Array<{ turn: number; verdict: string; failing: string[] }> = [];
  c.observed.turns = observed;
  for (let k = 0; k <= last; k++) {
    const code = codes[k]!.code;
    const s = steps[k]!;
    const turn = rec.turns[k]!;
    if (code === undefined) continue;
    const suite = await ctx.exec.runTests(code, rec.tests);
    const failing = failingTests(suite);
    observed.push({ turn: k, verdict: suite.verdict, failing: failing.map(describeTest) });

    // where a bare assertion failure happened inside a test function (check(candidate)), when a turn's feedback
    // names statements inside one or its reflection has to be judged
    const namesInner = testsCode !== undefined && turn.feedback.tests.some((t) => !findTest(t.name, suite.tests) && innerStatement(t.name, testsCode));
    const sites = testsCode !== undefined && failing.length && (namesInner || turn.reflection !== undefined) ? await assertSites(ctx.exec, code, testsCode, failing, rec.entry_point) : new Map();
    const inner = testsCode === undefined ? undefined : { resolve: (n: string) => innerStatement(n, testsCode), failedAt: (n: string) => sites.get(n)?.line };

    // feedback
    if (recordsSomething(turn.feedback)) {
      const bad = feedbackMismatches(turn.feedback, suite, inner);
      if (bad.length) c.wrong(s.feedback, "hallucinated-step", bad.join("; "));
      else c.correct(s.feedback, `matches the run: ${failing.length ? failing.map(describeTest).join("; ") : `all ${suite.tests.length} tests pass`}`);
    }

    // code: regressions first (tests that passed at an earlier turn and fail now)
    const regressed = [...everPassed].filter((n) => suite.tests.find((t) => t.name === n)?.status !== "pass");
    // a regression is acknowledged when the turn's feedback lists that test as not passing
    const acknowledged = (n: string) => {
      const real = suite.tests.filter((t) => t.name === n);
      return turn.feedback.tests.some((r) => r.status !== "pass" && findTest(r.name, real) !== undefined);
    };
    const silent = regressed.filter((n) => k === last || !acknowledged(n));
    // the last turn still failing a test that never passed is a failed last attempt, whatever else it breaks
    const stillFailing = k === last ? failing.filter((t) => !everPassed.has(t.name)) : [];
    if (stillFailing.length) {
      const f = stillFailing[0]!;
      c.wrong(s.code, outcomeError(f.status, f.message), `the last turn still fails: ${failing.map(describeTest).join("; ")}`);
    } else if (silent.length) {
      c.wrong(s.code, "pseudo-fix", `breaks ${silent.map((n) => describeTest(suite.tests.find((t) => t.name === n) ?? { name: n, status: "error", durationMs: 0 })).join("; ")}, which passed at an earlier turn${k === last ? "" : ", and its feedback does not say so"}`);
    } else if (k === last) {
      if (failing.length) {
        const f = failing[0]!;
        c.wrong(s.code, outcomeError(f.status, f.message), `the last turn still fails: ${failing.map(describeTest).join("; ")}`);
      } else {
        const beyond = await checkBeyondVisible(ctx.exec, code, rec, codes[0]?.code);
        if (beyond.failures.length) c.wrong(s.code, "pseudo-fix", `passes the visible tests but ${beyond.failures.join("; ")}`);
        else c.correct(s.code, [`all ${suite.tests.length} visible tests pass`, ...beyond.checked].join("; "));
      }
    } else {
      const note = regressed.length ? `; breaks ${regressed.join("; ")} (said so in its feedback)` : "";
      const tally = suite.tests.length ? `${suite.tests.length - failing.length}/${suite.tests.length} tests pass` : `the code does not load (${suite.message ?? suite.verdict})`;
      c.correct(s.code, `an attempt: ${tally}${note}`);
    }
    for (const n of passingNames(suite)) everPassed.add(n);

    // reflection on this turn's real failure
    if (s.reflection !== undefined) {
      if (!failing.length) c.unverifiable(s.reflection, "nothing failed at this turn: nothing to reflect on");
      else {
        const j = judgeReflection(turn.reflection!, failing, sites);
        if (j.label === "wrong") c.wrong(s.reflection, "pseudo-explanation", j.evidence);
        else if (j.label === "correct") c.correct(s.reflection, j.evidence);
        else c.unverifiable(s.reflection, j.evidence);
      }
    }
  }
}

export const errorRecoveryMultiTask = defineTask({
  kind: "error-recovery-multi",
  version: 3, // 3: reflections on bare assertion failures, asserts inside test functions, run-time differential inputs
  title: "Multi-turn error recovery: attempts, their test feedback and reflections, until the tests pass",
  schema: ErrorRecoveryMulti,
  steps: (rec) =>
    rec.turns.flatMap((t, k) => [`turn ${k} ${t.code !== undefined ? "code" : "patch"}`, `turn ${k} feedback`, ...(t.reflection !== undefined ? [`turn ${k} reflection`] : [])]),
  static: staticChecks,
  execute,
});
