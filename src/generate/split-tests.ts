import type { TestSpec } from "../core/test-spec.js";

// The tests a generated trajectory sees and the ones held back to catch pseudo-fixes. Pure.
export interface SplitTests {
  visible: TestSpec;
  hidden?: TestSpec;
}

const isAssert = (line: string) => /^assert\b/.test(line);

// With 3 or more single-line asserts, the last one is held back as the hidden test (setup lines before the
// first assert go with both parts); otherwise every test is visible.
export function splitTests(t: TestSpec): SplitTests {
  if (t.kind !== "assert") return { visible: t };
  const lines = t.code.replace(/\s+$/, "").split("\n");
  const asserts = lines.flatMap((l, i) => (isAssert(l) ? [i] : []));
  const last = asserts[asserts.length - 1];
  // the last assert must be the last line and a whole statement (a continued line would be cut)
  if (asserts.length < 3 || last !== lines.length - 1) return { visible: t };
  const setup = lines.slice(0, asserts[0]);
  const visible = lines.slice(0, last).join("\n") + "\n";
  const hidden = [...setup, lines[last]!].join("\n") + "\n";
  return { visible: { kind: "assert", code: visible }, hidden: { kind: "assert", code: hidden } };
}
