import { callsTo, functions } from "../../analysis/index.js";
import type { TestSpec } from "../../core/test-spec.js";
import type { TaskExec } from "../../exec/task-exec.js";
import { traceTest, type TestTrace } from "../../exec/trace.js";
import { asTuple } from "./differential.js";
import { testFunctions } from "./test-code.js";

// The inputs the tests really give the entry point, as argument tuples (Python expressions) for the call
// harness: seeds for the differential check. Calls are seen at run time (any alias such as HumanEval's
// `candidate`, any nesting, loops over cases), with the written calls as a fallback.

const MAX_INPUTS = 60;

// Names the entry point goes by in test code: itself, `X = entry`, and the parameter of a test function a
// top-level statement hands it to (`def check(candidate)` ... `check(entry)`).
export function entryAliases(testsCode: string, entry: string): string[] {
  const names = new Set([entry]);
  for (const m of testsCode.matchAll(/^\s*([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\s*$/gm)) if (m[2] === entry) names.add(m[1]!);
  for (const f of testFunctions(testsCode)) {
    for (const site of callsTo(testsCode, f.name)) {
      const args = site.argsText.slice(1, -1).split(",").map((a) => a.trim());
      args.forEach((a, i) => {
        if (a === entry && f.params[i]) names.add(f.params[i]!);
      });
    }
  }
  return [...names];
}

// Argument tuples of the written calls of the entry point or its aliases (keyword or starred calls left out).
export function writtenInputs(tests: TestSpec, entry: string): string[] {
  const codes = tests.kind === "assert" ? [tests.code] : tests.kind === "pytest" ? Object.values(tests.files) : [];
  const out = new Set<string>();
  for (const code of codes) {
    for (const name of entryAliases(code, entry)) {
      for (const c of callsTo(code, name)) {
        const inner = c.argsText.slice(1, -1).trim();
        if (/(^|[,(]\s*)\*/.test(inner) || /(^|,)\s*[A-Za-z_]\w*\s*=(?!=)/.test(inner)) continue;
        out.add(asTuple(c.argsText));
      }
    }
  }
  return [...out];
}

// The argument tuples of the entry's calls made from the test code in a traced run (in call order, once each).
export function tracedInputs(trace: TestTrace, entry: string, params: readonly string[]): string[] {
  if (params.some((p) => p.startsWith("**"))) return [];
  const byId = new Map(trace.frames.map((f) => [f.id, f]));
  const out = new Set<string>();
  for (const f of trace.frames) {
    if (f.fn !== entry || f.parent === null || byId.get(f.parent)?.file !== "test") continue;
    if (f.argsCut.length) continue;
    const parts: string[] = [];
    let ok = true;
    for (const p of params) {
      const name = p.replace(/^\*/, "");
      const v = f.args[name];
      if (v === undefined || v.startsWith("<")) {
        ok = false;
        break;
      }
      parts.push(p.startsWith("*") ? `*${v}` : v);
    }
    if (ok) out.add(parts.length ? `(${parts.join(", ")},)` : "()");
    if (out.size >= MAX_INPUTS) break;
  }
  return [...out];
}

// The inputs that reach the entry point when `code` (best the reference, which runs every test to the end)
// runs the assert tests under the tracer, then the written ones; deduplicated.
export async function entryInputs(exec: TaskExec, code: string, tests: TestSpec, entry: string): Promise<{ inputs: string[]; traced: number }> {
  const written = writtenInputs(tests, entry);
  const fn = functions(code).find((f) => f.qualname === entry);
  let traced: string[] = [];
  const params = fn?.params.filter((p) => p !== "/") ?? [];
  if (tests.kind === "assert" && fn && !params.includes("*")) {
    const trace = await traceTest(exec, code, tests.code, { entry });
    traced = tracedInputs(trace, entry, params);
  }
  return { inputs: [...new Set([...traced, ...written])], traced: traced.length };
}
