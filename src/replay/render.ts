import type { SuiteResult } from "../core/result.js";
import { feedbackOf } from "../generate/turn-feedback.js";
import type { ReplayFeedback } from "./schema.js";

// Feedback written out: recorded and real feedback as plain text in one standard format (the format --rewrite
// gives transcripts, and the two sides of a divergence diff). Pure.

const STATUS_WORD = { pass: "PASSED", fail: "FAILED", error: "ERROR" } as const;

// A run's result as a plain feedback message, in the format extractFeedback reads back exactly.
export function feedbackText(suite: SuiteResult): string {
  return renderFeedback({ ...feedbackOf(suite), errors: [] }, { full: true });
}

const indent = (msg: string) => msg.split("\n").map((l) => `    ${l}`).join("\n");

// Feedback as text: a tally line, then a line per test (failures with their message indented), then errors
// that name no test. `full` adds the tally of a complete run.
export function renderFeedback(f: ReplayFeedback, opts: { full?: boolean } = {}): string {
  const out: string[] = [];
  const failing = f.tests.filter((t) => t.status !== "pass").length;
  if (f.error !== undefined && f.tests.length === 0 && opts.full) out.push("The code did not load, so no test ran:", indent(f.error.trim()));
  else if (opts.full) out.push(failing === 0 ? `All ${f.tests.length} tests passed.` : `${f.tests.length - failing} passed, ${failing} failed`);
  else {
    if (f.all_pass !== undefined) out.push(f.all_pass ? "All tests passed." : "Some tests failed.");
    if (f.passed !== undefined || f.failed !== undefined) out.push(`${f.passed ?? "?"} passed, ${f.failed ?? "?"} failed`);
  }
  for (const t of f.tests) {
    out.push(`${STATUS_WORD[t.status]} ${t.name}`);
    if (t.status !== "pass" && t.message) out.push(indent(t.message.trim()));
  }
  if (!opts.full && f.error !== undefined) out.push("Error:", indent(f.error.trim()));
  for (const e of f.errors) out.push("Error:", indent(e.trim()));
  return out.join("\n");
}
