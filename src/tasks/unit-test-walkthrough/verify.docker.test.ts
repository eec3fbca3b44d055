import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTaskContext } from "../../../test/support/task-context.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { walkthroughFixtures } from "./fixtures.js";
import { unitTestWalkthroughTask } from "./verify.js";

const records = walkthroughFixtures();

describe("unit-test-walkthrough fixtures on the real engine", () => {
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
      const r = await verifyTrajectory(unitTestWalkthroughTask, rec, ctx);
      const got = { verdict: r.verdict, error: r.steps[r.firstWrongStep]?.errorType, firstWrongStep: r.firstWrongStep };
      const want = rec.expect.verdict === "pass" ? { verdict: "pass", error: undefined, firstWrongStep: -1 } : rec.expect;
      expect(got, JSON.stringify(r.steps, null, 1)).toEqual(want);
      // every verdict step is checked against the real run, right or wrong
      expect(r.steps.at(-1)!.label).not.toBe("unverifiable");
      if (rec.expect.verdict === "pass" && !rec.id.startsWith("walk/catalan")) {
        // a sound walkthrough on a fully traced run is backed by evidence at every step
        expect(r.steps.filter((s) => s.label !== "correct").map((s) => `${s.name}: ${s.evidence}`)).toEqual([]);
      }
    }, 60_000);
  }

  it("a run too long to record leaves later steps unverifiable, and still checks the result", async () => {
    const rec = records.find((r) => r.id === "walk/catalan_number-10")!;
    const r = await verifyTrajectory(unitTestWalkthroughTask, rec, ctx);
    const last = r.steps.length - 1;
    expect(r.steps[last - 2]!.label).toBe("unverifiable"); // the outer return, past the recorded events
    expect(r.steps[last - 2]!.evidence).toMatch(/recording stopped/);
    expect(r.steps[last - 1]!.label).toBe("correct"); // predicted return, watched after the cap
    expect(r.steps[0]!.label).toBe("correct");
  }, 60_000);

  it("labels a wrong value with the real one as evidence", async () => {
    const rec = records.find((r) => r.id === "walk/newman_prime-4-arith")!;
    const r = await verifyTrajectory(unitTestWalkthroughTask, rec, ctx);
    expect(r.steps[r.firstWrongStep]!.evidence).toMatch(/c is 17, not 15/);
  }, 60_000);
});
