import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeOpenAI } from "../../../test/support/fake-openai.js";
import { annotatedProblems, openGeneration, wrongSteps } from "../../../test/support/generation.js";
import type { GenerationContext } from "../generation.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { qualityEvaluationGeneration } from "./generate.js";
import { qualityEvaluationTask } from "./verify.js";

// The mistakes planted in the authored replies (fixtures/llm/make/review-replies.tables.py): the error type
// verification must report at the first wrong step. Every other reply is a correct evaluation: "high" with true
// measurements for the reference, "low" with a real failing call for the seeded bug.
const FLAWED: Record<string, string> = {
  "Mbpp/96:quality-evaluation:reference": "hallucinated-step", // a bug claimed on an input where the code is right
  "Mbpp/71:quality-evaluation:reference": "inconsistent-step", // a nesting depth miscounted
  "Mbpp/84:quality-evaluation:bug": "logical-leap", // the seeded bug missed: rated high
};
// The planted label of a record id (a seeded bug's id ends in its operator and line).
const planted = (id: string) => FLAWED[id.replace(/:bug-.*$/, ":bug")];
const problems = annotatedProblems();

describe("quality-evaluation generation: fake endpoint, real engine", () => {
  let server: FakeOpenAI;
  let ctx: TrajectoryContext;
  let gen: GenerationContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ server, ctx, gen, close } = await openGeneration(["generate-quality-evaluation.jsonl"]));
  }, 600_000);
  afterAll(async () => close?.());

  for (const p of problems) {
    const callable = p.entry_point && p.tests?.kind === "assert";
    it(`${p.id}: ${callable ? "the reference and a seeded bug, each verified as labelled" : "skipped (stdin/stdout)"}`, { timeout: 300_000 }, async () => {
      const out = await qualityEvaluationGeneration.generate(p, gen);
      if (!callable) {
        expect(out.records).toEqual([]);
        expect(out.skipped).toMatch(/no entry point|no assert tests/);
        return;
      }
      expect(out.records.map((r) => r.id)).toEqual([`${p.id}:quality-evaluation:reference`, expect.stringMatching(/:bug-[a-z-]+-l\d+$/)]);
      expect(out.counters?.["quality-evaluation: mutants kept"]).toBeGreaterThan(0);
      const [ref, bug] = out.records as unknown as Array<{ id: string; code: string }>;
      expect(ref!.code).toBe(p.solution);
      expect(bug!.code).not.toBe(p.solution);
      for (const rec of out.records) {
        const r = await verifyTrajectory(qualityEvaluationTask, rec, ctx);
        expect(r.stages[0]!.status, r.message).toBe("pass");
        const type = planted(rec.id);
        if (!type) expect(r.verdict, `${rec.id}\n${wrongSteps(r)}`).toBe("pass");
        else {
          expect(r.verdict, rec.id).toBe("fail");
          expect(r.steps[r.firstWrongStep]!.errorType, wrongSteps(r)).toBe(type);
        }
      }
    });
  }

  it("sent two requests per problem with an entry point and assert tests (reference and seeded bug)", () => {
    expect(server.requests()).toBe(2 * problems.filter((p) => p.entry_point && p.tests?.kind === "assert").length);
  });
});
