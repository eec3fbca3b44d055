import { describe, expect, it } from "vitest";
import { fixtureSuites, onlyThePlantedFlaw } from "../../../test/support/fixtures.js";
import { calibrationAggregator } from "./calibration.js";
import { DifficultyEstimationRecord } from "./schema.js";
import { difficultyEstimationTask } from "./verify.js";

const calibration = calibrationAggregator();
let withSolutions = 0;

// Every labelled fixture on the real engine (one wrong step per flaw); each result with solutions feeds the batch
// calibration, which must then find the fixtures' estimates ranked like their solutions' failure rates.
const records = fixtureSuites(difficultyEstimationTask, {
  also: (rec, r) => {
    onlyThePlantedFlaw(rec, r);
    const parsed = DifficultyEstimationRecord.parse(rec);
    if (parsed.solutions?.length) {
      withSolutions++;
      const sol = r.observed?.solutions as { total: number; passed: number; passRate: number };
      expect(sol.total).toBe(parsed.solutions.length);
      expect(sol.passRate).toBeCloseTo(sol.passed / sol.total, 3);
    }
    calibration.add(parsed, r);
  },
});

describe("difficulty calibration over the fixture batch", () => {
  it("Spearman rho of score against the solutions' failure rate is strongly positive", () => {
    expect(withSolutions).toBe(records.filter((r) => Array.isArray(r.solutions) && r.solutions.length).length);
    const out = calibration.finish()!;
    expect(out.data.problems).toBe(withSolutions);
    expect(out.data.spearman as number).toBeGreaterThan(0.5);
    const byLabel = out.data.byLabel as Record<string, { meanPassRate: number }>;
    expect(byLabel.easy!.meanPassRate).toBeGreaterThan(byLabel.hard!.meanPassRate);
    expect(out.lines[0]).toMatch(/Spearman rho\(score, failure rate\) = 0\.\d+ over \d+ problem/);
  });
});
