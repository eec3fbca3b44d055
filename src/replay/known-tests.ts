import type { TestSpec } from "../core/test-spec.js";

// The tests a transcript's turns run, as names the sandbox gives them, and tests found in a problem statement. Pure.

/** A test as the run names it ("line 2: assert f(3) == 9", "case 1") with its statement when it has one. */
export interface KnownTest {
  name: string;
  statement?: string;
}

// What a scan of Python source has open: brackets, a string (its quote, whether an f-string), or an f-string's
// replacement field (its expression, or its format spec after `:`).
type Open = { kind: "code"; depth: number } | { kind: "string"; quote: string; f: boolean } | { kind: "field"; depth: number } | { kind: "spec" };

// The string that starts at a quote: its quote ("'", '"' or a triple) and whether its prefix makes it an f-string.
function stringAt(line: string, i: number): { quote: string; f: boolean } {
  const c = line[i]!;
  const quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
  const prefix = /(?:^|[^\w])([A-Za-z]{1,2})$/.exec(line.slice(0, i))?.[1] ?? "";
  return { quote, f: /^(?:[fF][rR]?|[rR][fF])$/.test(prefix) };
}

// For each line of Python source, whether a logical line ends on it: no bracket, string (triple-quoted ones span
// lines), f-string replacement field or backslash continuation still open. String contents never count: quotes
// of the other kind, brackets, `#`, escaped quotes and `{{ }}` inside a string, and an f-string's nested strings
// and brackets inside `{...}` (also with the same quote, as Python 3.12 allows). A single-quoted string still
// open at the end of a line without a backslash is closed there (text that is not Python, such as prose).
export function logicalLineEnds(code: string): boolean[] {
  const stack: Open[] = [{ kind: "code", depth: 0 }];
  return code.split("\n").map((line) => {
    let continued = false;
    for (let i = 0; i < line.length; i++) {
      const top = stack[stack.length - 1]!;
      const c = line[i]!;
      if (top.kind === "string") {
        if (c === "\\") {
          if (i === line.length - 1) continued = true;
          i++;
        } else if (line.startsWith(top.quote, i)) {
          stack.pop();
          i += top.quote.length - 1;
        } else if (top.f && (c === "{" || c === "}")) {
          if (line[i + 1] === c) i++;
          else if (c === "{") stack.push({ kind: "field", depth: 0 });
        }
        continue;
      }
      if (top.kind === "spec") {
        if (c === "{") stack.push({ kind: "field", depth: 0 });
        else if (c === "}") stack.splice(stack.length - 1, 1);
        continue;
      }
      if (c === "#") break;
      if (c === "'" || c === '"') {
        const s = stringAt(line, i);
        stack.push({ kind: "string", ...s });
        i += s.quote.length - 1;
      } else if (c === "\\" && i === line.length - 1) continued = true;
      else if (top.kind === "field" && top.depth === 0 && (c === "}" || c === ":")) {
        stack.pop();
        if (c === ":") stack.push({ kind: "spec" });
      } else if ("([{".includes(c)) top.depth++;
      else if (")]}".includes(c)) top.depth = Math.max(0, top.depth - 1);
    }
    if (!continued) {
      const unclosed = stack.findIndex((o) => o.kind === "string" && o.quote.length === 1);
      if (unclosed > 0) stack.splice(unclosed);
    }
    return !continued && stack.length === 1 && (stack[0] as { depth: number }).depth === 0;
  });
}

// The top-level assert statements of test code, with the 1-based line each starts on.
export function assertStatements(code: string): Array<{ line: number; statement: string }> {
  const lines = code.split("\n");
  const ends = logicalLineEnds(code);
  const out: Array<{ line: number; statement: string }> = [];
  let start = 0; // first line of the current logical line
  for (let i = 0; i < lines.length; i++) {
    if (!ends[i] && i < lines.length - 1) continue;
    if (/^assert\b/.test(lines[start]!)) out.push({ line: start + 1, statement: lines.slice(start, i + 1).join("\n").trim() });
    start = i + 1;
  }
  return out;
}

// The sandbox's name for a test statement: "line N: " and the statement with spaces collapsed, cut to 100
// characters (code points, as Python counts them).
export function testStatementName(line: number, statement: string): string {
  return `line ${line}: ${[...statement.split(/\s+/).join(" ")].slice(0, 100).join("")}`;
}

// The tests of a spec as the sandbox names them (assert: "line N: <statement, spaces collapsed, 100 chars>"; io: the case's name or "case N").
export function knownTests(tests: TestSpec): KnownTest[] {
  if (tests.kind === "assert") return assertStatements(tests.code).map((a) => ({ name: testStatementName(a.line, a.statement), statement: a.statement }));
  if (tests.kind === "io") return tests.cases.map((c, i) => ({ name: c.name ?? `case ${i + 1}` }));
  return [];
}

// Assert tests written in a problem statement: its assert lines (in fences or not, ">>> " prompts removed).
export function testsFromStatement(text: string): TestSpec | undefined {
  const lines = text.split("\n").map((l) => l.replace(/^\s*(?:>>>|\.\.\.)\s?/, "").replace(/^\s+(?=assert\b)/, ""));
  const found = assertStatements(lines.join("\n")).map((a) => a.statement);
  return found.length ? { kind: "assert", code: `${found.join("\n")}\n` } : undefined;
}
