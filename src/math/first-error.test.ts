import { describe, expect, it } from "vitest";
import { evaluateOffline, evaluateRecord } from "./evaluate.js";
import { firstError } from "./first-error.js";
import { scoreResults } from "./metrics.js";
import { MathRecord, type MathResult, type StepResult } from "./schema.js";

const evaluate = (steps: string[]) => evaluateOffline(MathRecord.parse({ id: "t", problem: "A farmer has some apples.", steps }));
const step = (index: number, label: StepResult["label"], undecided?: number): StepResult => ({ index, label, evidence: "", ...(undecided ? { undecided } : {}) });

describe("first error: exact only when every claim before it was decided", () => {
  it("a slip after checked steps and prose with no claim is claimed as the first error", () => {
    const r = evaluate(["We add the two amounts first.", "So $12 + 30 = 42$ apples.", "Then $42 \\times 3 = 136$."]);
    expect(r.first_error_step).toBe(2);
    expect(r.first_error_exact).toBe(true);
  });
  it("a slip after an equation stated (a claim the checks cannot decide) is a bound, and its label stays an error", () => {
    const r = evaluate(["Let the width be $w$. Setting up the condition, $3w + 7 = 40$.", "Then $42 \\times 3 = 136$."]);
    expect(r.steps[0]!.undecided).toBe(1);
    expect(r.steps[1]!.label).toBe("arithmetic-error");
    expect(r.first_error_step).toBe(1);
    expect(r.first_error_exact).toBe(false);
  });
  it("one undecided claim in a step that is otherwise correct is enough to make a later flag a bound", () => {
    const r = evaluate(["So $12 + 30 = 42$ and $\\sin x = 0.5$.", "Then $42 \\times 3 = 136$."]);
    expect(r.steps[0]!.label).toBe("correct");
    expect(r.first_error_exact).toBe(false);
  });
  it("a relation whose side could not be read whole (a subscripted name, a log base) is read, not decided", () => {
    const r = evaluate(["The rate is $r = \\frac{v_2 - v_1}{t} = \\frac{9 - 3}{2} = 3$.", "Then $42 \\times 3 = 136$."]);
    expect(r.steps[0]!.label).toBe("correct");
    expect(r.steps[0]!.undecided).toBe(1);
    expect(r.first_error_exact).toBe(false);
    expect(evaluate(["So $\\frac{9 - 3}{2} = 3$.", "Then $42 \\times 3 = 136$."]).first_error_exact).toBe(true);
  });
  it("undecided claims in the flagged step itself or after it do not matter; no flag, no claim", () => {
    expect(firstError([step(0, "correct"), step(1, "arithmetic-error", 2), step(2, "unverifiable", 1)])).toEqual({ step: 1, exact: true });
    expect(firstError([step(0, "unverifiable", 1), step(1, "correct")])).toEqual({ step: -1 });
    expect(evaluate(["So $12 + 30 = 42$."]).first_error_exact).toBeUndefined();
  });
  it("a step the judge decided counts as decided; one it left unverifiable does not", async () => {
    expect(firstError([step(0, "unverifiable", 1), step(1, "arithmetic-error")]).exact).toBe(false);
    expect(firstError([{ ...step(0, "correct", 1), by: "judge" }, step(1, "arithmetic-error")]).exact).toBe(true);
    expect(firstError([{ ...step(0, "unverifiable", 1), by: "judge" }, step(1, "arithmetic-error")]).exact).toBe(false);
    const record = MathRecord.parse({ id: "j", problem: "p", steps: ["Setting up the condition, $3w + 7 = 40$.", "Then $42 \\times 3 = 136$."] });
    const judged = await evaluateRecord(record, { judge: async () => ({ label: "correct", evidence: "the condition is read from the problem" }) });
    expect(judged.first_error_exact).toBe(true);
  });
});

describe("math-eval counts a bound apart from an exact first-error claim", () => {
  const result = (first: number, exact: boolean | undefined): MathResult => ({
    id: "r", kind: "natural", first_error_step: first, ...(exact !== undefined ? { first_error_exact: exact } : {}),
    steps: [0, 1, 2].map((i) => step(i, i === first ? "arithmetic-error" : "correct")),
    final_answer: { verdict: "unverifiable", evidence: "" },
  });
  it("a bound is no first-error claim (precision, recall), still a flag on a clean solution, right when the labelled error is at or before it", () => {
    const s = scoreResults([
      { expected: { first_error_step: 1 }, result: result(2, false) }, // bound holds
      { expected: { first_error_step: 2 }, result: result(2, false) }, // bound holds (at the labelled step, but not claimed exactly)
      { expected: { first_error_step: -1 }, result: result(1, false) }, // a bound on a clean solution: a false alarm
      { expected: { first_error_step: 2 }, result: result(1, false) }, // bound before the error: wrong
      { expected: { first_error_step: 1 }, result: result(1, true) }, // exact and right
      { expected: { first_error_step: 0 }, result: result(1, true) }, // exact and wrong
    ]);
    expect(s.bounded).toBe(4);
    expect(s.boundedRight).toBe(2);
    expect(s.flagged).toBe(2);
    expect(s.flaggedAtFirstError).toBe(1);
    expect(s.firstErrorPrecision).toBe(0.5);
    // the measure before bounds: every first flag read as a claim (6 flagged, 2 of them at the labelled step)
    expect([s.anyFlagAtFirstError, s.anyFlagged]).toEqual([2, 6]);
    expect(s.found).toBe(1);
    expect(s.specificity).toBe(0);
    expect(s.confusion.error!["at-or-before"]).toBe(3);
    expect(s.mistakes.map((m) => m.predicted.label)).toEqual(["at-or-before", "at-or-before", "arithmetic-error"]);
  });
});
