import type { TrajectoryResult } from "../../core/trajectory-result.js";
import type { BatchAggregator } from "../types.js";
import type { DifficultyEstimationRecord } from "./schema.js";
import { spearman } from "./spearman.js";

export interface CalibrationPair {
  id: string;
  label: string;
  score: number;
  passRate: number;
}

// The empirical pass rate a result observed, if its solutions ran.
export function observedPassRate(result: TrajectoryResult): number | undefined {
  const sol = result.observed?.solutions as { passRate?: unknown } | undefined;
  return typeof sol?.passRate === "number" ? sol.passRate : undefined;
}

// Calibration of estimated difficulty against empirical difficulty across a batch: Spearman's rank correlation of
// the score with the failure rate (1 - pass rate) of each problem's solutions. Calibrated estimates give rho near 1.
export function calibrationAggregator(): BatchAggregator<DifficultyEstimationRecord> {
  const pairs: CalibrationPair[] = [];
  return {
    add(rec, result) {
      const passRate = observedPassRate(result);
      if (passRate !== undefined) pairs.push({ id: rec.id, label: rec.label, score: rec.score, passRate });
    },
    finish() {
      if (!pairs.length) return undefined;
      const rho = spearman(
        pairs.map((p) => p.score),
        pairs.map((p) => 1 - p.passRate),
      );
      const byLabel: Record<string, { problems: number; meanPassRate: number }> = {};
      for (const label of ["easy", "medium", "hard"]) {
        const of = pairs.filter((p) => p.label === label);
        if (of.length) byLabel[label] = { problems: of.length, meanPassRate: Math.round((of.reduce((a, p) => a + p.passRate, 0) / of.length) * 1000) / 1000 };
      }
      const rhoText = rho === undefined ? "undefined (a constant side or fewer than 2 problems)" : rho.toFixed(3);
      const lines = [
        `difficulty calibration: Spearman rho(score, failure rate) = ${rhoText} over ${pairs.length} problem(s) with solutions`,
        ...Object.entries(byLabel).map(([l, v]) => `  ${l}: ${v.problems} problem(s), mean pass rate ${v.meanPassRate}`),
      ];
      return { lines, data: { spearman: rho ?? null, problems: pairs.length, byLabel, pairs } };
    },
  };
}
