import type { Annotation, AnnotatedProblem } from "../core/problem.js";
import type { TestSpec } from "../core/test-spec.js";
import type { TaskKind } from "../core/trajectory-result.js";

// Pieces of prompts shared by the generators: record ids, annotations and tests as prompt text. Pure.

// A record's id: "<problem id>:<kind>", plus ":<suffix>" when a kind yields several records per problem.
export function recordId(p: { id: string }, kind: TaskKind, suffix?: string): string {
  return suffix === undefined ? `${p.id}:${kind}` : `${p.id}:${kind}:${suffix}`;
}

// The approaches with their numbered steps and complexity.
export function formatApproaches(a: Annotation): string {
  return a.approaches
    .map((x, i) => [`${i + 1}. ${x.name}${x.complexity ? ` (${x.complexity})` : ""}`, ...x.steps.map((s, j) => `   ${i + 1}.${j + 1} ${s}`)].join("\n"))
    .join("\n");
}

// The pitfalls, one per line, with their example when there is one.
export function formatPitfalls(a: Annotation): string {
  return a.pitfalls.map((p) => `- ${p.pitfall}${p.example ? ` (e.g. ${p.example})` : ""}`).join("\n");
}

// The verification methods, one per line: what a careful solver checks (edge cases, properties).
export function formatVerification(a: Annotation): string {
  return a.verification.map((v) => `- ${v.method}${v.detail ? `: ${v.detail}` : ""}`).join("\n");
}

const fence = (text: string, lang = "") => "```" + lang + "\n" + text + "\n```";

// Tests as every prompt shows them (annotate, implementation, error recovery): assert code and pytest files (by
// name) in fences, io cases as numbered input / expected output pairs. A prompt that must stay short shows only the
// first `ioCasesShown` cases, saying how many there are.
export function formatTests(t: TestSpec | undefined, ioCasesShown = Infinity): string {
  if (!t) return "(none given)";
  if (t.kind === "assert") return fence(t.code.trim(), "python");
  if (t.kind === "pytest") return Object.entries(t.files).map(([name, text]) => `${name}:\n${fence(text.trim(), "python")}`).join("\n");
  const shown = t.cases.slice(0, ioCasesShown).map((c, i) => `Case ${i + 1} input:\n${fence(c.input.trimEnd())}\nexpected output:\n${fence(c.output.trimEnd())}`);
  const count = shown.length < t.cases.length ? [`${t.cases.length} stdin/stdout cases; the first ${shown.length}:`] : [];
  return [...count, ...shown].join("\n");
}

// Code with 1-based line numbers, so a reply can cite a line.
export function numberLines(code: string): string {
  const lines = code.replace(/\n$/, "").split("\n");
  const w = String(lines.length).length;
  return lines.map((l, i) => `${String(i + 1).padStart(w)} | ${l}`).join("\n");
}

// Whether the code is called as a function (through its entry point) or run as a stdin/stdout program: a problem
// with io tests is a program even when its solution defines a function.
export function isCallable(p: AnnotatedProblem): boolean {
  return Boolean(p.entry_point) && p.tests?.kind !== "io";
}

// The entry_point field of a record whose tests call a function; none for a stdin/stdout program.
export function calledEntryPoint(p: AnnotatedProblem): { entry_point?: string } {
  return isCallable(p) ? { entry_point: p.entry_point! } : {};
}

// The statement as given, trimmed (problems often wrap it in a docstring's quotes).
export function statement(p: AnnotatedProblem): string {
  return p.prompt.trim().replace(/^"""\s*/, "").replace(/\s*"""$/, "").trim();
}
