import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTaskContext, staticContext } from "../../../test/support/task-context.js";
import type { TrajectoryContext } from "../verify-trajectory.js";
import { verifyTrajectory } from "../verify-trajectory.js";
import { qualityEvaluationTask } from "./verify.js";

type Expect = { verdict: "pass" } | { verdict: "fail"; error: string; firstWrongStep: number };
const records = readFileSync(new URL("../../../fixtures/trajectories/quality-evaluation.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; expect: Expect });

describe("quality-evaluation fixtures on the real engine", () => {
  let ctx: TrajectoryContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTaskContext());
  }, 180_000);
  afterAll(async () => close?.());

  it("has at least 5 sound and 5 flawed records", () => {
    expect(records.filter((r) => r.expect.verdict === "pass").length).toBeGreaterThanOrEqual(5);
    expect(records.filter((r) => r.expect.verdict === "fail").length).toBeGreaterThanOrEqual(5);
  });

  for (const rec of records) {
    it(`${rec.id}: ${rec.expect.verdict === "pass" ? "passes" : `${rec.expect.error} at step ${rec.expect.firstWrongStep}`}`, async () => {
      const r = await verifyTrajectory(qualityEvaluationTask, rec, ctx);
      const got = { verdict: r.verdict, error: r.steps[r.firstWrongStep]?.errorType, firstWrongStep: r.firstWrongStep };
      const want = rec.expect.verdict === "pass" ? { verdict: "pass", error: undefined, firstWrongStep: -1 } : rec.expect;
      expect(got, JSON.stringify(r.steps, null, 1)).toEqual(want);
      if (rec.expect.verdict === "fail") {
        // one flaw per flawed record: nothing else is labelled wrong
        expect(r.steps.filter((s) => s.label === "wrong").map((s) => s.index)).toEqual([rec.expect.firstWrongStep]);
      } else {
        // a sound record's verdict is backed by a run: tests, hidden tests, the reference or a verified bug
        expect(r.steps.at(-1)!.label).toBe("correct");
        expect(r.steps.at(-1)!.evidence).toMatch(/pass|verified defect/);
      }
    }, 60_000);
  }
});

describe("quality-evaluation fixtures, static only", () => {
  for (const rec of records.filter((r) => r.expect.verdict === "pass")) {
    it(`${rec.id} has no wrong step without a sandbox`, async () => {
      const t0 = performance.now();
      const r = await verifyTrajectory(qualityEvaluationTask, rec, staticContext());
      expect(r.firstWrongStep, JSON.stringify(r.steps, null, 1)).toBe(-1);
      expect(r.stages.find((s) => s.stage === "execute")?.status).toBe("skipped");
      expect(performance.now() - t0).toBeLessThan(500);
    });
  }
});
