import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeOpenAI } from "../../../test/support/fake-openai.js";
import { annotatedProblems, expectIntended, openGeneration } from "../../../test/support/generation.js";
import type { GenerationContext } from "../generation.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { difficultyEstimationGeneration } from "./generate.js";
import { difficultyEstimationTask } from "./verify.js";

// The mistakes planted in the authored replies (fixtures/llm/make/review-replies.tables.py): the error type
// verification must report at the first wrong step. Every other reply is a consistent estimate.
const FLAWED: Record<string, string> = { "Mbpp/67": "logical-leap", "Mbpp/84": "inconsistent-step", "codecontests/1242_A": "inconsistent-step" };
const problems = annotatedProblems();

describe("difficulty-estimation generation: fake endpoint, real engine", () => {
  let server: FakeOpenAI;
  let ctx: TrajectoryContext;
  let gen: GenerationContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ server, ctx, gen, close } = await openGeneration(["generate-difficulty-estimation.jsonl"]));
  }, 600_000);
  afterAll(async () => close?.());

  for (const p of problems) {
    const title = FLAWED[p.id] ? `caught: ${FLAWED[p.id]}` : "verified";
    it(`${p.id}: ${title}`, { timeout: 120_000 }, async () => {
      const out = await difficultyEstimationGeneration.generate(p, gen);
      expect(out.records).toHaveLength(1);
      const r = await verifyTrajectory(difficultyEstimationTask, out.records[0]!, ctx);
      expectIntended(r, FLAWED[p.id]);
    });
  }

  it("sent one request per problem, stdin/stdout ones included", () => {
    expect(server.requests()).toBe(problems.length);
  });
});
