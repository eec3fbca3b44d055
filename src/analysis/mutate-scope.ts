import { walk, type SyntaxNode } from "./parser.js";

// A local name of one function: from where it holds a value (index into the source: the end of the first
// statement or clause binding it) and where it can be read (the function, or its comprehension).
export interface LocalName {
  name: string;
  boundAt: number;
  visible: { startIndex: number; endIndex: number };
}

// A read of a local name inside its function: the identifier node.
export interface LocalUse {
  node: SyntaxNode;
  name: string;
}

const SCOPES = new Set(["function_definition", "lambda", "class_definition"]);
const TARGETS = new Set(["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression", "list_splat_pattern"]);

// Identifiers a target expression binds (names in tuples, lists, stars; not attributes or subscripts).
function targetIds(n: SyntaxNode | null, out: SyntaxNode[] = []): SyntaxNode[] {
  if (!n) return out;
  if (n.type === "identifier") out.push(n);
  else if (TARGETS.has(n.type)) for (const c of n.namedChildren) targetIds(c, out);
  return out;
}

// Parameter names of a function (plain, default, typed, *args, **kw).
function paramIds(params: SyntaxNode | null): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (p.type === "identifier") out.push(p);
    else if (p.type === "default_parameter" || p.type === "typed_default_parameter") targetIds(p.childForFieldName("name"), out);
    else {
      const id = p.namedChildren.find((c) => c.type === "identifier");
      if (id) out.push(id);
    }
  }
  return out;
}

// Names a lambda binds as its parameters.
function lambdaParams(lambda: SyntaxNode): Set<string> {
  return new Set(paramIds(lambda.childForFieldName("parameters")).map((id) => id.text));
}

// The innermost function, lambda or class around a node (null at module level).
function scopeOf(n: SyntaxNode): SyntaxNode | null {
  for (let p = n.parent; p; p = p.parent) if (SCOPES.has(p.type)) return p;
  return null;
}

// The locals of a function or of the module (parameters and names bound in its own body, comprehension variables included)
// and every read of one of them in that body; nested functions and classes are left out.
export function functionLocals(fn: SyntaxNode): { locals: LocalName[]; uses: LocalUse[] } {
  const first = new Map<string, LocalName>();
  const binding = new Set<number>(); // ids of identifiers in binding position
  const skip = new Set<number>(); // identifiers that are not reads of a variable
  // `after`: the node whose end the value is there from; `visible`: where the name can be read
  const bind = (ids: SyntaxNode[], after: SyntaxNode, visible: SyntaxNode = fn) => {
    for (const id of ids) {
      binding.add(id.id);
      const known = first.get(id.text);
      if (known && known.boundAt <= after.endIndex) continue;
      first.set(id.text, { name: id.text, boundAt: after.endIndex, visible: { startIndex: visible.startIndex, endIndex: visible.endIndex } });
    }
  };
  const params = fn.childForFieldName("parameters");
  if (params) bind(paramIds(params), params);
  const fnId = fn.type === "module" ? -1 : fn.id;
  const body = fn.type === "module" ? fn : fn.childForFieldName("body");
  if (!body) return { locals: [], uses: [] };
  const own = (n: SyntaxNode) => (scopeOf(n)?.id ?? -1) === fnId;
  for (const n of walk(body)) {
    if (n.type === "attribute") skip.add(n.childForFieldName("attribute")?.id ?? -1);
    if (n.type === "keyword_argument") skip.add(n.childForFieldName("name")?.id ?? -1);
    if (!own(n)) continue;
    switch (n.type) {
      case "assignment":
      case "augmented_assignment":
      case "named_expression":
        bind(targetIds(n.childForFieldName(n.type === "named_expression" ? "name" : "left")), n);
        break;
      case "for_statement":
        bind(targetIds(n.childForFieldName("left")), n.childForFieldName("right") ?? n);
        break;
      case "for_in_clause":
        // a comprehension variable lives in its comprehension only
        bind(targetIds(n.childForFieldName("left")), n.childForFieldName("right") ?? n, n.parent ?? fn);
        break;
      case "function_definition":
      case "class_definition":
        skip.add(n.childForFieldName("name")?.id ?? -1);
        break;
      case "global_statement":
      case "nonlocal_statement":
        for (const c of n.namedChildren) {
          skip.add(c.id);
          first.delete(c.text); // not a local after all
        }
        break;
    }
  }
  const locals = [...first.values()].sort((a, b) => a.boundAt - b.boundAt || (a.name < b.name ? -1 : 1));
  const uses: LocalUse[] = [];
  for (const n of walk(body)) {
    if (n.type !== "identifier" || binding.has(n.id) || skip.has(n.id) || !first.has(n.text)) continue;
    if (scopeOf(n)?.type === "class_definition" || scopeOf(n)?.type === "function_definition" && !own(n)) continue;
    // a read inside a nested lambda still sees the function's locals; a read in a nested def is left alone
    if (!own(n) && scopeOf(n)?.type !== "lambda") continue;
    if (!own(n) && lambdaParams(scopeOf(n)!).has(n.text)) continue; // the lambda's own parameter, not the local
    uses.push({ node: n, name: n.text });
  }
  return { locals, uses };
}
