import { describe, expect, it } from "vitest";
import { mathEval } from "./metrics.js";

// The acceptance thresholds (specificity >= 95%, first-error precision >= 80%), computed on every labelled set
// each run, never stored: the evaluator's own sets, and four written by independent authors (the last never tuned on).
const SETS: { file: string; atLeast?: number }[] = [
  { file: "labelled.jsonl", atLeast: 50 },
  { file: "hard.jsonl" },
  { file: "heldout.jsonl", atLeast: 50 },
  { file: "blind.jsonl", atLeast: 50 },
  { file: "blind3.jsonl", atLeast: 60 },
  { file: "blind4.jsonl", atLeast: 60 },
];

describe("math-eval on fixtures/math", () => {
  for (const set of SETS) {
    it(`${set.file}: specificity >= 95%, first-error precision >= 80%`, async () => {
      const r = await mathEval(`fixtures/math/${set.file}`);
      expect(r.invalidLines).toEqual([]);
      if (set.atLeast) {
        expect(r.clean).toBeGreaterThanOrEqual(set.atLeast);
        expect(r.flawed).toBeGreaterThanOrEqual(set.atLeast);
      }
      expect(r.specificity).toBeGreaterThanOrEqual(0.95);
      expect(r.firstErrorPrecision).toBeGreaterThanOrEqual(0.8);
    });
  }

  it("the labelled set exercises every error label", async () => {
    const r = await mathEval("fixtures/math/labelled.jsonl");
    expect(Object.keys(r.confusion).sort()).toEqual(["arithmetic-error", "inconsistent-step", "invalid-transformation", "none", "undefined-variable"]);
  });
});
