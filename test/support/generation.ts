import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { AnnotatedProblem } from "../../src/core/problem.js";
import type { TrajectoryResult } from "../../src/core/trajectory-result.js";
import { createLlm } from "../../src/llm/client.js";
import type { GenerationContext } from "../../src/tasks/generation.js";
import type { TrajectoryContext } from "../../src/tasks/verify-trajectory.js";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";
import { openTaskContext } from "./task-context.js";

const root = new URL("../../", import.meta.url);

// The 24 annotated fixture problems generators are tested on.
export function annotatedProblems(): AnnotatedProblem[] {
  return readFileSync(new URL("fixtures/problems/annotated.jsonl", root), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => AnnotatedProblem.parse(JSON.parse(l)));
}

// The wrong steps of a result, one line each, for a failure message.
export const wrongSteps = (r: TrajectoryResult): string =>
  r.steps
    .filter((s) => s.label === "wrong")
    .map((s) => `${s.index} ${s.name}: ${s.errorType} ${s.evidence}`)
    .join("\n");

// A generator's context: the fake endpoint replaying fixtures/llm/<recordings> (no cache, no retries) and a real
// Docker pool; `ctx` verifies what it generates.
export async function openGeneration(recordings: string[]): Promise<{ server: FakeOpenAI; ctx: TrajectoryContext; gen: GenerationContext; close: () => Promise<void> }> {
  const server = await startFakeOpenAI({ recordings: recordings.map((f) => new URL(`fixtures/llm/${f}`, root).pathname) });
  const { ctx, close } = await openTaskContext();
  const llm = createLlm({ baseUrl: server.url, model: "recorded", cacheDir: false, maxRetries: 0 });
  return { server, ctx, gen: { llm, exec: ctx.exec!, modules: ctx.modules, maxTurns: 1 }, close: async () => (await close(), await server.close()) };
}

// A verified record got what its authored reply intended: pass, or fail with `flaw` at the first wrong step.
export function expectIntended(r: TrajectoryResult, flaw: string | undefined): void {
  expect(r.stages[0]!.status, r.message).toBe("pass");
  if (!flaw) expect(r.verdict, wrongSteps(r)).toBe("pass");
  else {
    expect(r.verdict).toBe("fail");
    expect(r.steps[r.firstWrongStep]!.errorType, wrongSteps(r)).toBe(flaw);
  }
}
