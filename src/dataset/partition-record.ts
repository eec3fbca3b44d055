import { applyDiff } from "../analysis/index.js";

// Reads the parts of a trajectory record that partitioning needs (code, prose, step-like items), for every
// kind of docs/tasks/*.md, without validating the record: it has already been verified, and an unknown shape
// only yields less (empty code, no steps).

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

// The code after each turn of a multi-turn record (a patch that does not apply leaves it as it was, and is kept).
function turnCodes(turns: unknown): { code: string; unapplied?: string }[] {
  let code = "";
  return arr(turns)
    .filter(isObj)
    .map((t) => {
      if (typeof t.code === "string") code = t.code;
      else if (typeof t.patch === "string") {
        const next = applyDiff(code, t.patch);
        if (!next.ok) return { code, unapplied: t.patch };
        code = next.code;
      }
      return { code };
    });
}

// The code a record ends with: the patched code for error recovery, the last turn for multi-turn, else `code`.
export function finalCode(record: unknown): string {
  if (!isObj(record)) return "";
  if (typeof record.code === "string") return record.code;
  if (typeof record.buggy_code === "string") {
    const patched = typeof record.patch === "string" ? applyDiff(record.buggy_code, record.patch) : undefined;
    return patched?.ok ? patched.code : record.buggy_code;
  }
  const turns = turnCodes(record.turns);
  if (turns.length > 0) return turns.at(-1)!.code;
  const solutions = arr(record.solutions).filter((s): s is string => typeof s === "string");
  return solutions[0] ?? "";
}

// Every whole version of the code a record carries (buggy and patched, each turn, the first solution).
export function codeVersions(record: unknown): string[] {
  if (!isObj(record)) return [];
  const out = [str(record.code), str(record.buggy_code)];
  if (typeof record.buggy_code === "string" && typeof record.patch === "string") out.push(finalCode(record));
  for (const t of turnCodes(record.turns)) out.push(...(t.unapplied !== undefined ? [t.unapplied] : []), t.code);
  out.push(...arr(record.solutions).map(str).slice(0, 1));
  return [...new Set(out.filter((s) => s.length > 0))];
}

// The prose of a record: statement, diagnosis, explanations, reflections, plan steps, observations, rationale.
export function allProse(record: unknown): string[] {
  if (!isObj(record)) return [];
  const out: string[] = [str(record.problem), str(record.explanation), str(record.rationale), str(record.claimed_error)];
  if (isObj(record.diagnosis)) out.push(str(record.diagnosis.text));
  if (isObj(record.design)) out.push(str(record.design.approach));
  if (isObj(record.chosen)) out.push(str(record.chosen.approach), str(record.chosen.reason));
  out.push(...arr(record.requirements).map(str));
  for (const list of ["alternatives", "plan", "edge_cases", "observations", "factors", "turns", "steps"]) {
    for (const item of arr(record[list]).filter(isObj)) {
      for (const key of ["approach", "reason", "step", "description", "text", "detail", "reflection", "explanation"]) out.push(str(item[key]));
    }
  }
  return out.filter((s) => s.length > 0);
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/g;

// The step-like items of a record in order, each with the names it refers to (for the dependency span):
// plan steps' code_refs, walkthrough steps' variables and line code, turns' reflections, edge-case calls.
export function stepRefs(record: unknown): string[][] {
  if (!isObj(record)) return [];
  const names = (text: string) => text.match(IDENT) ?? [];
  const plan = arr(record.plan).filter(isObj);
  if (plan.length > 0) return plan.map((p) => arr(p.code_refs).map(str).flatMap((r) => r.split(".")).filter(Boolean));
  const steps = arr(record.steps).filter(isObj);
  if (steps.length > 0) return steps.map((s) => [...Object.keys(isObj(s.vars) ? s.vars : {}), ...names(str(s.code))]);
  const turns = arr(record.turns).filter(isObj);
  if (turns.length > 0) return turns.map((t) => names(`${str(t.reflection)} ${str(t.code)} ${str(t.patch)}`));
  const edges = arr(record.edge_cases).filter(isObj);
  if (edges.length > 0) return edges.map((e) => names(str(e.call)));
  return arr(record.observations).filter(isObj).map((o) => names(`${str(o.call)} ${str(o.function)} ${str(o.name)}`));
}

// How many step-like items a record has when no verification result counts its steps.
export function stepCount(record: unknown): number {
  if (!isObj(record)) return 0;
  const lists = ["alternatives", "plan", "edge_cases", "observations", "turns", "steps", "requirements", "factors"];
  return lists.reduce((n, k) => n + arr(record[k]).length, 0);
}
