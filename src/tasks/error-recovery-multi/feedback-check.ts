import type { SuiteResult } from "../../core/result.js";
import { describeTest } from "../error-recovery/beyond-visible.js";
import { failingTests } from "../error-recovery/outcome.js";
import { compareFeedback, parseErrorText, sameError, type InnerTests } from "../shared/feedback.js";
import type { TurnFeedback } from "./schema.js";

// Recorded turn feedback against a real run. Shared by this kind's verifier and `vouch replay`. Pure.

// Whether a turn's feedback records anything a run can check.
export const recordsSomething = (f: TurnFeedback): boolean => f.tests.length > 0 || f.error !== undefined || f.all_pass !== undefined;

// Whether recorded feedback agrees with a real run; one line per disagreement.
export function feedbackMismatches(fb: TurnFeedback, suite: SuiteResult, inner?: InnerTests): string[] {
  const out: string[] = [];
  const failing = failingTests(suite);
  const loadFailed = suite.tests.length === 0 && suite.verdict !== "pass";
  if (loadFailed) {
    for (const t of fb.tests) if (t.status === "pass") out.push(`${t.name}: recorded pass, but the code fails before any test (${suite.message})`);
  } else out.push(...compareFeedback(fb.tests, suite.tests, inner));
  if (fb.all_pass !== undefined && fb.all_pass !== (failing.length === 0)) {
    out.push(fb.all_pass ? `records all tests passing; really ${failing.map(describeTest).join("; ")}` : "records a failure; all tests pass");
  }
  if (fb.error !== undefined) {
    const claimed = parseErrorText(fb.error);
    const matches = failing.some((t) => sameError(claimed, parseErrorText(t.message ?? "")).same);
    if (!matches) {
      const real = failing.map((t) => t.message ?? t.status).join("; ");
      out.push(`records the error ${JSON.stringify(fb.error.trim().split("\n").pop())}; the run gave ${real || "no error"}`);
    }
  }
  return out;
}
