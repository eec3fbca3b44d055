import { createTwoFilesPatch } from "diff";
import type { SuiteResult } from "../core/result.js";
import { failingTests } from "../tasks/error-recovery/outcome.js";
import { feedbackMismatches } from "../tasks/error-recovery-multi/feedback-check.js";
import { findTest } from "../tasks/shared/feedback.js";
import { normalizeVolatile } from "./normalize.js";
import { feedbackOf, loadFailed } from "../generate/turn-feedback.js";
import { renderFeedback } from "./render.js";
import type { ReplayFeedback } from "./schema.js";

// Recorded feedback against a real run, after normalising what is volatile on both sides. Pure.

// A run with every message in its stable form.
function stableSuite(s: SuiteResult): SuiteResult {
  return {
    ...s,
    ...(s.message !== undefined ? { message: normalizeVolatile(s.message) } : {}),
    tests: s.tests.map((t) => (t.message !== undefined ? { ...t, message: normalizeVolatile(t.message) } : t)),
  };
}

// Recorded feedback with every message in its stable form.
function stableFeedback(f: ReplayFeedback): ReplayFeedback {
  const n = (m: string | undefined) => (m === undefined ? undefined : normalizeVolatile(m));
  return {
    ...f,
    tests: f.tests.map((t) => (t.message !== undefined ? { ...t, message: n(t.message)! } : t)),
    ...(f.error !== undefined ? { error: n(f.error)! } : {}),
    errors: f.errors.map((e) => n(e)!),
  };
}

// One line per way the recorded feedback disagrees with the run: per test (outcome, error type, message, line),
// errors that name no test (each must be the error of a failing test), all_pass, and tallies.
export function compareTurn(recorded: ReplayFeedback, run: SuiteResult): string[] {
  const f = stableFeedback(recorded);
  const s = stableSuite(run);
  const out = feedbackMismatches(f, s);
  for (const e of f.errors) out.push(...feedbackMismatches({ tests: [], error: e }, s));
  const loaded = !loadFailed(s);
  const failing = loaded ? failingTests(s).length : 0;
  const passing = loaded ? s.tests.filter((t) => t.status === "pass").length : 0;
  if (f.passed !== undefined && f.passed !== passing) out.push(`records ${f.passed} passed; really ${passing} of ${s.tests.length} pass`);
  if (loaded && f.failed !== undefined && f.failed !== failing) out.push(`records ${f.failed} failed; really ${failing} of ${s.tests.length} fail`);
  return out;
}

// The real feedback restricted to what the recorded feedback speaks of, so a diff of the two shows only the
// disagreement: the same tests, the failing tests' errors for recorded errors, and the same kinds of summary.
function realCounterpart(recorded: ReplayFeedback, run: SuiteResult): ReplayFeedback {
  const real = feedbackOf(run);
  const failing = real.tests.filter((t) => t.status !== "pass");
  const loadError = loadFailed(run) ? real.error : undefined; // feedbackOf's error is also a failing test's, when the code loads
  const tests = recorded.tests.map((r) => {
    const t = findTest(r.name, real.tests);
    return t ? { ...t, name: r.name } : { name: r.name, status: "error" as const, message: "(no such test)" };
  });
  const errors =
    recorded.errors.length || recorded.error !== undefined
      ? loadError !== undefined
        ? [loadError]
        : failing.map((t) => t.message ?? t.status)
      : [];
  return {
    tests,
    errors,
    ...(recorded.all_pass !== undefined ? { all_pass: real.all_pass ?? false } : {}),
    ...(recorded.passed !== undefined || recorded.failed !== undefined
      ? { passed: real.tests.filter((t) => t.status === "pass").length, failed: loadError !== undefined ? 0 : failing.length }
      : {}),
  };
}

// A unified diff of recorded against real feedback, both in the standard text form.
export function feedbackDiff(recorded: ReplayFeedback, run: SuiteResult): string {
  const rec = { ...recorded, errors: [...(recorded.error !== undefined ? [recorded.error] : []), ...recorded.errors] };
  delete rec.error;
  const a = renderFeedback(rec) + "\n";
  const b = renderFeedback(realCounterpart(recorded, run)) + "\n";
  return createTwoFilesPatch("recorded", "real", a, b, undefined, undefined, { context: 3 })
    .split("\n")
    .filter((l) => !/^={10,}$/.test(l) && !/^Index:/.test(l))
    .join("\n")
    .trimEnd();
}
