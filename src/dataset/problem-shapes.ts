import { z } from "zod";
import { Problem } from "../core/problem.js";
import type { TestSpecInput } from "../core/test-spec.js";
import { describeIssues } from "../core/issues.js";

// One input record's mapping onto a Problem: the problem, or why this shape does not fit.
type ShapeResult = { ok: true; problem: Problem } | { ok: false; reason: string };

// An input shape Vouch reads: a name (for error messages) and its mapping.
export interface ProblemShape {
  name: string;
  map(record: Record<string, unknown>, fallbackId: string): ShapeResult;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() ? v : undefined);
const idOf = (r: Record<string, unknown>, fallback: string): string => String(r.id ?? r.task_id ?? r.problem_id ?? fallback);

// The first top-level `def` of some Python code: the entry point when the input names none.
export function firstFunction(code: string): string | undefined {
  return /^def\s+([A-Za-z_]\w*)\s*\(/m.exec(code)?.[1];
}

// The first ```python fenced block of a chat reply (else the first fenced block).
export function codeBlock(text: string): string | undefined {
  const m = /```(?:python|py)\s*\n([\s\S]*?)```/.exec(text) ?? /```\w*\s*\n([\s\S]*?)```/.exec(text);
  return m?.[1];
}

// HumanEval's `def check(candidate): assert ...` as one assert per line with `candidate` named; when the body is
// more than plain one-line asserts (loops, helpers), the whole check is kept and called as a single test.
export function checkToAsserts(test: string, entry: string): string {
  const lines = test.split("\n");
  const at = lines.findIndex((l) => /^def check\(\s*(\w+)\s*\)\s*:/.test(l));
  if (at < 0) return test;
  const param = /^def check\(\s*(\w+)/.exec(lines[at]!)![1]!;
  const before = lines.slice(0, at).filter((l) => !/^\s*METADATA\b/.test(l) && l.trim() && !l.startsWith(" ") && !l.startsWith("}"));
  const body = lines.slice(at + 1).filter((l) => l.trim() && !l.trim().startsWith("#"));
  const simple = body.every((l) => /^ {4}assert\b/.test(l) || /^\S/.test(l));
  const rename = (s: string) => s.replace(new RegExp(`\\b${param}\\b`, "g"), entry);
  const asserts = body.filter((l) => /^ {4}assert\b/.test(l)).map((l) => rename(l.trim()));
  if (simple && asserts.length > 0) return [...before.filter((l) => /^(import|from)\s/.test(l)), ...asserts].join("\n") + "\n";
  return `${test.trimEnd()}\n\ncheck(${entry})\n`;
}

function finish(candidate: Record<string, unknown>): ShapeResult {
  const parsed = Problem.safeParse(candidate);
  return parsed.success ? { ok: true, problem: parsed.data } : { ok: false, reason: describeIssues(parsed.error) };
}

// Vouch's own shape, MBPP (text/code/test_list), MBPP+/HumanEval (prompt, entry_point, canonical_solution, test).
const functionShape: ProblemShape = {
  name: "vouch/mbpp/humaneval",
  map(r, fallbackId) {
    const prompt = str(r.prompt) ?? str(r.text);
    if (!prompt) return { ok: false, reason: "no prompt or text" };
    let solution = str(r.solution) ?? str(r.code);
    const canonical = str(r.canonical_solution);
    // HumanEval stores the body only: the prompt (signature + docstring) completes it
    if (!solution && canonical) solution = /^\s*def\s/m.test(canonical) ? canonical : prompt + canonical;
    let entry = str(r.entry_point);
    let tests: TestSpecInput | undefined;
    if (r.tests && typeof r.tests === "object" && !Array.isArray(r.tests)) tests = r.tests as TestSpecInput;
    else if (Array.isArray(r.test_list) && r.test_list.length) tests = { kind: "assert", code: [str(r.test_setup_code) ?? "", ...r.test_list.map(String)].filter(Boolean).join("\n") + "\n" };
    else if (str(r.test)) {
      const test = r.test as string;
      entry ??= /assert\s+([A-Za-z_]\w*)\s*\(/.exec(test)?.[1];
      tests = { kind: "assert", code: entry && /def check\(/.test(test) ? checkToAsserts(test, entry) : test };
    }
    if (!tests) return { ok: false, reason: "no tests, test_list or test (assert tests)" };
    // the function the tests call (a solution may define helpers first), else the solution's first function
    entry ??= tests.kind === "assert" ? /assert\s+\(?([A-Za-z_]\w*)\s*\(/.exec(tests.code)?.[1] : undefined;
    if (tests.kind === "assert") entry ??= solution ? firstFunction(solution) : undefined;
    return finish({ id: idOf(r, fallbackId), source: str(r.source), prompt, entry_point: entry, solution, tests, meta: r.meta ?? undefined, annotations: r.annotations, provenance: r.provenance });
  },
};

// A list of io cases from the layouts datasets use: [{input, output}], {input: [], output: []}, {inputs, outputs}.
function ioCases(v: unknown): Array<{ input: string; output: string }> {
  if (typeof v === "string" && /^\s*[[{]/.test(v)) {
    try {
      return ioCases(JSON.parse(v)); // TACO/APPS store input_output as JSON text
    } catch {
      return [];
    }
  }
  if (Array.isArray(v)) return v.filter((c) => c && typeof c === "object").map((c) => ({ input: String((c as Record<string, unknown>).input ?? ""), output: String((c as Record<string, unknown>).output ?? "") }));
  if (!v || typeof v !== "object") return [];
  const o = v as Record<string, unknown>;
  const ins = (o.input ?? o.inputs) as unknown;
  const outs = (o.output ?? o.outputs) as unknown;
  if (!Array.isArray(ins) || !Array.isArray(outs)) return [];
  return ins.map((input, i) => ({ input: String(input), output: String(outs[i] ?? "") }));
}

// OpenCodeReasoning-like: the statement in `input` or `question`, stdin/stdout cases, a solution program.
const stdioShape: ProblemShape = {
  name: "opencodereasoning",
  map(r, fallbackId) {
    const prompt = str(r.question) ?? str(r.input) ?? str(r.statement) ?? str(r.description);
    if (!prompt) return { ok: false, reason: "no statement in input, question, statement or description" };
    const cases = [r.tests, r.public_tests, r.private_tests, r.generated_tests, r.input_output].flatMap(ioCases);
    if (!cases.length) return { ok: false, reason: "no stdin/stdout cases (tests, public_tests, input_output)" };
    const raw = str(r.solution) ?? (Array.isArray(r.solutions) ? str(r.solutions[0]) : undefined);
    const solution = raw && (codeBlock(raw) ?? raw);
    const meta = { ...(r.meta as object | undefined), ...(r.difficulty !== undefined ? { difficulty: r.difficulty } : {}), ...(str(r.dataset) ? { dataset: r.dataset } : {}) };
    return finish({ id: idOf(r, fallbackId), source: str(r.source) ?? str(r.dataset), prompt, solution, tests: { kind: "io", cases }, meta: Object.keys(meta).length ? meta : undefined, annotations: r.annotations, provenance: r.provenance });
  },
};

const Message = z.object({ role: z.string(), content: z.string() });

// tulu-3-sft-personas-code-like: a prompt and a chat whose assistant turn holds the solution; no tests.
const chatShape: ProblemShape = {
  name: "tulu-personas-code",
  map(r, fallbackId) {
    const messages = z.array(Message).safeParse(r.messages);
    const user = messages.success ? messages.data.find((m) => m.role === "user")?.content : undefined;
    const prompt = str(r.prompt) ?? user;
    if (!prompt) return { ok: false, reason: "no prompt and no user message" };
    const reply = messages.success ? messages.data.find((m) => m.role === "assistant")?.content : undefined;
    const solution = str(r.solution) ?? (reply ? codeBlock(reply) : undefined);
    if (!solution) return { ok: false, reason: "no solution and no ```python block in an assistant message" };
    const meta = { ...(r.meta as object | undefined), ...(str(r.constraints) ? { constraints: r.constraints } : {}) };
    return finish({ id: idOf(r, fallbackId), source: str(r.source), prompt, entry_point: str(r.entry_point) ?? firstFunction(solution), solution, meta: Object.keys(meta).length ? meta : undefined, annotations: r.annotations, provenance: r.provenance });
  },
};

export const SHAPES: readonly ProblemShape[] = [functionShape, stdioShape, chatShape];

// Maps one record onto a Problem with the first shape that fits; else the reason each shape gave.
export function toProblem(record: unknown, fallbackId: string): { ok: true; problem: Problem; shape: string } | { ok: false; error: string } {
  if (!record || typeof record !== "object" || Array.isArray(record)) return { ok: false, error: "not a JSON object" };
  const reasons: string[] = [];
  for (const s of SHAPES) {
    const r = s.map(record as Record<string, unknown>, fallbackId);
    if (r.ok) return { ok: true, problem: r.problem, shape: s.name };
    reasons.push(`${s.name}: ${r.reason}`);
  }
  return { ok: false, error: `no input shape fits (tried ${reasons.join("; ")})` };
}
