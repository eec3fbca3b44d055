import { applyDiff, functions, missingImports, syntaxErrors, undefinedNames, type FunctionInfo } from "../../analysis/index.js";
import type { SuiteResult, TestResult } from "../../core/result.js";
import { failingAssertSite, innerStatement } from "../shared/assert-site.js";
import { runnableSpec } from "../shared/test-code.js";
import type { TestSpec } from "../../core/test-spec.js";
import type { Cascade } from "../cascade.js";
import { findTest, parseErrorText, sameError, testError, type ErrorText } from "../shared/feedback.js";
import { defineTask, type ExecContext, type TaskContext } from "../types.js";
import { checkBeyondVisible, describeTest } from "./beyond-visible.js";
import { checkExplanation } from "./explanation.js";
import { diagnosedLines, diagnosisPatchMismatch } from "./diagnosis.js";
import { failingTests, outcomeError, passingNames } from "./outcome.js";
import { ErrorRecovery } from "./schema.js";
import { patchScope, solutionDiff } from "./scope.js";

// Step indices: where a human would put the blame.
export const STEP = { reproduction: 0, diagnosis: 1, patch: 2, explanation: 3, result: 4 } as const;

// All the text of a test suite (for "is this code span somewhere in the tests?").
export function testsText(t: TestSpec): string {
  if (t.kind === "assert") return t.code;
  if (t.kind === "io") return t.cases.map((c) => `${c.input}\n${c.output}`).join("\n");
  return Object.values(t.files).join("\n");
}

// The function a diagnosis names: by qualname, else by a unique plain name.
export function diagnosedFunction(code: string, name: string): FunctionInfo | undefined {
  const fns = functions(code);
  const byQual = fns.find((f) => f.qualname === name);
  if (byQual) return byQual;
  const byName = fns.filter((f) => f.name === name);
  return byName.length === 1 ? byName[0] : undefined;
}

// The fixed code, when the patch's solution.py part applies to the buggy code.
export function patchedCode(rec: ErrorRecovery): { ok: true; code: string } | { ok: false; reason: string } {
  const diff = solutionDiff(rec.patch);
  if (!diff) return { ok: false, reason: "the patch does not change solution.py" };
  return applyDiff(rec.buggy_code, diff);
}

const isSyntaxType = (t: string) => t === "SyntaxError" || t === "IndentationError" || t === "TabError";

// Static checks: the claimed error against what parsing alone can say, the diagnosis against the code, the
// patch (applies, stays in scope, parses, invents no names or modules), the explanation against the patch.
function staticChecks(rec: ErrorRecovery, c: Cascade, ctx: TaskContext): void {
  const claimed = parseErrorText(rec.claimed_error);
  const syn = syntaxErrors(rec.buggy_code);
  if (syn.length && !isSyntaxType(claimed.type)) {
    c.wrong(STEP.reproduction, "hallucinated-step", `the buggy code does not parse (line ${syn[0]!.line}: ${syn[0]!.message}), so no test can give ${claimed.type || "the claimed error"}`);
  } else if (!syn.length && isSyntaxType(claimed.type)) {
    c.wrong(STEP.reproduction, "hallucinated-step", `the trajectory claims ${claimed.type}, but the buggy code parses`);
  } else c.unverifiable(STEP.reproduction, "needs a run of the buggy code");

  const d = rec.diagnosis;
  const fn = diagnosedFunction(rec.buggy_code, d.function);
  const lines = rec.buggy_code.split("\n").length;
  if (d.function === "<module>") {
    if (d.line !== undefined && d.line > lines) c.wrong(STEP.diagnosis, "inconsistent-step", `the diagnosis puts the bug on line ${d.line}; the code has ${lines} lines`);
    else c.unverifiable(STEP.diagnosis, "top-level code; whether the bug is there needs the fixed run");
  } else if (!fn) {
    const names = functions(rec.buggy_code).map((f) => f.qualname);
    c.wrong(STEP.diagnosis, "hallucinated-step", `the buggy code has no function ${d.function} (it defines: ${names.join(", ") || "none"})`);
  } else if (d.line !== undefined && (d.line < fn.startLine || d.line > fn.endLine)) {
    c.wrong(STEP.diagnosis, "inconsistent-step", `the diagnosis puts the bug on line ${d.line}, outside ${fn.qualname} (lines ${fn.startLine}-${fn.endLine})`);
  } else c.unverifiable(STEP.diagnosis, `${fn.qualname} exists (lines ${fn.startLine}-${fn.endLine}); whether the bug is there needs the fixed run`);

  const testFiles = rec.tests.kind === "pytest" ? Object.keys(rec.tests.files) : [];
  const patched = patchedCode(rec);
  const scope = patchScope(rec.buggy_code, rec.patch, fn?.qualname ?? d.function, testFiles);
  const fileViolations = scope.violations.filter((v) => v.startsWith("the patch edits"));
  if (fileViolations.length) c.wrong(STEP.patch, "scope-violation", fileViolations.join("; "));
  if (!patched.ok) c.wrong(STEP.patch, "hallucinated-step", `the patch does not apply to the buggy code: ${patched.reason}`);
  else {
    c.observed.touchedFunctions = scope.touched;
    // the function scope is judged against a diagnosed function that exists (an invented one is step 1's fault)
    if (fn || d.function === "<module>") {
      if (scope.violations.length) c.wrong(STEP.patch, "scope-violation", scope.violations.join("; "));
    }
    const perr = syntaxErrors(patched.code);
    if (perr.length) c.wrong(STEP.patch, "syntax-error", `the patched code does not parse: line ${perr[0]!.line}: ${perr[0]!.message}`);
    const before = new Set(undefinedNames(rec.buggy_code).map((u) => u.name));
    const invented = undefinedNames(patched.code).filter((u) => !before.has(u.name));
    if (invented.length) c.wrong(STEP.patch, "hallucinated-step", `the patch uses ${invented.map((u) => `${u.name} (line ${u.line})`).join(", ")}, defined nowhere`);
    const mods = new Set(missingImports(rec.buggy_code, ctx.modules).map((m) => m.module));
    const missing = missingImports(patched.code, ctx.modules).filter((m) => !mods.has(m.module));
    if (missing.length) c.wrong(STEP.patch, "hallucinated-step", `the patch imports ${missing.map((m) => m.module).join(", ")}, not in the sandbox image`);
    c.unverifiable(STEP.patch, `applies; changes ${scope.touched.join(", ") || "nothing"}; fail-to-pass and pass-to-pass need a run`);
  }

  // the diagnosed line(s) against the lines the patch changes
  if (patched.ok && fn && c.steps[STEP.diagnosis]!.label !== "wrong") {
    const bad = diagnosisPatchMismatch(rec.buggy_code, solutionDiff(rec.patch) ?? "", diagnosedLines(rec.buggy_code, d, fn));
    if (bad) c.wrong(STEP.diagnosis, "inconsistent-step", bad);
  }
  const context = [rec.buggy_code, patched.ok ? patched.code : "", testsText(rec.tests), rec.claimed_error, rec.problem ?? ""];
  const ex = checkExplanation(rec.explanation, solutionDiff(rec.patch) ?? rec.patch, context);
  if (ex.verdict === "inconsistent") c.wrong(STEP.explanation, "inconsistent-step", ex.evidence);
  else if (ex.verdict === "pseudo") c.wrong(STEP.explanation, "pseudo-explanation", ex.evidence);
  else c.correct(STEP.explanation, ex.evidence);
  c.unverifiable(STEP.result, "needs a run of the fixed code");
}

// The real test a failing_test names: a top-level test, or an assert inside a test function (HumanEval's
// check), which must be the assert that really fails there (located by a traced run).
async function namedTest(rec: ErrorRecovery, before: SuiteResult, exec: ExecContext["exec"]): Promise<{ test?: TestResult; why?: string; unsure?: boolean }> {
  const t = findTest(rec.failing_test, before.tests);
  if (t) return { test: t };
  if (rec.tests.kind !== "assert") return {};
  const inner = innerStatement(rec.failing_test, rec.tests.code);
  if (!inner) return {};
  const runs = before.tests.filter((x) => inner.runBy.some((l) => x.name.startsWith(`line ${l}:`)));
  const failing = runs.find((x) => x.status !== "pass" && x.status !== "skipped");
  if (!failing) return runs[0] ? { test: runs[0] } : {};
  if (failing.status !== "fail" || inner.whole) return { test: failing };
  const site = await failingAssertSite(exec, rec.buggy_code, rec.tests.code, failing, rec.entry_point);
  if (!site) return { test: failing, unsure: true };
  if (site.line === inner.line) return { test: failing };
  return { why: `the assert that fails in ${failing.name} is line ${site.line} (${site.text}), not ${JSON.stringify(rec.failing_test)}` };
}

// Step 0 on the real run of the buggy code: the named test exists, fails, and fails with the claimed error.
function checkReproduction(rec: ErrorRecovery, c: Cascade, before: SuiteResult, named: { test?: TestResult; why?: string; unsure?: boolean }): ErrorText | undefined {
  const claimed = parseErrorText(rec.claimed_error);
  if (before.tests.length === 0 && before.verdict !== "pass") {
    const real = parseErrorText(before.message ?? "");
    const cmp = sameError(claimed, real);
    if (cmp.same) c.correct(STEP.reproduction, `the buggy code fails before any test: ${before.message}`);
    else c.wrong(STEP.reproduction, "hallucinated-step", `${cmp.why} (the buggy code fails before any test: ${before.message})`);
    return real;
  }
  const t = named.test;
  if (named.why) {
    c.wrong(STEP.reproduction, "hallucinated-step", named.why);
    return undefined;
  }
  if (!t) {
    c.wrong(STEP.reproduction, "hallucinated-step", `there is no test ${JSON.stringify(rec.failing_test)} (the tests are: ${before.tests.map((x) => x.name).join("; ")})`);
    return undefined;
  }
  if (t.status === "pass") {
    c.wrong(STEP.reproduction, "hallucinated-step", `${t.name} passes on the buggy code; the trajectory claims ${rec.claimed_error.trim().split("\n").pop()}`);
    return undefined;
  }
  const real = testError(t);
  const cmp = sameError(claimed, real);
  if (cmp.same && named.unsure) c.unverifiable(STEP.reproduction, `${t.name} fails with ${real.type}, but which assert inside it fails could not be located`);
  else if (cmp.same) c.correct(STEP.reproduction, `reproduced: ${describeTest(t)}`);
  else c.wrong(STEP.reproduction, "hallucinated-step", `${t.name}: ${cmp.why}`);
  return real;
}

// Step 4: the claimed outcome of the visible tests against the observed one.
function checkClaimedResult(rec: ErrorRecovery, c: Cascade, after: SuiteResult): void {
  const failing = failingTests(after);
  const claim = rec.claimed_result;
  if (claim.all_pass) {
    if (failing.length) c.wrong(STEP.result, "hallucinated-step", `claims all tests pass; after the patch ${failing.map(describeTest).join("; ")}`);
    else c.correct(STEP.result, `all ${after.tests.length} visible tests pass after the patch`);
    return;
  }
  if (!failing.length) {
    c.wrong(STEP.result, "hallucinated-step", `claims ${claim.failing.join("; ") || "a test"} still fails; all ${after.tests.length} visible tests pass`);
    return;
  }
  const named = claim.failing.map((n) => findTest(n, failing)?.name);
  const wrongNames = claim.failing.filter((_, i) => !named[i]);
  const missed = failing.filter((t) => !named.includes(t.name));
  if (wrongNames.length || missed.length) {
    c.wrong(STEP.result, "hallucinated-step", `claimed still failing: ${claim.failing.join("; ") || "(unnamed)"}; really failing: ${failing.map(describeTest).join("; ")}`);
  } else c.correct(STEP.result, `as claimed, still failing: ${failing.map(describeTest).join("; ")}`);
}

// Execute: reproduce on the buggy code, then fail-to-pass, pass-to-pass, hidden and differential on the fix.
async function execute(original: ErrorRecovery, c: Cascade, ctx: ExecContext): Promise<void> {
  const rec = { ...original, tests: runnableSpec(original.tests), hidden_tests: runnableSpec(original.hidden_tests) };
  const before = await ctx.exec.runTests(rec.buggy_code, rec.tests);
  c.observed.before = { verdict: before.verdict, failing: failingTests(before).map(describeTest) };
  const named = await namedTest(rec, before, ctx.exec);
  const real = checkReproduction(rec, c, before, named);
  const patched = patchedCode(rec);
  if (!patched.ok) {
    c.unverifiable(STEP.result, "the patch does not apply: nothing to run");
    return;
  }
  const after = await ctx.exec.runTests(patched.code, rec.tests);
  c.observed.after = { verdict: after.verdict, failing: failingTests(after).map(describeTest) };
  const target = named.test;
  const f2p = target && target.status !== "pass" ? [target.name] : failingTests(before).map((t) => t.name);
  let fixed = true;
  for (const name of f2p) {
    const t = after.tests.find((x) => x.name === name);
    if (t?.status === "pass") continue;
    fixed = false;
    const status = t?.status ?? "error";
    const message = t?.message ?? after.message ?? "";
    c.wrong(STEP.patch, outcomeError(status, message), `fail-to-pass: ${name} still ${status} after the patch${message ? ` (${message})` : ""}`);
  }
  const regressions = [...passingNames(before)].filter((n) => after.tests.find((x) => x.name === n)?.status !== "pass");
  for (const n of regressions) {
    const t = after.tests.find((x) => x.name === n);
    c.wrong(STEP.patch, "pseudo-fix", `pass-to-pass: ${n} passed on the buggy code, after the patch ${t ? describeTest(t) : `it does not run (${after.message ?? after.verdict})`}`);
  }
  if (fixed && regressions.length === 0) {
    const fn = rec.diagnosis.function === "<module>" ? { qualname: "the top-level code" } : diagnosedFunction(rec.buggy_code, rec.diagnosis.function);
    if (fn) {
      const where = real?.line !== undefined && real.line !== rec.diagnosis.line ? ` (the error is raised on line ${real.line})` : "";
      c.correct(STEP.diagnosis, `the bug is in ${fn.qualname}: changing it there makes ${f2p.join("; ")} pass${where}`);
    }
    const p2p = `${passingNames(before).size} tests that passed still pass`;
    if (after.verdict === "pass") {
      const beyond = await checkBeyondVisible(ctx.exec, patched.code, rec, rec.buggy_code);
      if (beyond.failures.length) c.wrong(STEP.patch, "pseudo-fix", `passes the visible tests but ${beyond.failures.join("; ")}`);
      else c.correct(STEP.patch, [`fail-to-pass: ${f2p.join("; ")} now passes`, p2p, ...beyond.checked].join("; "));
    } else {
      c.correct(STEP.patch, `fail-to-pass: ${f2p.join("; ")} now passes; ${p2p}; hidden and differential checks not run while visible tests fail`);
    }
  } else c.unverifiable(STEP.diagnosis, "the patch in the diagnosed function did not fix the failing test, so the localisation is not confirmed");
  checkClaimedResult(rec, c, after);
}

export const errorRecoveryTask = defineTask({
  kind: "error-recovery",
  version: 2, // 2: diagnosis vs patched lines, asserts inside test functions, run-time differential inputs
  title: "Single-turn error recovery: reproduce a failure, localise it, patch it, explain the patch",
  schema: ErrorRecovery,
  steps: (rec) => [
    `reproduction: ${rec.failing_test} fails with ${rec.claimed_error.trim().split("\n").pop()}`,
    `diagnosis: ${rec.diagnosis.function}${rec.diagnosis.line ? ` line ${rec.diagnosis.line}` : ""}`,
    "patch",
    "explanation",
    `claimed result: ${rec.claimed_result.all_pass ? "all tests pass" : `still failing: ${rec.claimed_result.failing.join("; ")}`}`,
  ],
  static: staticChecks,
  execute,
});
