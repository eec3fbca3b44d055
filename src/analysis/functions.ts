import { lineOf, parsePython, walk, type SyntaxNode } from "./parser.js";

export interface FunctionInfo {
  name: string;
  /** Dotted with enclosing classes and functions: "Stack.push", "outer.inner". */
  qualname: string;
  startLine: number; // 1-based, the `def` line (decorators excluded)
  endLine: number;
  params: string[];
  /** Deepest nesting of control blocks (if/for/while/try/with/match) in the body; a flat body is 0. */
  nestingDepth: number;
  /** Lines from `def` to the last line of the body. */
  lines: number;
}

const BLOCKS = new Set(["if_statement", "for_statement", "while_statement", "try_statement", "with_statement", "match_statement"]);

// Nesting depth of control blocks under a node, not descending into nested functions or classes.
export function nestingDepth(node: SyntaxNode): number {
  let max = 0;
  const visit = (n: SyntaxNode, depth: number) => {
    for (const c of n.namedChildren) {
      if (c.type === "function_definition" || c.type === "class_definition") continue;
      const d = BLOCKS.has(c.type) ? depth + 1 : depth;
      if (d > max) max = d;
      visit(c, d);
    }
  };
  visit(node, 0);
  return max;
}

function qualname(n: SyntaxNode, name: string): string {
  const parts = [name];
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === "function_definition" || p.type === "class_definition") parts.unshift(p.childForFieldName("name")?.text ?? "?");
  }
  return parts.join(".");
}

function paramText(p: SyntaxNode): string {
  if (p.type === "identifier") return p.text;
  const name = p.childForFieldName("name") ?? p.namedChildren.find((c) => c.type === "identifier");
  const prefix = p.type === "list_splat_pattern" ? "*" : p.type === "dictionary_splat_pattern" ? "**" : "";
  return prefix + (name?.text ?? p.text);
}

// Every function and method definition, in source order.
export function functions(code: string): FunctionInfo[] {
  const out: FunctionInfo[] = [];
  for (const n of walk(parsePython(code).rootNode)) {
    if (n.type !== "function_definition") continue;
    const name = n.childForFieldName("name")?.text ?? "?";
    const params = (n.childForFieldName("parameters")?.namedChildren ?? []).map(paramText);
    const body = n.childForFieldName("body");
    const startLine = lineOf(n);
    const endLine = n.endPosition.row + (n.endPosition.column === 0 ? 0 : 1);
    out.push({ name, qualname: qualname(n, name), startLine, endLine, params, nestingDepth: body ? nestingDepth(body) : 0, lines: endLine - startLine + 1 });
  }
  return out;
}

// The innermost function containing a 1-based line, or undefined at module level.
export function functionAt(fns: readonly FunctionInfo[], line: number): FunctionInfo | undefined {
  let best: FunctionInfo | undefined;
  for (const f of fns) if (line >= f.startLine && line <= f.endLine && (!best || f.startLine >= best.startLine)) best = f;
  return best;
}
