import { findTest, normalizeTestName } from "../tasks/shared/feedback.js";
import type { KnownTest } from "./known-tests.js";

// Which real test a reference in feedback text means: its name ("line 2: ..."), its statement, a pytest node id
// or an ordinal ("test 2", "Test #2", "test_2", "case 2"; 1-based, or 0-based when a 0 appears). Pure.
export function resolveTest(ref: string, known: readonly KnownTest[], zeroBased = false): string | undefined {
  let r = ref.trim().replace(/:$/, "").trim();
  if (/^`.*`$/.test(r)) r = r.slice(1, -1).trim();
  if (!r) return undefined;
  const direct = findTest(r, known);
  if (direct) return direct.name;
  const n = normalizeTestName(r);
  const byStatement = known.find((k) => k.statement && n.includes(normalizeTestName(k.statement)));
  if (byStatement) return byStatement.name;
  const leaf = r.split("::").pop()!.trim();
  const m = /^(?:test|case|example|assert(?:ion)?)(?:[\s_#-]*case)?[\s_#-]*(\d+)$/i.exec(leaf) ?? /^test_\w*?_(\d+)$/i.exec(leaf);
  if (!m) return undefined;
  const k = Number(m[1]) - (zeroBased ? 0 : 1);
  return known[k]?.name;
}

// Whether references in a text count from 0 ("test_0", "Test 0" appears).
export function countsFromZero(text: string): boolean {
  return /\b(?:test|case)[\s_#-]*0\b/i.test(text);
}
