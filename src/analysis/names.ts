import { BUILTINS, lineOf, parsePython, walk, type SyntaxNode } from "./parser.js";

export type BindingKind = "import" | "variable" | "parameter" | "function" | "class";

export interface Binding {
  name: string;
  line: number;
  kind: BindingKind;
  /** Start index of the innermost enclosing function (-1 at module level). */
  scope: number;
}

export interface NameUse {
  name: string;
  line: number;
  /** Start indices of every enclosing function, innermost first. */
  scopes: number[];
}

export interface NameScan {
  bindings: Binding[];
  uses: NameUse[];
}

// Identifiers a target expression binds: names in tuples/lists/stars; attributes and subscripts bind none.
function targetNames(n: SyntaxNode | null, out: SyntaxNode[] = []): SyntaxNode[] {
  if (!n) return out;
  switch (n.type) {
    case "identifier":
      out.push(n);
      break;
    case "pattern_list":
    case "tuple_pattern":
    case "list_pattern":
    case "tuple":
    case "list":
    case "parenthesized_expression":
    case "list_splat_pattern":
    case "as_pattern_target":
      for (const c of n.namedChildren) targetNames(c, out);
      break;
  }
  return out;
}

function enclosingFunctions(n: SyntaxNode): number[] {
  const out: number[] = [];
  for (let p = n.parent; p; p = p.parent) if (p.type === "function_definition" || p.type === "lambda") out.push(p.startIndex);
  return out;
}

// Binding identifiers of parameters (plain, default, typed, *args, **kw).
function paramNames(params: SyntaxNode | null): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (const p of params?.namedChildren ?? []) {
    if (p.type === "identifier") out.push(p);
    else if (p.type === "default_parameter" || p.type === "typed_default_parameter") targetNames(p.childForFieldName("name"), out);
    else if (p.type === "typed_parameter" || p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern") {
      const id = p.namedChildren.find((c) => c.type === "identifier");
      if (id) out.push(id);
    }
  }
  return out;
}

const scans = new Map<string, NameScan>();

// Every binding and every read of a name in the code, scope-aware enough for static checks:
// functions and lambdas are scopes; comprehension variables bind in the enclosing one.
export function scanNames(code: string): NameScan {
  const hit = scans.get(code);
  if (hit) return hit;
  const bindings: Binding[] = [];
  const bound = new Set<number>(); // node ids in binding position (not reads)
  const notNames = new Set<number>(); // identifiers that are not variable names (attribute, keyword, import path)
  const bind = (ids: SyntaxNode[], kind: BindingKind, reads = false) => {
    for (const id of ids) {
      const scopes = enclosingFunctions(id);
      bindings.push({ name: id.text, line: lineOf(id), kind, scope: scopes[0] ?? -1 });
      if (!reads) bound.add(id.id);
    }
  };
  const root = parsePython(code).rootNode;
  for (const n of walk(root)) {
    switch (n.type) {
      case "function_definition":
      case "class_definition": {
        const name = n.childForFieldName("name");
        if (name) {
          // the name binds in the scope around the definition, not inside it
          const scopes = enclosingFunctions(n);
          bindings.push({ name: name.text, line: lineOf(name), kind: n.type === "class_definition" ? "class" : "function", scope: scopes[0] ?? -1 });
          bound.add(name.id);
        }
        if (n.type === "function_definition") bind(paramNames(n.childForFieldName("parameters")), "parameter");
        break;
      }
      case "lambda":
        bind(paramNames(n.childForFieldName("parameters")), "parameter");
        break;
      case "assignment":
      case "for_statement":
      case "for_in_clause":
        bind(targetNames(n.childForFieldName("left")), "variable");
        break;
      case "augmented_assignment":
        bind(targetNames(n.childForFieldName("left")), "variable", true);
        break;
      case "named_expression":
        bind(targetNames(n.childForFieldName("name")), "variable");
        break;
      case "as_pattern":
        bind(targetNames(n.childForFieldName("alias")), "variable");
        break;
      case "global_statement":
      case "nonlocal_statement":
        for (const c of n.namedChildren) notNames.add(c.id);
        break;
      case "import_statement":
      case "import_from_statement": {
        for (const d of walk(n)) if (d.type === "identifier") notNames.add(d.id);
        const names = n.childrenForFieldName("name");
        for (const item of names) {
          const alias = item.type === "aliased_import" ? item.childForFieldName("alias") : null;
          const dotted = item.type === "aliased_import" ? item.childForFieldName("name") : item;
          // `import a.b` binds a; `from m import a` binds a; `import a.b as c` binds c
          const id = alias ?? (n.type === "import_statement" ? dotted?.namedChildren[0] : dotted?.namedChildren.at(-1));
          if (id) bind([id], "import");
        }
        if (n.namedChildren.some((c) => c.type === "wildcard_import")) bindings.push({ name: "*", line: lineOf(n), kind: "import", scope: -1 });
        break;
      }
      case "attribute": {
        const attr = n.childForFieldName("attribute");
        if (attr) notNames.add(attr.id);
        break;
      }
      case "keyword_argument": {
        const name = n.childForFieldName("name");
        if (name) notNames.add(name.id);
        break;
      }
    }
  }
  const uses: NameUse[] = [];
  for (const n of walk(root)) {
    if (n.type !== "identifier" || bound.has(n.id) || notNames.has(n.id)) continue;
    uses.push({ name: n.text, line: lineOf(n), scopes: enclosingFunctions(n) });
  }
  const scan = { bindings, uses };
  scans.set(code, scan);
  if (scans.size > 16) scans.delete(scans.keys().next().value!);
  return scan;
}

// Names read but never bound anywhere in the code, nor builtins, nor in `extra` (e.g. names a harness provides).
// Scope-insensitive on purpose: a name bound anywhere counts as defined, so a flagged name is surely undefined.
export function undefinedNames(code: string, opts: { extra?: Iterable<string> } = {}): { name: string; line: number }[] {
  const { bindings, uses } = scanNames(code);
  if (bindings.some((b) => b.name === "*")) return []; // a wildcard import can bind anything
  const defined = new Set([...bindings.map((b) => b.name), ...(opts.extra ?? [])]);
  const seen = new Set<string>();
  const out: { name: string; line: number }[] = [];
  for (const u of uses) {
    if (defined.has(u.name) || BUILTINS.has(u.name) || seen.has(u.name)) continue;
    seen.add(u.name);
    out.push({ name: u.name, line: u.line });
  }
  return out;
}

// Every identifier and attribute name in the code (to map plan steps and explanations to code).
export function identifiers(code: string): Set<string> {
  const out = new Set<string>();
  for (const n of walk(parsePython(code).rootNode)) if (n.type === "identifier") out.add(n.text);
  return out;
}
