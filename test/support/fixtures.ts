import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TrajectoryResult } from "../../src/core/trajectory-result.js";
import type { Expectation } from "../../src/report/confusion.js";
import type { TaskDefinition } from "../../src/tasks/types.js";
import { verifyTrajectory, type TrajectoryContext } from "../../src/tasks/verify-trajectory.js";
import { openTaskContext, staticContext } from "./task-context.js";

export type Fixture = { id: string; task: string; expect: Expectation } & Record<string, unknown>;

// The labelled fixture records of a kind (fixtures/trajectories/<kind>.jsonl).
export function loadFixtures(kind: string): Fixture[] {
  return readFileSync(new URL(`../../fixtures/trajectories/${kind}.jsonl`, import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Fixture);
}

export interface FixtureSuiteOptions {
  /** Further checks on each real-engine result (e.g. "one wrong step per flaw", "sound ones fully checked"). */
  also?: (rec: Fixture, result: TrajectoryResult) => void;
  /** Minimum sound and flawed records the kind must have. */
  atLeast?: number;
  /** Retries of a record's test: only for kinds whose verdicts rest on timing, which a busy machine can make
   * unverifiable (never wrong); the retry is a quieter moment, not a different answer. */
  retry?: number;
}

// Every fixture of a kind through the whole cascade on the real engine, compared with its label
// (verdict, error type at the first wrong step, that step); and the sound ones through the static stages alone.
export function fixtureSuites<T>(task: TaskDefinition<T>, opts: FixtureSuiteOptions = {}): Fixture[] {
  const records = loadFixtures(task.kind);
  const atLeast = opts.atLeast ?? 5;
  describe(`${task.kind} fixtures on the real engine`, () => {
    let ctx: TrajectoryContext;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ ctx, close } = await openTaskContext());
    }, 600_000);
    afterAll(async () => close?.());

    it(`has at least ${atLeast} sound and ${atLeast} flawed records`, () => {
      expect(records.filter((r) => r.expect.verdict === "pass").length).toBeGreaterThanOrEqual(atLeast);
      expect(records.filter((r) => r.expect.verdict === "fail").length).toBeGreaterThanOrEqual(atLeast);
    });

    for (const rec of records) {
      const title = rec.expect.verdict === "pass" ? "passes" : `${rec.expect.error} at step ${rec.expect.firstWrongStep}`;
      it(`${rec.id}: ${title}`, { timeout: 120_000, retry: opts.retry ?? 0 }, async () => {
        const r = await verifyTrajectory(task, rec, ctx);
        const got = { verdict: r.verdict, error: r.steps[r.firstWrongStep]?.errorType, firstWrongStep: r.firstWrongStep };
        const want = rec.expect.verdict === "pass" ? { verdict: "pass", error: undefined, firstWrongStep: -1 } : rec.expect;
        expect(got, JSON.stringify(r.steps, null, 1)).toEqual(want);
        opts.also?.(rec, r);
      });
    }
  });

  describe(`${task.kind} fixtures, static stages only (no sandbox)`, () => {
    for (const rec of records.filter((r) => r.expect.verdict === "pass")) {
      it(`${rec.id} has no wrong step`, async () => {
        const r = await verifyTrajectory(task, rec, staticContext());
        expect(r.firstWrongStep, JSON.stringify(r.steps, null, 1)).toBe(-1);
        expect(r.stages.find((s) => s.stage === "execute")?.status).toBe("skipped");
      });
    }
  });
  return records;
}

// A sound record backed by evidence: no step left unchecked.
export function everyStepChecked(rec: Fixture, r: TrajectoryResult): void {
  if (rec.expect.verdict !== "pass") return;
  expect(r.steps.filter((s) => s.label !== "correct").map((s) => `${s.name}: ${s.evidence}`)).toEqual([]);
}

// A flawed record has exactly one flaw: nothing but its step is labelled wrong.
export function onlyThePlantedFlaw(rec: Fixture, r: TrajectoryResult): void {
  if (rec.expect.verdict !== "fail") return;
  expect(r.steps.filter((s) => s.label === "wrong").map((s) => s.index)).toEqual([rec.expect.firstWrongStep]);
}
