import { describe, expect, it } from "vitest";
import { mathEval } from "./metrics.js";

// The acceptance thresholds, computed on the fixture set every run (never stored numbers).
describe("math-eval on fixtures/math", () => {
  it("labelled set: specificity >= 95%, first-error precision >= 80%", async () => {
    const r = await mathEval("fixtures/math/labelled.jsonl");
    expect(r.invalidLines).toEqual([]);
    expect(r.clean).toBeGreaterThanOrEqual(50);
    expect(r.flawed).toBeGreaterThanOrEqual(50);
    expect(Object.keys(r.confusion).sort()).toEqual(["arithmetic-error", "inconsistent-step", "invalid-transformation", "none", "undefined-variable"]);
    expect(r.specificity).toBeGreaterThanOrEqual(0.95);
    expect(r.firstErrorPrecision).toBeGreaterThanOrEqual(0.8);
  });
  it("hand-written hard set: the same thresholds", async () => {
    const r = await mathEval("fixtures/math/hard.jsonl");
    expect(r.specificity).toBeGreaterThanOrEqual(0.95);
    expect(r.firstErrorPrecision).toBeGreaterThanOrEqual(0.8);
  });
  it("independently written held-out set (a dev set now): the same thresholds", async () => {
    const r = await mathEval("fixtures/math/heldout.jsonl");
    expect(r.invalidLines).toEqual([]);
    expect(r.clean).toBeGreaterThanOrEqual(50);
    expect(r.specificity).toBeGreaterThanOrEqual(0.95);
    expect(r.firstErrorPrecision).toBeGreaterThanOrEqual(0.8);
  });
  it("independently written blind set (measured blind once, a dev set now): the same thresholds", async () => {
    const r = await mathEval("fixtures/math/blind.jsonl");
    expect(r.invalidLines).toEqual([]);
    expect(r.clean).toBeGreaterThanOrEqual(50);
    expect(r.flawed).toBeGreaterThanOrEqual(50);
    expect(r.specificity).toBeGreaterThanOrEqual(0.95);
    expect(r.firstErrorPrecision).toBeGreaterThanOrEqual(0.8);
  });
  it("third independently written blind set (measured blind once, a dev set now): the same thresholds", async () => {
    const r = await mathEval("fixtures/math/blind3.jsonl");
    expect(r.invalidLines).toEqual([]);
    expect(r.clean).toBeGreaterThanOrEqual(60);
    expect(r.flawed).toBeGreaterThanOrEqual(60);
    expect(r.specificity).toBeGreaterThanOrEqual(0.95);
    expect(r.firstErrorPrecision).toBeGreaterThanOrEqual(0.8);
  });
});
