import { z } from "zod";
import type { Problem } from "../core/problem.js";
import type { SuiteResult } from "../core/result.js";
import type { AssertTests } from "../core/test-spec.js";
import { loadPrompt, renderPrompt } from "../llm/prompts.js";
import type { Llm } from "../llm/types.js";

// The model's reply to prompts/tests.txt: assert statements, one per entry.
export const TestsReply = z.object({ tests: z.array(z.string().min(1)).min(1).max(30) });
export type TestsReply = z.infer<typeof TestsReply>;

export interface TestsForResult {
  /** The kept tests; absent when none survived (the problem is skipped). */
  tests?: AssertTests;
  proposed: number;
  kept: number;
  skipped?: string;
  /** Model and prompt of the tests, for the problem's provenance. */
  provenance?: Record<string, string>;
}

// What running tests needs (TaskExec.runTests), so a test can hand in a stand-in.
export interface TestRunner {
  runTests(code: string, tests: AssertTests): Promise<SuiteResult>;
}

const RERUN_ROUNDS = 2;

// The usable proposals: single-line asserts that call the entry point, deduplicated.
export function usableAsserts(proposed: string[], entry: string): string[] {
  const calls = new RegExp(`\\b${entry}\\s*\\(`);
  return [...new Set(proposed.map((t) => t.trim()))].filter((t) => /^assert\b/.test(t) && !t.includes("\n") && calls.test(t));
}

// The line numbers (1-based) of the tests of a suite that passed, and of those not run ("line N: ...").
function byStatus(suite: SuiteResult): { passed: Set<number>; notRun: Set<number> } {
  const passed = new Set<number>();
  const notRun = new Set<number>();
  for (const t of suite.tests) {
    const line = Number(/^line (\d+):/.exec(t.name)?.[1]);
    if (t.status === "pass") passed.add(line);
    else if (t.status === "skipped") notRun.add(line);
  }
  return { passed, notRun };
}

// Tests for a problem that has none: the model proposes asserts (prompts/tests.txt), each is run against the
// reference solution in the sandbox, and only those it passes are kept. None kept: the problem is skipped.
export async function testsFor(p: Problem, llm: Llm, runner: TestRunner): Promise<TestsForResult> {
  if (!p.solution || !p.entry_point) return { proposed: 0, kept: 0, skipped: "no reference solution with a function to test" };
  const t = loadPrompt("tests");
  const messages = renderPrompt(t, { id: p.id, entry_point: p.entry_point, statement: p.prompt.trim(), solution: "```python\n" + p.solution.trim() + "\n```" });
  const reply = await llm.complete({ purpose: "tests", messages, schema: TestsReply, schemaName: "tests_reply" });
  const provenance = { tests_model: llm.model, tests_prompt: t.version };
  const candidates = usableAsserts(reply.value.tests, p.entry_point);
  const proposed = reply.value.tests.length;
  let todo = candidates;
  const kept: string[] = [];
  // a test that kills the solution process leaves the later ones unrun: those are run again on their own
  for (let round = 0; round < RERUN_ROUNDS && todo.length; round++) {
    const suite = await runner.runTests(p.solution, { kind: "assert", code: todo.join("\n") + "\n" });
    const { passed, notRun } = byStatus(suite);
    kept.push(...todo.filter((_, i) => passed.has(i + 1)));
    todo = todo.filter((_, i) => notRun.has(i + 1));
  }
  const ordered = candidates.filter((c) => kept.includes(c));
  if (!ordered.length) return { proposed, kept: 0, skipped: `none of the ${proposed} proposed tests passed the reference solution`, provenance };
  return { tests: { kind: "assert", code: ordered.join("\n") + "\n" }, proposed, kept: ordered.length, provenance: { ...provenance, tests_kept: `${ordered.length}/${proposed}` } };
}
