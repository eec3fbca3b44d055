import { lineOf, parsePython, walk } from "./parser.js";

export interface CallSite {
  line: number;
  /** The argument list as written, with its parentheses: "(1, [2, 3])". */
  argsText: string;
}

// Calls of a function by name (`name(...)` or `obj.name(...)`), in source order.
export function callsTo(code: string, name: string): CallSite[] {
  const out: CallSite[] = [];
  for (const n of walk(parsePython(code).rootNode)) {
    if (n.type !== "call") continue;
    const fn = n.childForFieldName("function");
    const callee = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : fn?.type === "identifier" ? fn.text : undefined;
    const args = n.childForFieldName("arguments");
    if (callee === name && args && args.type === "argument_list") out.push({ line: lineOf(n), argsText: args.text });
  }
  return out;
}
