import type { TestSpec } from "../core/test-spec.js";

// The tests a transcript's turns run, as names the sandbox gives them, and tests found in a problem statement. Pure.

/** A test as the run names it ("line 2: assert f(3) == 9", "case 1") with its statement when it has one. */
export interface KnownTest {
  name: string;
  statement?: string;
}

// Where a statement's brackets still stand open (a multi-line assert continues).
function openBrackets(line: string): number {
  let depth = 0;
  let quote = "";
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#") break;
    else if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) depth--;
  }
  return depth;
}

// The top-level assert statements of test code, with the 1-based line each starts on.
export function assertStatements(code: string): Array<{ line: number; statement: string }> {
  const lines = code.split("\n");
  const out: Array<{ line: number; statement: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^assert\b/.test(lines[i]!)) continue;
    const start = i;
    let depth = openBrackets(lines[i]!);
    while (depth > 0 && i + 1 < lines.length) depth += openBrackets(lines[++i]!);
    out.push({ line: start + 1, statement: lines.slice(start, i + 1).join("\n").trim() });
  }
  return out;
}

// The tests of a spec as the sandbox names them (assert: "line N: <statement, spaces collapsed, 100 chars>"; io: the case's name or "case N").
export function knownTests(tests: TestSpec): KnownTest[] {
  if (tests.kind === "assert") return assertStatements(tests.code).map((a) => ({ name: `line ${a.line}: ${a.statement.split(/\s+/).join(" ").slice(0, 100)}`, statement: a.statement }));
  if (tests.kind === "io") return tests.cases.map((c, i) => ({ name: c.name ?? `case ${i + 1}` }));
  return [];
}

// Assert tests written in a problem statement: its assert lines (in fences or not, ">>> " prompts removed).
export function testsFromStatement(text: string): TestSpec | undefined {
  const lines = text.split("\n").map((l) => l.replace(/^\s*(?:>>>|\.\.\.)\s?/, "").replace(/^\s+(?=assert\b)/, ""));
  const found = assertStatements(lines.join("\n")).map((a) => a.statement);
  return found.length ? { kind: "assert", code: `${found.join("\n")}\n` } : undefined;
}
