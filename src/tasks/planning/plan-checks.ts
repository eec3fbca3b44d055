import { functions, identifiers, missingImports, syntaxErrors, undefinedNames } from "../../analysis/index.js";
import type { ErrorType } from "../../core/taxonomy.js";
import type { Judgement } from "../shared/differential.js";
import { CLASS_ORDER, parseComplexity } from "./complexity.js";
import type { Alternative, PlanStep } from "./schema.js";

// An alternative rejected as too slow must be claimed slower than the chosen strategy; otherwise the rejection does
// not follow from the trajectory's own claims (logical-leap). Other reasons are prose: unverifiable.
export function judgeAlternative(alt: Alternative, chosenTime: string | undefined): Judgement {
  if (alt.rejected_for !== "time") return { label: "unverifiable", evidence: `rejected for ${alt.rejected_for}: "${alt.reason}" (prose, nothing to run)` };
  const a = alt.complexity ? parseComplexity(alt.complexity) : undefined;
  const c = chosenTime ? parseComplexity(chosenTime) : undefined;
  if (!a || !c) return { label: "unverifiable", evidence: `rejected as too slow, but ${!a ? "its complexity" : "the chosen complexity"} is not a class Vouch compares` };
  const ai = CLASS_ORDER.indexOf(a.cls);
  const ci = CLASS_ORDER.indexOf(c.cls);
  if (ai > ci) return { label: "correct", evidence: `rejected as too slow: ${a.cls} grows faster than the chosen ${c.cls}` };
  return {
    label: "wrong",
    type: "logical-leap",
    evidence: `rejected as too slow, yet its claimed ${a.cls} is ${ai === ci ? "the same class as" : "faster than"} the chosen strategy's ${c.cls}`,
  };
}

// The names a code reference needs: "heapq.heappush" needs heapq and heappush, "Cls.meth" may also be a qualname.
function refFound(ref: string, names: ReadonlySet<string>, qualnames: ReadonlySet<string>): boolean {
  if (qualnames.has(ref)) return true;
  const parts = ref.replace(/\(\)$/, "").split(".");
  return parts.every((p) => names.has(p));
}

// A plan step is carried out when every identifier it names is in the code; a step naming code that is not there
// is a plan the code does not follow (inconsistent-step).
export function judgePlanStep(step: PlanStep, code: string | undefined): Judgement {
  if (code === undefined) return { label: "unverifiable", evidence: "no code in the trajectory to map the step to" };
  if (!step.code_refs.length) return { label: "unverifiable", evidence: "the step names no code identifier to look for" };
  const names = identifiers(code);
  const fns = functions(code);
  const qualnames = new Set(fns.map((f) => f.qualname));
  const missing = step.code_refs.filter((r) => !refFound(r, names, qualnames));
  if (!missing.length) return { label: "correct", evidence: `the code has ${step.code_refs.join(", ")}` };
  const defined = fns.map((f) => f.qualname).join(", ") || "none";
  return {
    label: "wrong",
    type: "inconsistent-step",
    evidence: `the step becomes ${missing.join(", ")}, which the code never uses or defines (functions: ${defined})`,
  };
}

export interface CodeProblem {
  type: ErrorType;
  evidence: string;
}

// What parsing finds wrong with the code: syntax errors, names never defined, imports the sandbox image lacks, and
// a missing entry point. Most severe first.
export function codeProblems(code: string, entry: string | undefined, modules: ReadonlySet<string>): CodeProblem[] {
  const out: CodeProblem[] = [];
  for (const e of syntaxErrors(code).slice(0, 3)) out.push({ type: "syntax-error", evidence: `line ${e.line}:${e.column}: ${e.message}` });
  if (out.length) return out;
  for (const m of missingImports(code, modules)) out.push({ type: "hallucinated-step", evidence: `line ${m.line} imports ${m.module}, which the sandbox image does not have` });
  for (const n of undefinedNames(code)) out.push({ type: "hallucinated-step", evidence: `line ${n.line} uses ${n.name}, which is never defined or imported` });
  if (entry && !functions(code).some((f) => f.qualname === entry)) out.push({ type: "inconsistent-step", evidence: `the code defines no top-level function ${entry}` });
  return out;
}
