import { parsePython, type SyntaxNode } from "../../analysis/index.js";
import type { TestSpec } from "../../core/test-spec.js";

// The structure of assert-style test code as people write it: flat asserts, HumanEval's `def check(candidate)`
// called as `check(entry)`, unittest classes. Pure (tree-sitter only).

const lineOf = (n: SyntaxNode) => n.startPosition.row + 1;
const lastLine = (n: SyntaxNode) => n.endPosition.row + (n.endPosition.column === 0 ? 0 : 1);

// The TestCase classes of the code and their test methods (sorted by name, as unittest runs them).
function testCases(root: SyntaxNode): Array<{ cls: string; methods: string[] }> {
  const out: Array<{ cls: string; methods: string[] }> = [];
  for (const n of root.namedChildren) {
    const cls = n.type === "decorated_definition" ? n.childForFieldName("definition") : n;
    if (cls?.type !== "class_definition") continue;
    const bases = cls.childForFieldName("superclasses")?.text ?? "";
    if (!/\bTestCase\b/.test(bases)) continue;
    const methods: string[] = [];
    for (const m of cls.childForFieldName("body")?.namedChildren ?? []) {
      const fn = m.type === "decorated_definition" ? m.childForFieldName("definition") : m;
      const name = fn?.type === "function_definition" ? fn.childForFieldName("name")?.text : undefined;
      if (name?.startsWith("test")) methods.push(name);
    }
    out.push({ cls: cls.childForFieldName("name")?.text ?? "?", methods: methods.sort() });
  }
  return out;
}

// A top-level statement that starts unittest's runner: `unittest.main(...)`, or an `if __name__ == "__main__":` block around it.
function isRunnerStatement(n: SyntaxNode): boolean {
  if (n.type === "expression_statement") return /^\s*(unittest\.)?main\s*\(/.test(n.text);
  if (n.type === "if_statement") return /__name__/.test(n.childForFieldName("condition")?.text ?? "") && /\bmain\s*\(/.test(n.text);
  return false;
}

// Assert-style test code whose tests are unittest.TestCase methods, rewritten so that each test method runs as
// one statement of its own (`T("test_a").debug()`: setUp, the test, tearDown, its exception raised as is) in
// place of `unittest.main()`; the other lines keep their numbers. Other code is returned unchanged.
export function unittestAsStatements(code: string): string {
  const root = parsePython(code).rootNode;
  const cases = testCases(root).filter((c) => c.methods.length);
  if (!cases.length) return code;
  const runs = cases.flatMap((c) => c.methods.map((m) => `${c.cls}(${JSON.stringify(m)}).debug()`)).join("; ");
  const lines = code.split("\n");
  const runner = root.namedChildren.filter(isRunnerStatement);
  if (!runner.length) {
    // test methods the code already runs itself (`T('test_a').test_a()`) are not run twice
    const runsThem = root.namedChildren.some((n) => n.type === "expression_statement" && cases.some((c) => new RegExp(`\\b${c.cls}\\s*\\(`).test(n.text)));
    return runsThem ? code : `${code.replace(/\n*$/, "\n")}${runs}\n`;
  }
  runner.forEach((n, k) => {
    for (let l = lineOf(n); l <= lastLine(n); l++) lines[l - 1] = "";
    if (k === 0) lines[lineOf(n) - 1] = runs;
  });
  return lines.join("\n");
}

// A test spec as Vouch's assert harness can run it (unittest classes made into statements); others unchanged.
export function runnableSpec<T extends TestSpec | undefined>(spec: T): T {
  if (!spec || spec.kind !== "assert") return spec;
  const code = unittestAsStatements(spec.code);
  return (code === spec.code ? spec : { ...spec, code }) as T;
}

/** A function the test code defines at top level and the test statements that call it (HumanEval's check). */
export interface TestFunction {
  name: string;
  startLine: number;
  endLine: number;
  /** Its parameters, in order. */
  params: string[];
  /** Top-level lines that call it: `check(entry)`. */
  calledFrom: number[];
}

// The top-level functions of test code (check, helpers) and where the top-level statements call them.
export function testFunctions(code: string): TestFunction[] {
  const root = parsePython(code).rootNode;
  const out: TestFunction[] = [];
  for (const n of root.namedChildren) {
    const fn = n.type === "decorated_definition" ? n.childForFieldName("definition") : n;
    if (fn?.type !== "function_definition") continue;
    const name = fn.childForFieldName("name")?.text ?? "";
    const params = (fn.childForFieldName("parameters")?.namedChildren ?? []).map((p) => (p.type === "identifier" ? p.text : (p.childForFieldName("name")?.text ?? p.text)));
    const calledFrom = root.namedChildren
      .filter((s) => s.type !== "function_definition" && s.type !== "class_definition" && s.type !== "decorated_definition" && new RegExp(`(^|[^\\w.])${name}\\s*\\(`).test(s.text))
      .map(lineOf);
    out.push({ name, startLine: lineOf(fn), endLine: lastLine(fn), params, calledFrom });
  }
  return out;
}

// The line range of the top-level statement of test code that covers a 1-based line.
export function topLevelStatementAt(code: string, line: number): { startLine: number; endLine: number; text: string } | undefined {
  for (const n of parsePython(code).rootNode.namedChildren) {
    if (lineOf(n) <= line && line <= lastLine(n)) return { startLine: lineOf(n), endLine: lastLine(n), text: n.text };
  }
  return undefined;
}

// Test code with only the statements that define things (imports, functions, classes, assignments) and the one
// top-level statement at `line`: the other test statements are blanked, so line numbers stay as they were.
export function onlyStatementAt(code: string, line: number): string {
  const lines = code.split("\n");
  for (const n of parsePython(code).rootNode.namedChildren) {
    const isTest = n.type === "assert_statement" || (n.type === "expression_statement" && n.namedChildren[0]?.type === "call");
    if (!isTest || (lineOf(n) <= line && line <= lastLine(n))) continue;
    for (let l = lineOf(n); l <= lastLine(n); l++) lines[l - 1] = "";
  }
  return lines.join("\n");
}
