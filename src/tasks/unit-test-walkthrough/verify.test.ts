import { describe, expect, it } from "vitest";
import { staticContext } from "../../../test/support/task-context.js";
import { verifyTrajectory } from "../verify-trajectory.js";
import { walkthroughFixtures } from "./fixtures.js";
import { unitTestWalkthroughTask } from "./verify.js";

const records = walkthroughFixtures();

describe("unit-test-walkthrough fixtures, static only", () => {
  for (const rec of records.filter((r) => r.expect.verdict === "pass")) {
    it(`${rec.id} has no wrong step without a sandbox`, async () => {
      const t0 = performance.now();
      const r = await verifyTrajectory(unitTestWalkthroughTask, rec, staticContext());
      expect(r.firstWrongStep, JSON.stringify(r.steps, null, 1)).toBe(-1);
      expect(r.stages.find((s) => s.stage === "execute")?.status).toBe("skipped");
      expect(performance.now() - t0).toBeLessThan(500);
    });
  }

  // flaws a static check can see (line/code disagreement, invented variable, self-contradicting verdict)
  for (const rec of records.filter((r) => r.expect.verdict === "fail" && r.expect.error === "inconsistent-step" || /invented-var/.test(r.id))) {
    it(`${rec.id}: the static stage finds the flaw at its step`, async () => {
      const r = await verifyTrajectory(unitTestWalkthroughTask, rec, staticContext());
      const want = rec.expect as { error: string; firstWrongStep: number };
      expect({ error: r.steps[r.firstWrongStep]?.errorType, at: r.firstWrongStep }).toEqual({ error: want.error, at: want.firstWrongStep });
    });
  }

  it("rejects a record whose steps give neither a line nor code", async () => {
    const rec = { ...records[0]!, steps: [{ vars: { x: "1" } }] };
    const r = await verifyTrajectory(unitTestWalkthroughTask, rec, staticContext());
    expect(r.verdict).toBe("fail");
    expect(r.stages[0]!.status).toBe("fail");
  });
});
