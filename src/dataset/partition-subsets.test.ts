import { describe, expect, it } from "vitest";
import type { TrajectoryResult } from "../core/trajectory-result.js";
import type { StepVerdict } from "../core/taxonomy.js";
import { correctionOf, placeRecord, uncheckedSteps } from "./partition-subsets.js";

const step = (index: number, name: string, label: StepVerdict["label"], evidence = "ev", errorType?: StepVerdict["errorType"]): StepVerdict => ({
  index,
  name,
  label,
  evidence,
  ...(errorType ? { errorType } : {}),
});

function result(task: TrajectoryResult["task"], steps: StepVerdict[], over: Partial<TrajectoryResult> = {}): TrajectoryResult {
  const wrong = steps.find((s) => s.label === "wrong");
  return {
    id: "r",
    task,
    verdict: wrong ? "fail" : "pass",
    stages: [
      { stage: "schema", status: "pass", durationMs: 0, findings: [] },
      { stage: "static", status: "pass", durationMs: 0, findings: [] },
      { stage: "execute", status: wrong ? "fail" : "pass", durationMs: 0, findings: [] },
    ],
    steps,
    errors: wrong?.errorType ? [wrong.errorType] : [],
    firstWrongStep: wrong ? wrong.index : -1,
    processScore: 1,
    durationMs: 1,
    cached: false,
    image: "i",
    key: "k",
    ...over,
  };
}

describe("placeRecord", () => {
  it("puts a clean positive in sft and process, and says why not in correction", () => {
    const p = placeRecord({}, result("implementation", [step(0, "requirements", "unverifiable", "prose"), step(1, "implementation", "correct")]));
    expect(p.subsets).toEqual(["sft", "process"]);
    expect(p.why.correction).toMatch(/no located error/);
  });

  it("keeps a pass with a checkable step left unverifiable out of sft", () => {
    const r = result("planning", [step(0, "chosen: x", "unverifiable", "a choice"), step(1, "complexity claim: O(n)", "unverifiable", "borderline"), step(2, "code", "correct")]);
    expect(uncheckedSteps(r).map((s) => s.name)).toEqual(["complexity claim: O(n)"]);
    const p = placeRecord({}, r);
    expect(p.subsets).toEqual(["process"]);
    expect(p.why.sft).toMatch(/checkable step stayed unverifiable/);
  });

  it("never counts a static-only result as fully verified", () => {
    const r = result("implementation", [step(0, "implementation", "correct")]);
    r.stages[2] = { stage: "execute", status: "skipped", durationMs: 0, findings: ["static only"] };
    expect(placeRecord({}, r).why.sft).toMatch(/execute stage skipped/);
  });

  it("puts a located error in process and correction with the evidence at the first wrong step", () => {
    const r = result("unit-test-walkthrough", [step(0, "walkthrough step 1", "correct"), step(1, "walkthrough step 2", "wrong", "the real value of c is 3", "hallucinated-step")]);
    const p = placeRecord({}, r);
    expect(p.subsets).toEqual(["process", "correction"]);
    expect(p.correction).toEqual({ step: 1, name: "walkthrough step 2", errorType: "hallucinated-step", evidence: "the real value of c is 3" });
  });

  it("gives error recovery its fix: the reference, else a patch labelled correct, else nothing", () => {
    const wrongExplanation = result("error-recovery", [step(0, "reproduction", "correct"), step(1, "patch", "correct"), step(2, "explanation", "wrong", "names nothing", "pseudo-explanation")]);
    expect(correctionOf({ reference: "def f(): return 1\n", patch: "p" }, wrongExplanation)).toMatchObject({ fix: { source: "reference" } });
    expect(correctionOf({ patch: "--- a\n" }, wrongExplanation)).toMatchObject({ fix: { source: "patch", code: "--- a\n" } });
    const wrongPatch = result("error-recovery", [step(0, "reproduction", "correct"), step(1, "patch", "wrong", "still fails", "wrong-answer")]);
    expect(correctionOf({ patch: "--- a\n" }, wrongPatch)).toMatch(/without a verified fix/);
    expect(placeRecord({ patch: "--- a\n" }, wrongPatch).subsets).toEqual(["process"]);
  });

  it("excludes infra errors and schema failures with their reason", () => {
    const infra = result("implementation", [step(0, "implementation", "unverifiable")], { verdict: "infra-error", message: "container gone" });
    expect(placeRecord({}, infra)).toMatchObject({ subsets: [], excluded: expect.stringMatching(/^infra-error: .*container gone/) });
    const schema = result("planning", [], { verdict: "fail" });
    schema.stages[0] = { stage: "schema", status: "fail", durationMs: 0, findings: ["alternatives: too small"] };
    expect(placeRecord({}, schema)).toMatchObject({ subsets: [], excluded: "schema failure: no step labels" });
  });
});

describe("steps labelled by the LLM judge", () => {
  const judged = (s: StepVerdict): StepVerdict => ({ ...s, source: "judge", model: "m" });
  it("keep a record out of sft when the judge finds a step wrong, and never make a step checked", () => {
    const flagged = result("planning", [step(0, "chosen: sort", "unverifiable"), step(1, "code", "correct")], { firstWrongStep: -1, errors: [], verdict: "pass" });
    flagged.steps[0] = judged({ ...flagged.steps[0]!, label: "wrong", errorType: "logical-leap" });
    expect(placeRecord({}, flagged).why.sft).toBe("not a clean positive: the LLM judge finds a step wrong");
    const read = result("implementation", [step(0, "design", "correct"), step(1, "implementation", "correct")]);
    read.steps[0] = judged(read.steps[0]!);
    expect(uncheckedSteps(read).map((s) => s.name)).toEqual(["design"]);
    expect(placeRecord({}, read).subsets).not.toContain("sft");
  });
});
