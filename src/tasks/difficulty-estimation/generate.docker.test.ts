import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../../test/support/fake-openai.js";
import { openTaskContext } from "../../../test/support/task-context.js";
import { AnnotatedProblem } from "../../core/problem.js";
import type { TrajectoryResult } from "../../core/trajectory-result.js";
import { createLlm } from "../../llm/client.js";
import type { GenerationContext } from "../generation.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { difficultyEstimationGeneration } from "./generate.js";
import { difficultyEstimationTask } from "./verify.js";

const root = new URL("../../../", import.meta.url);
// The mistakes planted in the authored replies (scripts/fixtures/llm-generate-b.tables.py): the error type
// verification must report at the first wrong step. Every other reply is a consistent estimate.
const FLAWED: Record<string, string> = { "Mbpp/67": "logical-leap", "Mbpp/84": "inconsistent-step", "codecontests/1242_A": "inconsistent-step" };
const problems = readFileSync(new URL("fixtures/problems/annotated.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => AnnotatedProblem.parse(JSON.parse(l)));

// The wrong steps of a result, for a failure message.
const wrongSteps = (r: TrajectoryResult) => r.steps.filter((s) => s.label === "wrong").map((s) => `${s.index} ${s.name}: ${s.errorType} ${s.evidence}`);

describe("difficulty-estimation generation: fake endpoint, real engine", () => {
  let server: FakeOpenAI;
  let ctx: TrajectoryContext;
  let gen: GenerationContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    server = await startFakeOpenAI({ recordings: [new URL("fixtures/llm/generate-difficulty-estimation.jsonl", root).pathname] });
    ({ ctx, close } = await openTaskContext());
    const llm = createLlm({ baseUrl: server.url, model: "recorded", cacheDir: false, maxRetries: 0 });
    gen = { llm, exec: ctx.exec!, modules: ctx.modules, maxTurns: 1 };
  }, 600_000);
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

  for (const p of problems) {
    const title = FLAWED[p.id] ? `caught: ${FLAWED[p.id]}` : "verified";
    it(`${p.id}: ${title}`, { timeout: 120_000 }, async () => {
      const out = await difficultyEstimationGeneration.generate(p, gen);
      expect(out.records).toHaveLength(1);
      const r = await verifyTrajectory(difficultyEstimationTask, out.records[0]!, ctx);
      expect(r.stages[0]!.status, r.message).toBe("pass");
      if (!FLAWED[p.id]) expect(r.verdict, wrongSteps(r).join("\n")).toBe("pass");
      else {
        expect(r.verdict).toBe("fail");
        expect(r.steps[r.firstWrongStep]!.errorType, wrongSteps(r).join("\n")).toBe(FLAWED[p.id]);
      }
    });
  }

  it("sent one request per problem, stdin/stdout ones included", () => {
    expect(server.requests()).toBe(problems.length);
  });
});
