import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTaskContext, staticContext } from "../../../test/support/task-context.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { errorRecoveryMultiTask } from "./verify.js";

type Expect = { verdict: "pass" } | { verdict: "fail"; error: string; firstWrongStep: number };
const records = readFileSync(new URL("../../../fixtures/trajectories/error-recovery-multi.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { id: string; expect: Expect });

describe("error-recovery-multi fixtures on the real engine", () => {
  let ctx: TrajectoryContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTaskContext());
  }, 600_000);
  afterAll(async () => close?.());

  it("has at least 6 sound and 6 flawed records", () => {
    expect(records.filter((r) => r.expect.verdict === "pass").length).toBeGreaterThanOrEqual(6);
    expect(records.filter((r) => r.expect.verdict === "fail").length).toBeGreaterThanOrEqual(6);
  });

  for (const rec of records) {
    it(`${rec.id}: ${rec.expect.verdict === "pass" ? "passes" : `${rec.expect.error} at step ${rec.expect.firstWrongStep}`}`, async () => {
      const r = await verifyTrajectory(errorRecoveryMultiTask, rec, ctx);
      const got = { verdict: r.verdict, error: r.steps[r.firstWrongStep]?.errorType, firstWrongStep: r.firstWrongStep };
      const want = rec.expect.verdict === "pass" ? { verdict: "pass", error: undefined, firstWrongStep: -1 } : rec.expect;
      expect(got, JSON.stringify(r.steps, null, 1)).toEqual(want);
      if (rec.expect.verdict === "pass") {
        // a sound record is backed by evidence from the runs: no step is left unchecked
        expect(r.steps.filter((s) => s.label !== "correct").map((s) => `${s.name}: ${s.evidence}`)).toEqual([]);
      }
    }, 120_000);
  }
});

describe("error-recovery-multi fixtures, static only", () => {
  for (const rec of records.filter((r) => r.expect.verdict === "pass")) {
    it(`${rec.id} has no wrong step without a sandbox`, async () => {
      const t0 = performance.now();
      const r = await verifyTrajectory(errorRecoveryMultiTask, rec, staticContext());
      expect(r.firstWrongStep, JSON.stringify(r.steps, null, 1)).toBe(-1);
      expect(r.stages.find((s) => s.stage === "execute")?.status).toBe("skipped");
      expect(performance.now() - t0).toBeLessThan(500);
    });
  }
});
