import { codeMetrics, functions, identifiers, scanNames, type FunctionInfo } from "../../analysis/index.js";
import type { Judgement } from "../shared/differential.js";
import type { Observation } from "./schema.js";

/** A claimed function length within this many lines of the measured one counts as right (def line, trailing line). */
export const LENGTH_TOLERANCE = 1;

// The function a claim names, by qualified name first, then by plain name.
function findFunction(fns: FunctionInfo[], name: string): FunctionInfo | undefined {
  return fns.find((f) => f.qualname === name) ?? fns.find((f) => f.name === name);
}

// A claim about a function the code does not have: an invented referent.
function noSuchFunction(fns: FunctionInfo[], name: string): Judgement {
  return { label: "wrong", type: "hallucinated-step", evidence: `the code defines no function ${name} (it defines: ${fns.map((f) => f.qualname).join(", ") || "none"})` };
}

// Checks a measurable observation against tree-sitter's measurement of the code. A claim about something the code
// does not have is a hallucinated-step; a claim whose measured value disagrees is an inconsistent-step (the
// evaluation and the code it describes disagree). Undefined for observations that need a run or are not measurable.
export function judgeMeasured(o: Observation, code: string): Judgement | undefined {
  switch (o.kind) {
    case "nesting-depth": {
      const m = codeMetrics(code);
      if (o.function) {
        const f = findFunction(m.functions, o.function);
        if (!f) return noSuchFunction(m.functions, o.function);
        return compare(`nesting depth of ${f.qualname} (lines ${f.startLine}-${f.endLine})`, f.nestingDepth, o.depth, 0);
      }
      return compare("deepest control-block nesting in the code", m.maxNestingDepth, o.depth, 0);
    }
    case "function-length": {
      const fns = functions(code);
      const f = findFunction(fns, o.function);
      if (!f) return noSuchFunction(fns, o.function);
      return compare(`length of ${f.qualname} (lines ${f.startLine}-${f.endLine})`, f.lines, o.lines, LENGTH_TOLERANCE);
    }
    case "unused-name": {
      const hit = codeMetrics(code).unusedNames.find((u) => u.name === o.name);
      if (hit) return { label: "correct", evidence: `${o.name} (${hit.kind}, line ${hit.line}) is bound and never read` };
      if (!identifiers(code).has(o.name)) return { label: "wrong", type: "hallucinated-step", evidence: `the code has no name ${o.name}` };
      const reads = [...new Set(scanNames(code).uses.filter((u) => u.name === o.name).map((u) => u.line))];
      return {
        label: "wrong",
        type: "inconsistent-step",
        evidence: reads.length ? `${o.name} is read at line(s) ${reads.join(", ")}` : `${o.name} is not an unused import, local or parameter (module-level names and attributes are not counted)`,
      };
    }
    case "remark":
      return { label: "unverifiable", evidence: "a judgement with nothing to measure" };
    case "bug":
      return undefined;
  }
}

// A measured value against a claimed one.
function compare(what: string, measured: number, claimed: number, tolerance: number): Judgement {
  if (Math.abs(measured - claimed) <= tolerance) return { label: "correct", evidence: `${what}: measured ${measured}, claimed ${claimed}` };
  return { label: "wrong", type: "inconsistent-step", evidence: `${what} is ${measured}, not ${claimed} as claimed` };
}
