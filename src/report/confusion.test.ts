import { describe, expect, it } from "vitest";
import type { TrajectoryResult } from "../core/trajectory-result.js";
import { confusion, formatConfusion, type LabelledRecord } from "./confusion.js";

function result(id: string, verdict: TrajectoryResult["verdict"], wrong?: { step: number; type: "pseudo-fix" | "hallucinated-step" }): TrajectoryResult {
  const steps = [0, 1, 2].map((index) => ({
    index,
    name: `s${index}`,
    label: wrong?.step === index ? ("wrong" as const) : ("correct" as const),
    ...(wrong?.step === index ? { errorType: wrong.type } : {}),
    evidence: "",
  }));
  return { id, task: "error-recovery", verdict, stages: [], steps, errors: wrong ? [wrong.type] : [], firstWrongStep: wrong?.step ?? -1, processScore: 1, durationMs: 1, cached: false, image: "", key: "" };
}

describe("confusion", () => {
  it("counts exact catches, wrong types, wrong steps, misses, and builds the matrix", () => {
    const labels: LabelledRecord[] = [
      { id: "a", task: "error-recovery", expect: { verdict: "pass" } },
      { id: "b", task: "error-recovery", expect: { verdict: "fail", error: "pseudo-fix", firstWrongStep: 2 } },
      { id: "c", task: "error-recovery", expect: { verdict: "fail", error: "pseudo-fix", firstWrongStep: 2 } },
      { id: "d", task: "error-recovery", expect: { verdict: "fail", error: "pseudo-fix", firstWrongStep: 2 } },
      { id: "e", task: "error-recovery", expect: { verdict: "fail", error: "hallucinated-step", firstWrongStep: 0 } },
      { id: "f", task: "error-recovery", expect: { verdict: "pass" } },
    ];
    const results = new Map([
      ["a", result("a", "pass")],
      ["b", result("b", "fail", { step: 2, type: "pseudo-fix" })],
      ["c", result("c", "fail", { step: 2, type: "hallucinated-step" })],
      ["d", result("d", "fail", { step: 1, type: "pseudo-fix" })],
      ["e", result("e", "pass")],
    ]);
    const r = confusion(labels, results);
    expect(r.total).toEqual({ sound: 1, soundPassed: 1, flawed: 4, caughtExactly: 1, caughtWrongType: 1, caughtWrongStep: 1, missed: 1 });
    expect(r.matrix["pseudo-fix"]).toEqual({ "pseudo-fix": 2, "hallucinated-step": 1 });
    expect(r.matrix["hallucinated-step"]).toEqual({ sound: 1 });
    expect(r.missingResults).toEqual(["f"]);
    expect(r.mismatches.map((m) => m.id)).toEqual(["c", "d", "e"]);
    const text = formatConfusion(r);
    expect(text).toMatch(/total\s+1\/1\s+1\/4 \(25\.0%\)/);
    expect(text).toContain("d (error-recovery): expected pseudo-fix at step 2, found pseudo-fix at step 1");
  });
});
