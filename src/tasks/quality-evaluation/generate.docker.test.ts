import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../../test/support/fake-openai.js";
import { openTaskContext } from "../../../test/support/task-context.js";
import { AnnotatedProblem } from "../../core/problem.js";
import type { TrajectoryResult } from "../../core/trajectory-result.js";
import { createLlm } from "../../llm/client.js";
import type { GenerationContext } from "../generation.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { qualityEvaluationGeneration } from "./generate.js";
import { qualityEvaluationTask } from "./verify.js";

const root = new URL("../../../", import.meta.url);
// The mistakes planted in the authored replies (scripts/fixtures/llm-generate-b.tables.py): the error type
// verification must report at the first wrong step. Every other reply is a correct evaluation: "high" with true
// measurements for the reference, "low" with a real failing call for the seeded bug.
const FLAWED: Record<string, string> = {
  "Mbpp/96:quality-evaluation:reference": "hallucinated-step", // a bug claimed on an input where the code is right
  "Mbpp/71:quality-evaluation:reference": "inconsistent-step", // a nesting depth miscounted
  "Mbpp/84:quality-evaluation:bug": "logical-leap", // the seeded bug missed: rated high
};
// The planted label of a record id (a seeded bug's id ends in its operator and line).
const planted = (id: string) => FLAWED[id.replace(/:bug-.*$/, ":bug")];
const problems = readFileSync(new URL("fixtures/problems/annotated.jsonl", root), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => AnnotatedProblem.parse(JSON.parse(l)));

// The wrong steps of a result, for a failure message.
const wrongSteps = (r: TrajectoryResult) => r.steps.filter((s) => s.label === "wrong").map((s) => `${s.index} ${s.name}: ${s.errorType} ${s.evidence}`);

describe("quality-evaluation generation: fake endpoint, real engine", () => {
  let server: FakeOpenAI;
  let ctx: TrajectoryContext;
  let gen: GenerationContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    server = await startFakeOpenAI({ recordings: [new URL("fixtures/llm/generate-quality-evaluation.jsonl", root).pathname] });
    ({ ctx, close } = await openTaskContext());
    const llm = createLlm({ baseUrl: server.url, model: "recorded", cacheDir: false, maxRetries: 0 });
    gen = { llm, exec: ctx.exec!, modules: ctx.modules, maxTurns: 1 };
  }, 600_000);
  afterAll(async () => {
    await close?.();
    await server?.close();
  });

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
        if (!type) expect(r.verdict, `${rec.id}\n${wrongSteps(r).join("\n")}`).toBe("pass");
        else {
          expect(r.verdict, rec.id).toBe("fail");
          expect(r.steps[r.firstWrongStep]!.errorType, wrongSteps(r).join("\n")).toBe(type);
        }
      }
    });
  }

  it("sent two requests per problem with an entry point and assert tests (reference and seeded bug)", () => {
    expect(server.requests()).toBe(2 * problems.filter((p) => p.entry_point && p.tests?.kind === "assert").length);
  });
});
