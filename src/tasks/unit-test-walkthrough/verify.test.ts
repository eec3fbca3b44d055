import { describe, expect, it } from "vitest";
import { staticContext } from "../../../test/support/task-context.js";
import { verifyTrajectory } from "../verify-trajectory.js";
import { loadFixtures } from "../../../test/support/fixtures.js";
import { unitTestWalkthroughTask } from "./verify.js";

// (the sound ones through the static stages are in verify.docker.test.ts, with the rest of the fixtures)
const records = loadFixtures("unit-test-walkthrough");

describe("unit-test-walkthrough fixtures, static only", () => {
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
