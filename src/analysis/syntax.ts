import { lineOf, parsePython, walk } from "./parser.js";

export interface SyntaxIssue {
  line: number; // 1-based
  column: number; // 1-based
  message: string;
}

// Syntax errors with positions: tree-sitter's ERROR nodes (unexpected text) and MISSING nodes (expected text).
export function syntaxErrors(code: string): SyntaxIssue[] {
  const root = parsePython(code).rootNode;
  if (!root.hasError) return [];
  const out: SyntaxIssue[] = [];
  for (const n of walk(root)) {
    if (n.isMissing) {
      out.push({ line: lineOf(n), column: n.startPosition.column + 1, message: `missing ${JSON.stringify(n.type)}` });
    } else if (n.type === "ERROR") {
      const text = n.text.split("\n")[0]!.slice(0, 40);
      out.push({ line: lineOf(n), column: n.startPosition.column + 1, message: `unexpected ${JSON.stringify(text)}` });
    }
  }
  // an ERROR node contains its children's errors: keep the outermost per position
  const seen = new Set<string>();
  return out.filter((i) => {
    const k = `${i.line}:${i.column}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
