import { functions, nestingDepth, type FunctionInfo } from "./functions.js";
import { scanNames } from "./names.js";
import { parsePython } from "./parser.js";

export interface UnusedName {
  name: string;
  line: number;
  kind: "import" | "variable" | "parameter";
}

export interface CodeMetrics {
  /** Deepest control-block nesting in any function or at module level. */
  maxNestingDepth: number;
  functions: FunctionInfo[];
  unusedNames: UnusedName[];
}

// Names bound and never read: imports anywhere, parameters and local variables of functions.
// Module-level variables are left out (another module may read them); `_`-names, self and cls too.
export function unusedNames(code: string): UnusedName[] {
  const { bindings, uses } = scanNames(code);
  const out: UnusedName[] = [];
  const seen = new Set<string>();
  for (const b of bindings) {
    if (b.kind === "function" || b.kind === "class" || b.name.startsWith("_") || b.name === "self" || b.name === "cls") continue;
    if (b.kind !== "import" && b.scope === -1) continue;
    const read = b.kind === "import" ? uses.some((u) => u.name === b.name) : uses.some((u) => u.name === b.name && u.scopes.includes(b.scope));
    const key = `${b.name}@${b.scope}`;
    if (read || seen.has(key)) continue;
    seen.add(key);
    out.push({ name: b.name, line: b.line, kind: b.kind as UnusedName["kind"] });
  }
  return out;
}

// Measurable facts about code that quality judgements cite.
export function codeMetrics(code: string): CodeMetrics {
  const fns = functions(code);
  const moduleDepth = nestingDepth(parsePython(code).rootNode);
  return {
    maxNestingDepth: Math.max(moduleDepth, ...fns.map((f) => f.nestingDepth)),
    functions: fns,
    unusedNames: unusedNames(code),
  };
}
