import { lineOf, parsePython, walk } from "./parser.js";

export interface ImportRef {
  /** The top-level module: "os" for `import os.path`, "collections" for `from collections import deque`. */
  module: string;
  line: number;
}

// Absolute imports in the code (relative ones, `from . import x`, name local files and are left out).
export function imports(code: string): ImportRef[] {
  const out: ImportRef[] = [];
  for (const n of walk(parsePython(code).rootNode)) {
    if (n.type === "import_statement") {
      for (const item of n.childrenForFieldName("name")) {
        const dotted = item.type === "aliased_import" ? item.childForFieldName("name") : item;
        const first = dotted?.namedChildren[0]?.text;
        if (first) out.push({ module: first, line: lineOf(n) });
      }
    } else if (n.type === "import_from_statement" || n.type === "future_import_statement") {
      const mod = n.childForFieldName("module_name");
      if (n.type === "future_import_statement") out.push({ module: "__future__", line: lineOf(n) });
      else if (mod?.type === "dotted_name") out.push({ module: mod.namedChildren[0]!.text, line: lineOf(n) });
    }
  }
  return out;
}

// Imports of modules the sandbox image does not have (an invented API), minus modules the record itself provides.
export function missingImports(code: string, modules: ReadonlySet<string>, local: Iterable<string> = []): ImportRef[] {
  const own = new Set(local);
  return imports(code).filter((i) => !modules.has(i.module) && !own.has(i.module));
}
