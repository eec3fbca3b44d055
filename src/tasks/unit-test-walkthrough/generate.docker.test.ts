import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeOpenAI } from "../../../test/support/fake-openai.js";
import { annotatedProblems, expectIntended, openGeneration } from "../../../test/support/generation.js";
import type { GenerationContext } from "../generation.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { unitTestWalkthroughGeneration } from "./generate.js";
import { unitTestWalkthroughTask } from "./verify.js";

// The mistakes planted in the authored replies (fixtures/llm/make/review-replies.tables.py): the error type
// verification must report at the first wrong step. Every other reply is a correct walkthrough.
const FLAWED: Record<string, string> = { "Mbpp/61": "arithmetic-error", "Mbpp/113": "hallucinated-step", "Mbpp/99": "hallucinated-step" };
const problems = annotatedProblems();

describe("unit-test-walkthrough generation: fake endpoint, real engine", () => {
  let server: FakeOpenAI;
  let ctx: TrajectoryContext;
  let gen: GenerationContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ server, ctx, gen, close } = await openGeneration(["generate-unit-test-walkthrough.jsonl"]));
  }, 600_000);
  afterAll(async () => close?.());

  for (const p of problems) {
    const callable = p.entry_point && p.tests?.kind === "assert";
    const title = !callable ? "skipped (stdin/stdout)" : FLAWED[p.id] ? `caught: ${FLAWED[p.id]}` : "verified";
    it(`${p.id}: ${title}`, { timeout: 120_000 }, async () => {
      const out = await unitTestWalkthroughGeneration.generate(p, gen);
      if (!callable) {
        expect(out.records).toEqual([]);
        expect(out.skipped).toMatch(/no entry point|no assert test/);
        return;
      }
      expect(out.records).toHaveLength(1);
      const r = await verifyTrajectory(unitTestWalkthroughTask, out.records[0]!, ctx);
      expectIntended(r, FLAWED[p.id]);
    });
  }

  it("sent one request per problem with an entry point and assert tests", () => {
    expect(server.requests()).toBe(problems.filter((p) => p.entry_point && p.tests?.kind === "assert").length);
  });
});
