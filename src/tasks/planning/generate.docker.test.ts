import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeOpenAI } from "../../../test/support/fake-openai.js";
import { annotatedProblems, expectIntended, openGeneration } from "../../../test/support/generation.js";
import type { GenerationContext } from "../generation.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { planningGeneration } from "./generate.js";
import { planningTask } from "./verify.js";

// The mistakes planted in the authored replies (fixtures/llm/make/review-replies.tables.py): the error type
// verification must report at the first wrong step. Every other reply is a sound plan whose code passes the tests.
const FLAWED: Record<string, string> = {
  "Mbpp/96": "inconsistent-step", // claims O(sqrt n) for code that tries every d up to n (caught by timing)
  "Mbpp/74": "inconsistent-step", // a plan step names defaultdict; the code builds a dict comprehension
  "Mbpp/108": "logical-leap", // rejects heapq.merge as too slow while claiming the same class for sorted()
};
// Timing is slow and a busy machine makes it unverifiable (never wrong): only these two claims are timed here,
// the others lose their input builder (their claim is then unverifiable, "not timed"). Two retries, as in
// src/tasks/planning/verify.docker.test.ts.
const TIMED = new Set(["Mbpp/61", "Mbpp/96"]);
const problems = annotatedProblems();

describe("planning generation: fake endpoint, real engine", () => {
  let server: FakeOpenAI;
  let ctx: TrajectoryContext;
  let gen: GenerationContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ server, ctx, gen, close } = await openGeneration(["generate-planning.jsonl"]));
  }, 600_000);
  afterAll(async () => close?.());

  for (const p of problems) {
    const title = FLAWED[p.id] ? `caught: ${FLAWED[p.id]}` : "verified";
    it(`${p.id}: ${title}${TIMED.has(p.id) ? " (timed)" : ""}`, { timeout: 180_000, retry: TIMED.has(p.id) ? 2 : 0 }, async () => {
      const out = await planningGeneration.generate(p, gen);
      expect(out.records).toHaveLength(1);
      const rec = out.records[0]! as { complexity?: { time: string; input_builder?: string }; entry_point?: string; tests?: unknown };
      expect(rec.entry_point).toBe(p.entry_point);
      expect(rec.tests).toEqual(p.tests);
      if (!TIMED.has(p.id)) delete rec.complexity?.input_builder;
      const r = await verifyTrajectory(planningTask, out.records[0]!, ctx);
      const claim = r.steps.find((s) => s.name.startsWith("complexity claim"))!;
      if (TIMED.has(p.id) && !FLAWED[p.id]) expect(claim.evidence).toMatch(/log-log slope|no measurable growth/);
      expectIntended(r, FLAWED[p.id]);
    });
  }

  it("sent at least one request per problem (a retried timing test asks again)", () => {
    expect(server.requests()).toBeGreaterThanOrEqual(problems.length);
  });
});
