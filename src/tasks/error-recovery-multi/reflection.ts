import type { TestResult } from "../../core/result.js";
import { messageValues, normalizeTestName, parseErrorText } from "../shared/feedback.js";

const squash = (s: string) => s.replace(/\s+/g, "").replace(/"/g, "'").toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// What a reflection on these failures could point at: the exception types (other than a bare assert), the
// messages, the values in them (got/expected, quoted names), the failing test's statement and call arguments.
export function failureEvidence(failing: readonly TestResult[]): string[] {
  const out = new Set<string>();
  for (const t of failing) {
    const err = parseErrorText(t.message ?? "");
    if (err.type && err.type !== "AssertionError") out.add(err.type);
    if (err.message && err.type !== "AssertionError") out.add(err.message);
    for (const v of messageValues(err.message)) out.add(v);
    const stmt = normalizeTestName(t.name);
    if (stmt.startsWith("assert")) {
      out.add(stmt.slice("assert".length));
      const call = /^assert([A-Za-z_][\w.]*)\((.*)\)(?:==|!=|is|<|>|in)/.exec(stmt);
      if (call && call[2]!.length >= 2) out.add(call[2]!);
    }
  }
  return [...out].filter((e) => e.trim().length > 0);
}

// Whether a reflection mentions one of the pieces of evidence: a short word or number as a whole word,
// anything longer ignoring spacing and case. Returns the piece it mentions.
export function mentionedEvidence(reflection: string, evidence: readonly string[]): string | undefined {
  const flat = squash(reflection);
  for (const e of evidence) {
    if (/^[\w.-]+$/.test(e) && e.length <= 6) {
      if (new RegExp(`(^|[^\\w.])${escape(e)}([^\\w]|$)`, "i").test(reflection)) return e;
    } else if (flat.includes(squash(e))) return e;
  }
  return undefined;
}
