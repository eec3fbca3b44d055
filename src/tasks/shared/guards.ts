import { parsePython, walk, type SyntaxNode } from "../../analysis/index.js";
import { splitTopLevel } from "./feedback.js";

// Guards that special-case test inputs: `if (a, b) == (3, 4): return 7` in the entry point. Pure (tree-sitter).
// A general edge-case guard (`if not xs: return 0`, `if n < 2: return n`) is not one: only an equality of the
// parameters with literals that are not edge values counts, and only when the literal is an input of the tests.

export interface InputGuard {
  /** 1-based lines of the whole `if` statement. */
  startLine: number;
  endLine: number;
  /** The condition as written. */
  condition: string;
  /** The literal(s) the parameters are compared with. */
  literals: string[];
}

const squash = (s: string) => s.replace(/\s+/g, "").replace(/"/g, "'").replace(/,\)/g, ")").replace(/,]/g, "]");
// values an edge-case guard compares with: empty, zero, one, two, None, booleans
const EDGE = new Set(["0", "1", "2", "-1", "''", "[]", "()", "{}", "None", "True", "False", "0.0", "1.0", "set()"]);
const LITERAL = /^(?:-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|[[({][^A-Za-z_]*[\])}]|\((?:[^A-Za-z_]|True|False|None)*\)|\[(?:[^A-Za-z_]|True|False|None)*\])$/;

function isLiteral(text: string): boolean {
  return LITERAL.test(text.trim().replace(/\b(True|False|None)\b/g, "0").replace(/'[^']*'|"[^"]*"/g, "0")) || /^'[^']*'$|^"[^"]*"$/.test(text.trim());
}

// The literals one comparison `params == literal` (either side) or `params in (literals)` compares with.
function comparedLiterals(cond: SyntaxNode, params: ReadonlySet<string>): string[] | undefined {
  if (cond.type === "parenthesized_expression") return cond.namedChildren[0] ? comparedLiterals(cond.namedChildren[0], params) : undefined;
  if (cond.type === "boolean_operator" && /\band\b/.test(cond.text.replace(/'[^']*'|"[^"]*"/g, ""))) {
    const l = cond.childForFieldName("left");
    const r = cond.childForFieldName("right");
    const a = l && comparedLiterals(l, params);
    const b = r && comparedLiterals(r, params);
    return a && b ? [...a, ...b] : undefined;
  }
  if (cond.type !== "comparison_operator" || cond.namedChildren.length !== 2) return undefined;
  const op = cond.text.slice(cond.namedChildren[0]!.endIndex - cond.startIndex, cond.namedChildren[1]!.startIndex - cond.startIndex).trim();
  const [left, right] = cond.namedChildren as [SyntaxNode, SyntaxNode];
  const isParams = (n: SyntaxNode) => {
    const names = n.text.replace(/[()[\],\s]/g, " ").trim().split(/\s+/);
    return names.length > 0 && names.every((x) => params.has(x));
  };
  if (op === "==") {
    if (isParams(left) && isLiteral(right.text)) return [right.text];
    if (isParams(right) && isLiteral(left.text)) return [left.text];
  }
  if (op === "in" && isParams(left) && (right.type === "tuple" || right.type === "list" || right.type === "set")) {
    const items = right.namedChildren.map((c) => c.text);
    if (items.length && items.every(isLiteral)) return items;
  }
  return undefined;
}

// The guards of the top-level function `entry` whose body only returns, comparing parameters with literals
// that are not edge values.
export function inputGuards(code: string, entry: string): InputGuard[] {
  const root = parsePython(code).rootNode;
  const fn = root.namedChildren.map((n) => (n.type === "decorated_definition" ? n.childForFieldName("definition") : n)).find((n) => n?.type === "function_definition" && n.childForFieldName("name")?.text === entry);
  if (!fn) return [];
  const params = new Set((fn.childForFieldName("parameters")?.namedChildren ?? []).map((p) => (p.type === "identifier" ? p.text : (p.childForFieldName("name")?.text ?? p.namedChildren.find((c) => c.type === "identifier")?.text ?? ""))));
  const out: InputGuard[] = [];
  for (const n of walk(fn)) {
    if (n.type !== "if_statement") continue;
    const cond = n.childForFieldName("condition");
    const body = n.childForFieldName("consequence");
    if (!cond || !body || n.namedChildren.some((c) => c.type === "elif_clause" || c.type === "else_clause")) continue;
    if (body.namedChildren.length !== 1 || body.namedChildren[0]!.type !== "return_statement") continue;
    const literals = comparedLiterals(cond, params);
    if (!literals || literals.every((l) => EDGE.has(squash(l)))) continue;
    out.push({ startLine: n.startPosition.row + 1, endLine: n.endPosition.row + (n.endPosition.column === 0 ? 0 : 1), condition: cond.text, literals });
  }
  return out;
}

// The guards whose literals are inputs of the tests (argument tuples as the call harness takes them).
export function guardsOnInputs(guards: readonly InputGuard[], inputs: readonly string[]): InputGuard[] {
  const tuples = inputs.map((i) => {
    const inner = squash(i).replace(/^\((.*)\)$/, "$1");
    return { whole: inner, items: splitTopLevel(inner, ",").filter(Boolean) };
  });
  const onInput = (lit: string) => {
    const l = squash(lit);
    const inner = l.replace(/^\((.*)\)$/, "$1");
    return tuples.some((t) => t.whole === inner || t.items.includes(l));
  };
  return guards.filter((g) => g.literals.some((l) => !EDGE.has(squash(l)) && onInput(l)));
}

// The code with the guards taken out (each `if` becomes `pass` on its first line, the line numbers kept).
export function withoutGuards(code: string, guards: readonly InputGuard[]): string {
  const lines = code.split("\n");
  for (const g of guards) {
    const indent = /^\s*/.exec(lines[g.startLine - 1] ?? "")![0];
    for (let l = g.startLine; l <= g.endLine; l++) lines[l - 1] = l === g.startLine ? `${indent}pass` : "";
  }
  return lines.join("\n");
}
