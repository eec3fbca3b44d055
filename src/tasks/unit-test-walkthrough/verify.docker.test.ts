import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureSuites } from "../../../test/support/fixtures.js";
import { openTaskContext } from "../../../test/support/task-context.js";
import { verifyTrajectory, type TrajectoryContext } from "../verify-trajectory.js";
import { unitTestWalkthroughTask } from "./verify.js";

// Every labelled fixture on the real engine: the verdict step is always checked against the real run, and a
// sound walkthrough on a fully traced run has evidence at every step.
const records = fixtureSuites(unitTestWalkthroughTask, {
  atLeast: 6,
  also: (rec, r) => {
    expect(r.steps.at(-1)!.label).not.toBe("unverifiable");
    if (rec.expect.verdict === "pass" && !rec.id.startsWith("walk/catalan")) {
      expect(r.steps.filter((s) => s.label !== "correct").map((s) => `${s.name}: ${s.evidence}`)).toEqual([]);
    }
  },
});

describe("unit-test-walkthrough evidence", () => {
  let ctx: TrajectoryContext;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTaskContext());
  }, 600_000);
  afterAll(async () => close?.());

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
