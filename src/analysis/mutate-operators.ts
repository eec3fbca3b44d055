import { functionLocals } from "./mutate-scope.js";
import { walk, type SyntaxNode } from "./parser.js";

// One edit of the source: replace [start, end) (UTF-16 indices, as tree-sitter gives them) with `text`.
// `context` is the span shown in the mutant's description (the comparison, the call, the branch).
export interface Edit {
  start: number;
  end: number;
  text: string;
  context: Span;
}

// A span of the source (UTF-16 indices); a SyntaxNode is one.
export interface Span {
  startIndex: number;
  endIndex: number;
}

// A mutation operator: the edits it proposes on a parsed module, in source order.
export type Operator = (root: SyntaxNode, code: string) => Edit[];

const replaceNode = (n: SyntaxNode, text: string, context: Span = n): Edit => ({ start: n.startIndex, end: n.endIndex, text, context });

// Each comparison operator's negation first, then its boundary neighbour.
const COMPARISONS: Record<string, string[]> = {
  "<": [">=", "<="],
  "<=": [">", "<"],
  ">": ["<=", ">="],
  ">=": ["<", ">"],
  "==": ["!="],
  "!=": ["=="],
  in: ["not in"],
  "not in": ["in"],
  is: ["is not"],
  "is not": ["is"],
};

// `i < n` -> `i >= n` and `i <= n`; `x == y` -> `x != y`; `a in b` -> `a not in b`.
export function flipComparison(root: SyntaxNode): Edit[] {
  const out: Edit[] = [];
  for (const n of walk(root)) {
    if (n.type !== "comparison_operator") continue;
    for (const op of n.children) {
      if (op.isNamed) continue;
      for (const to of COMPARISONS[op.type] ?? []) out.push(replaceNode(op, to, n));
    }
  }
  return out;
}

const DECIMAL = /^\d+$/;

// Whether a node sits where an integer bound lives: a range() argument, a slice or index, a comparison operand.
function boundContext(n: SyntaxNode): SyntaxNode | null {
  for (let p = n.parent; p; p = p.parent) {
    if (p.type === "slice" && p.parent?.type === "subscript") return p.parent;
    if (p.type === "comparison_operator" || p.type === "slice" || p.type === "subscript") return p;
    if (p.type === "argument_list" && p.parent?.childForFieldName("function")?.text === "range") return p.parent;
    if (p.type === "call" || p.type === "block" || p.type === "lambda") return null; // another call's arguments are not bounds
  }
  return null;
}

// Integer bounds +-1 (in range(), slices, indices, comparisons) and `len(x)` -> `len(x) - 1` in those places.
export function offByOne(root: SyntaxNode): Edit[] {
  const out: Edit[] = [];
  for (const n of walk(root)) {
    if (n.type === "integer" && DECIMAL.test(n.text)) {
      const ctx = boundContext(n);
      if (!ctx) continue;
      const v = BigInt(n.text);
      out.push(replaceNode(n, String(v + 1n), ctx));
      if (v > 0n) out.push(replaceNode(n, String(v - 1n), ctx));
    } else if (n.type === "call" && n.childForFieldName("function")?.text === "len") {
      const p = n.parent;
      const direct = p?.type === "comparison_operator" || p?.type === "slice" || (p?.type === "argument_list" && p.parent?.childForFieldName("function")?.text === "range");
      const additive = p?.type === "binary_operator" && ["+", "-"].includes(p.childForFieldName("operator")?.type ?? "") && p.childForFieldName("left")?.id === n.id;
      if (direct || (additive && boundContext(n))) out.push(replaceNode(n, `${n.text} - 1`, p!.type === "argument_list" ? p!.parent! : p!));
    }
  }
  return out;
}

const ARITHMETIC: Record<string, string[]> = {
  "+": ["-"],
  "-": ["+"],
  "*": ["//"],
  "//": ["/", "*"],
  "/": ["//"],
  "%": ["//"],
  "**": ["*"],
  "<<": [">>"],
  ">>": ["<<"],
  "&": ["|"],
  "|": ["&"],
  "^": ["&"],
};

// Binary and augmented arithmetic (+ <-> -, * <-> //, // <-> /, % -> //, ** -> *) and `and` <-> `or`.
export function wrongOperator(root: SyntaxNode): Edit[] {
  const out: Edit[] = [];
  for (const n of walk(root)) {
    const op = n.childForFieldName("operator");
    if (!op) continue;
    if (n.type === "binary_operator") for (const to of ARITHMETIC[op.type] ?? []) out.push(replaceNode(op, to, n));
    else if (n.type === "boolean_operator") out.push(replaceNode(op, op.type === "and" ? "or" : "and", n));
    else if (n.type === "augmented_assignment" && op.type.endsWith("=")) {
      for (const to of ARITHMETIC[op.type.slice(0, -1)] ?? []) out.push(replaceNode(op, `${to}=`, n));
    }
  }
  return out;
}

// The source line around a node, without its indentation.
function lineAround(code: string, n: SyntaxNode): Span {
  const start = code.lastIndexOf("\n", n.startIndex - 1) + 1;
  const end = code.indexOf("\n", n.endIndex);
  return { startIndex: start + (/^[ \t]*/.exec(code.slice(start))?.[0].length ?? 0), endIndex: end < 0 ? code.length : end };
}

// A read of a local replaced by another local of the same function (or of the module, for scripts) that
// holds a value by then: the two bound most recently before it.
export function wrongVariable(root: SyntaxNode, code: string): Edit[] {
  const out: Edit[] = [];
  for (const fn of walk(root)) {
    if (fn.type !== "function_definition" && fn.type !== "module") continue;
    const { locals, uses } = functionLocals(fn);
    for (const use of uses) {
      const at = use.node.startIndex;
      const others = locals.filter((l) => l.name !== use.name && l.boundAt <= at && l.visible.startIndex <= at && at < l.visible.endIndex);
      for (const l of others.slice(-2).reverse()) out.push(replaceNode(use.node, l.name, lineAround(code, use.node)));
    }
  }
  return out;
}

// Each elif/else branch removed, each if-body replaced by `pass`, each `a if c else b` reduced to `a`.
export function droppedBranch(root: SyntaxNode): Edit[] {
  const out: Edit[] = [];
  for (const n of walk(root)) {
    if (n.type === "if_statement") {
      const body = n.childForFieldName("consequence");
      if (body && body.text !== "pass") out.push(replaceNode(body, "pass", { startIndex: n.startIndex, endIndex: body.endIndex }));
      for (const alt of n.childrenForFieldName("alternative")) {
        const prev = alt.previousSibling;
        if (prev) out.push({ start: prev.endIndex, end: alt.endIndex, text: "", context: alt });
      }
    } else if (n.type === "conditional_expression") {
      const kept = n.namedChildren[0];
      if (kept) out.push(replaceNode(n, kept.text));
    }
  }
  return out;
}

// The first two positional arguments of a call swapped, when they differ: `range(1, n)` -> `range(n, 1)`.
export function swappedArguments(root: SyntaxNode): Edit[] {
  const out: Edit[] = [];
  for (const n of walk(root)) {
    if (n.type !== "call") continue;
    const args = n.childForFieldName("arguments");
    if (args?.type !== "argument_list") continue;
    const positional = args.namedChildren.filter((a) => a.type !== "comment");
    const [a, b] = positional;
    if (!a || !b || a.text === b.text || [a, b].some((x) => x.type.includes("splat") || x.type === "keyword_argument")) continue;
    out.push({ start: a.startIndex, end: b.endIndex, text: `${b.text}${args.text.slice(a.endIndex - args.startIndex, b.startIndex - args.startIndex)}${a.text}`, context: n });
  }
  return out;
}

// The operators by name, in the order mutants are listed.
export const OPERATORS = {
  "flip-comparison": flipComparison,
  "off-by-one": offByOne,
  "wrong-operator": wrongOperator,
  "wrong-variable": wrongVariable,
  "dropped-branch": droppedBranch,
  "swapped-arguments": swappedArguments,
} satisfies Record<string, Operator>;
