import { describe, expect, it } from "vitest";
import type { SuiteResult } from "../../core/result.js";
import { failingTestOn, judgeBug } from "./bug-claims.js";
import { judgeMeasured } from "./measured-claims.js";
import { BugObservation, Observation, QualityEvaluationRecord } from "./schema.js";
import { judgeVerdict } from "./verdict.js";

const CODE = "import math\nimport os\n\ndef f(xs, unused):\n    total = 0\n    for x in xs:\n        if x > 0:\n            total += math.sqrt(x)\n    return total\n";
const obs = (o: object) => Observation.parse(o);
const bug = (o: object) => BugObservation.parse({ kind: "bug", description: "d", call: "f([1, 1])", ...o });
const val = (repr: string) => ({ kind: "value" as const, repr });

describe("measured claims", () => {
  it("checks nesting depth per function and for the whole code", () => {
    expect(judgeMeasured(obs({ kind: "nesting-depth", function: "f", depth: 2, description: "" }), CODE)?.label).toBe("correct");
    expect(judgeMeasured(obs({ kind: "nesting-depth", depth: 2, description: "" }), CODE)?.label).toBe("correct");
    expect(judgeMeasured(obs({ kind: "nesting-depth", function: "f", depth: 1, description: "" }), CODE)).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(judgeMeasured(obs({ kind: "nesting-depth", function: "g", depth: 1, description: "" }), CODE)).toMatchObject({ label: "wrong", type: "hallucinated-step" });
  });

  it("checks function length within one line", () => {
    expect(judgeMeasured(obs({ kind: "function-length", function: "f", lines: 6, description: "" }), CODE)?.label).toBe("correct");
    expect(judgeMeasured(obs({ kind: "function-length", function: "f", lines: 5, description: "" }), CODE)?.label).toBe("correct");
    expect(judgeMeasured(obs({ kind: "function-length", function: "f", lines: 3, description: "" }), CODE)).toMatchObject({ label: "wrong", type: "inconsistent-step" });
  });

  it("checks unused names: really unused, used, or not in the code at all", () => {
    expect(judgeMeasured(obs({ kind: "unused-name", name: "os", description: "" }), CODE)?.label).toBe("correct");
    expect(judgeMeasured(obs({ kind: "unused-name", name: "unused", description: "" }), CODE)?.label).toBe("correct");
    expect(judgeMeasured(obs({ kind: "unused-name", name: "math", description: "" }), CODE)).toEqual({ label: "wrong", type: "inconsistent-step", evidence: "math is read at line(s) 8" });
    expect(judgeMeasured(obs({ kind: "unused-name", name: "sys", description: "" }), CODE)).toMatchObject({ label: "wrong", type: "hallucinated-step" });
  });

  it("leaves remarks unverifiable and bugs to the run", () => {
    expect(judgeMeasured(obs({ kind: "remark", text: "nice names" }), CODE)?.label).toBe("unverifiable");
    expect(judgeMeasured(bug({}), CODE)).toBeUndefined();
  });
});

describe("bug claims", () => {
  const input = "([1, 1],)";
  it("with a reference: a real disagreement is correct, agreement is a hallucinated step", () => {
    expect(judgeBug(bug({}), { input, reference: val("2"), code: val("1") }).label).toBe("correct");
    expect(judgeBug(bug({}), { input, reference: val("2"), code: val("2") })).toMatchObject({ label: "wrong", type: "hallucinated-step" });
  });

  it("a real bug with a misdescribed behaviour or expectation is still a hallucinated step", () => {
    expect(judgeBug(bug({ actual: "3" }), { input, reference: val("2"), code: val("1"), actual: "3" })).toMatchObject({ label: "wrong", evidence: "on f([1, 1]) the code returns 1, not 3 as claimed" });
    expect(judgeBug(bug({ raises: "IndexError" }), { input, reference: val("2"), code: val("1") })).toMatchObject({ label: "wrong", type: "hallucinated-step" });
    expect(judgeBug(bug({ expected: "5" }), { input, reference: val("2"), code: val("1"), expected: "5" })).toMatchObject({ label: "wrong", type: "hallucinated-step" });
  });

  it("an input the reference itself refuses proves nothing", () => {
    expect(judgeBug(bug({}), { input, reference: { kind: "raised", type: "IndexError", message: "", where: null }, code: val("1") }).label).toBe("unverifiable");
  });

  it("without a reference: a crash or a failing test on the input is a bug; returning the claimed expected value is not", () => {
    expect(judgeBug(bug({}), { input, reference: undefined, code: { kind: "raised", type: "IndexError", message: "x", where: null } }).label).toBe("correct");
    expect(judgeBug(bug({}), { input, reference: undefined, code: val("1"), failingTest: "line 1: ..." }).label).toBe("correct");
    expect(judgeBug(bug({ expected: "1" }), { input, reference: undefined, code: val("1"), expected: "1" })).toMatchObject({ label: "wrong", type: "hallucinated-step" });
    expect(judgeBug(bug({}), { input, reference: undefined, code: val("1") }).label).toBe("unverifiable");
  });

  it("finds a failing test on the same arguments", () => {
    const s: SuiteResult = { verdict: "fail", truncated: false, tests: [{ name: "line 1: assert f([1,1]) == 2", status: "fail", durationMs: 1, message: "got 1, expected 2" }] };
    expect(failingTestOn(s, "f", "([1,1],)")).toMatch(/got 1, expected 2/);
    expect(failingTestOn(s, "f", "([2],)")).toBeUndefined();
  });
});

describe("verdict", () => {
  const rec = (verdict: "high" | "low", observations: object[]) =>
    QualityEvaluationRecord.parse({ task: "quality-evaluation", id: "x", problem: "p", entry_point: "f", code: "def f(x):\n    return x\n", observations, verdict, rationale: "r" });
  const ran = { syntax: [], ran: true, runnable: true, summary: "visible tests 3/3 pass", labels: [] };
  const failure = { where: "hidden" as const, type: "wrong-answer" as const, evidence: "1/2 pass" };

  it("high: correct when everything passes, a logical leap when the code fails, inconsistent when a bug is listed", () => {
    expect(judgeVerdict(rec("high", [{ kind: "remark", text: "t" }]), ran)).toEqual({ label: "correct", evidence: "visible tests 3/3 pass" });
    expect(judgeVerdict(rec("high", [{ kind: "remark", text: "t" }]), { ...ran, failure })).toMatchObject({ label: "wrong", type: "logical-leap" });
    expect(judgeVerdict(rec("high", [{ kind: "bug", description: "d", call: "f(1)" }]), ran)).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(judgeVerdict(rec("high", [{ kind: "remark", text: "t" }]), { ...ran, syntax: [{ line: 1, column: 1, message: "m" }] })).toMatchObject({ label: "wrong", type: "logical-leap" });
  });

  it("low: correct with a verified bug or a failing run, otherwise a style judgement left unverifiable", () => {
    const low = rec("low", [{ kind: "bug", description: "d", call: "f(1)" }]);
    expect(judgeVerdict(low, { ...ran, labels: [{ kind: "bug", label: "correct" }] }).label).toBe("correct");
    expect(judgeVerdict(low, { ...ran, failure, labels: [{ kind: "bug", label: "wrong" }] }).label).toBe("correct");
    expect(judgeVerdict(low, { ...ran, labels: [{ kind: "bug", label: "wrong" }] }).label).toBe("unverifiable");
  });
});
