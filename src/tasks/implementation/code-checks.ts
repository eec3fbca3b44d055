import { callsTo, functions, missingImports, scanNames, syntaxErrors, undefinedNames } from "../../analysis/index.js";
import type { ErrorType } from "../../core/taxonomy.js";
import type { Design } from "./schema.js";

export interface CodeProblem {
  type: ErrorType;
  evidence: string;
}

// What parsing alone finds wrong with code: syntax errors, names never defined or imported, imports the
// sandbox image does not have (an invented API), and a missing entry point. Most severe first.
export function codeProblems(code: string, entry: string, modules: ReadonlySet<string>): CodeProblem[] {
  const out: CodeProblem[] = [];
  for (const e of syntaxErrors(code).slice(0, 3)) out.push({ type: "syntax-error", evidence: `line ${e.line}:${e.column}: ${e.message}` });
  for (const m of missingImports(code, modules)) {
    out.push({ type: "hallucinated-step", evidence: `line ${m.line} imports ${m.module}, which does not exist in the sandbox image (invented API)` });
  }
  for (const n of undefinedNames(code)) out.push({ type: "hallucinated-step", evidence: `line ${n.line} uses ${n.name}, which is never defined or imported` });
  if (!functions(code).some((f) => f.qualname === entry)) {
    out.push({ type: "inconsistent-step", evidence: `the code defines no top-level function ${entry}, the entry point the problem asks for` });
  }
  return out;
}

// Where the code departs from its design: a designed function it never defines, or a designed call it never makes.
// Returns the departures and, when there are none, what matched (for the design's evidence).
export function designDepartures(design: Design, code: string): { departures: string[]; matched: string[] } {
  const fns = functions(code);
  const departures: string[] = [];
  const matched: string[] = [];
  for (const d of design.functions) {
    const f = fns.find((x) => x.qualname === d.name) ?? fns.find((x) => x.name === d.name);
    if (!f) {
      const defined = fns.map((x) => x.qualname).join(", ") || "none";
      departures.push(`the design names ${d.name} (${d.role}) but the code defines no such function (it defines: ${defined})`);
      continue;
    }
    const missing = d.calls.filter((callee) => !callSitesIn(code, callee, f.startLine, f.endLine));
    for (const callee of missing) departures.push(`the design says ${d.name} calls ${callee}, but ${f.qualname} (lines ${f.startLine}-${f.endLine}) never calls it`);
    if (!missing.length) matched.push(`${f.qualname} (lines ${f.startLine}-${f.endLine}${d.calls.length ? `, calls ${d.calls.join(", ")}` : ""})`);
  }
  return { departures, matched };
}

// Does the code call `callee` between two lines (inside one function)? Passing it on as a value counts
// (`map(helper, xs)`, `sorted(xs, key=helper)`): the function uses it. A dotted callee (`math.isqrt`,
// `heapq.heappush`) is called as an attribute, or by its last name after `from math import isqrt`.
function callSitesIn(code: string, callee: string, from: number, to: number): boolean {
  const inside = (line: number) => line >= from && line <= to;
  const name = callee.split(".").at(-1)!;
  return callsTo(code, name).some((s) => inside(s.line)) || scanNames(code).uses.some((u) => u.name === name && inside(u.line));
}
