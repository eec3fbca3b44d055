import { describe, expect, it } from "vitest";
import type { TestTrace, TraceLine } from "../../exec/trace.js";
import { alignClaims, alignCovering } from "./align.js";
import { assertExpectation, checkReturn, checkStdout, checkVerdict, verdictConsistency } from "./outcome.js";
import { codeMatchesLine, loopTargets, resolveStep, type ResolvedClaim } from "./resolve-claims.js";
import { WalkthroughStep } from "./schema.js";

const CODE = "def f(xs):\n    total = 0  # start\n    for x in xs:\n        if x < 0:\n            continue\n        total += x\n    else:\n        pass\n    return total\n";
const known = new Set(["f", "xs", "total", "x"]);
const resolve = (raw: unknown) => resolveStep(WalkthroughStep.parse(raw), 0, { solution: CODE, test: "assert f([1, 2]) == 3\n" }, known);

describe("resolveStep", () => {
  it("accepts a line that says what the step quotes, ignoring whitespace and comments", () => {
    expect(codeMatchesLine("total+=x", "        total += x")).toBe(true);
    expect(codeMatchesLine("for x in xs", "    for x in xs:")).toBe(true);
    expect(codeMatchesLine("total", "        total += x")).toBe(false);
    const r = resolve({ line: 2, code: "total = 0", vars: { total: "0", "xs[0]": "1" } });
    expect(r).toMatchObject({ ok: true, claim: { lines: [2], vars: [["total", "0"]], unchecked: ["xs[0]"] } });
  });

  it("finds the line of quoted code, and maps else: to its first statement", () => {
    expect(resolve({ code: "total += x" })).toMatchObject({ ok: true, claim: { lines: [6] } });
    expect(resolve({ line: 7, code: "else:" })).toMatchObject({ ok: true, claim: { lines: [8], marker: true } });
  });

  it("names the static faults", () => {
    expect(resolve({ line: 5, code: "total += x" })).toMatchObject({ ok: false, errorType: "inconsistent-step" });
    expect(resolve({ line: 5, code: "total -= x" })).toMatchObject({ ok: false, errorType: "hallucinated-step" });
    expect(resolve({ line: 40 })).toMatchObject({ ok: false, errorType: "hallucinated-step" });
    expect(resolve({ line: 2, vars: { acc: "0" } })).toMatchObject({ ok: false, errorType: "hallucinated-step" });
  });
});

// A trace of f([1, -2, 3]) built line by line as the harness reports it (start order, after-values).
function traceOf(): TraceLine[] {
  const out: TraceLine[] = [];
  let seq = 0;
  const vars: Record<string, string> = { xs: "[1, -2, 3]" };
  const run = (line: number, set: Record<string, string>, returned?: string) => {
    Object.assign(vars, set);
    seq += 2;
    out.push({ seq, end: seq + 1, frame: 1, file: "solution", fn: "f", depth: 1, line, vars: { ...vars }, changed: Object.keys(set), cut: [], ...(returned ? { returned } : {}) });
  };
  run(2, { total: "0" });
  for (const x of [1, -2, 3]) {
    run(3, { x: String(x) });
    run(4, {});
    if (x < 0) run(5, {});
    else run(6, { total: String(Number(vars.total) + x) });
  }
  run(3, {});
  run(9, {}, vars.total);
  return out;
}

const claim = (index: number, line: number, vars: Record<string, string> = {}, returns?: string): ResolvedClaim => ({
  index,
  file: "solution",
  lines: [line],
  vars: Object.entries(vars),
  unchecked: [],
  ...(returns ? { returns } : {}),
});

describe("alignClaims", () => {
  const full = { lines: traceOf(), complete: true };

  it("matches steps in order, skipping iterations the walkthrough does not narrate", () => {
    const js = alignClaims([claim(0, 2, { total: "0" }), claim(1, 6, { x: "3", total: "4" }), claim(2, 9, {}, "4")], full);
    expect(js.map((j) => j.label)).toEqual(["correct", "correct", "correct"]);
  });

  it("a miscomputed value the line sets is an arithmetic error, with the real value", () => {
    const [j] = alignClaims([claim(0, 6, { x: "1", total: "2" })], full);
    expect(j).toMatchObject({ label: "wrong", errorType: "arithmetic-error" });
    expect(j!.evidence).toMatch(/total is 1, not 2/);
  });

  it("a state that never happens (a wrong loop value, a line never run, an iteration too many) is hallucinated", () => {
    expect(alignClaims([claim(0, 4, { x: "4" })], full)[0]).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
    const never = { lines: full.lines.filter((l) => l.line !== 5), complete: true };
    expect(alignClaims([claim(0, 5)], never)[0]).toMatchObject({ label: "wrong", errorType: "hallucinated-step", evidence: expect.stringMatching(/never runs/) });
    const js = alignClaims([claim(0, 9, {}, "4"), claim(1, 6, { x: "4" })], full);
    expect(js[1]).toMatchObject({ label: "wrong", errorType: "hallucinated-step", evidence: expect.stringMatching(/none after/) });
    expect(alignClaims([claim(0, 6, { y: "1" })], full)[0]).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
  });

  it("follows the trace in order: two steps on a line that runs twice are its two runs", () => {
    // total is 1 then 4: a walkthrough saying 4 then 1 is wrong at its first step, not at the second
    const js = alignClaims([claim(0, 6, { total: "4" }), claim(1, 6, { total: "1" })], full);
    expect(js.map((j) => j.label)).toEqual(["wrong", "wrong"]);
    expect(js[0]!.evidence).toMatch(/total is 1, not 4/);
  });

  it("judges a wrong value that equals a later iteration's at its own iteration", () => {
    // runs of line 6: total 1 (x=1), total 4 (x=3); a slip at the first equal to the second
    const slip = alignClaims([claim(0, 6, { total: "4" }), claim(1, 6, { total: "7" })], full);
    expect(slip[0]).toMatchObject({ label: "wrong", errorType: "arithmetic-error" });
    // with the loop variable claimed too, in a longer narration: the slip is still at its own step
    const narrated = alignClaims([claim(0, 3, { x: "1" }), claim(1, 6, { total: "4" }), claim(2, 3, { x: "-2" }), claim(3, 3, { x: "3" }), claim(4, 6, { total: "7" }), claim(5, 9, {}, "7")], full);
    expect(narrated.findIndex((j) => j.label === "wrong")).toBe(1);
    // a walkthrough that skips runs it does not narrate is still right
    const skip = alignClaims([claim(0, 2, { total: "0" }), claim(1, 6, { total: "4" }), claim(2, 9, {}, "4")], full);
    expect(skip.map((j) => j.label)).toEqual(["correct", "correct", "correct"]);
  });

  it("a step cannot go back to an earlier run", () => {
    const js = alignClaims([claim(0, 9, {}, "4"), claim(1, 2, { total: "0" })], full);
    expect(js.map((j) => j.label)).toEqual(["correct", "wrong"]);
  });

  it("leaves a step unverifiable when the trace is incomplete", () => {
    const cutShort = { lines: full.lines.slice(0, 4), complete: false, incompleteWhy: "recording stopped" };
    expect(alignClaims([claim(0, 9, {}, "4")], cutShort)[0]!.label).toBe("unverifiable");
    expect(alignClaims([claim(0, 6, { total: "9" })], cutShort)[0]!.label).toBe("unverifiable");
  });
});

describe("claims a walkthrough may state", () => {
  const full = { lines: traceOf(), complete: true };
  // the runs of f([1, -2, 3]) in order: 2, (3, 4, 6), (3, 4, 5), (3, 4, 6), 3, 9
  const order = [2, 3, 4, 6, 3, 4, 5, 3, 4, 6, 3, 9];

  it("steps_cover: every step is the very next line, none left out", () => {
    const all = order.map((l, i) => claim(i, l));
    expect(alignCovering(all, full, "whole").every((j) => j.label === "correct")).toBe(true);
    expect(alignCovering(all.slice(0, 5), full, "beginning").every((j) => j.label === "correct")).toBe(true);
    // a skipped line: the step after the gap is wrong
    const gap = [claim(0, 2), claim(1, 3), claim(2, 6)];
    expect(alignCovering(gap, full, "beginning").map((j) => j.label)).toEqual(["correct", "correct", "wrong"]);
    expect(alignClaims(gap, full).map((j) => j.label)).toEqual(["correct", "correct", "correct"]);
    // "whole" but the narration stops early: its last step is wrong
    const short = alignCovering(all.slice(0, 5), full, "whole");
    expect(short.at(-1)).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
    expect(short.at(-1)!.evidence).toMatch(/7 more line/);
  });

  it("event: return is a claim that the function returns at that line", () => {
    expect(alignClaims([{ ...claim(0, 9), event: "return" as const }], full)[0]!.label).toBe("correct");
    expect(alignClaims([{ ...claim(0, 6), event: "return" as const }], full)[0]).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
  });

  it("function: the line must run in that function", () => {
    expect(alignClaims([{ ...claim(0, 2), fn: "f" }], full)[0]!.label).toBe("correct");
    expect(alignClaims([{ ...claim(0, 2), fn: "g" }], full)[0]).toMatchObject({ label: "wrong", evidence: expect.stringMatching(/never runs/) });
    expect(resolve({ line: 2, function: "g" })).toMatchObject({ ok: false, errorType: "hallucinated-step" });
    expect(resolve({ line: 2, function: "f", event: "line" })).toMatchObject({ ok: true, claim: { fn: "f", event: "line" } });
  });

  it("a wrong loop variable on the for line is a state that never happens, not arithmetic", () => {
    expect(loopTargets("    for i, (a, b) in enumerate(p):")).toEqual(["i", "a", "b"]);
    expect(alignClaims([{ ...claim(0, 3, { x: "9" }), loopTargets: ["x"] }], full)[0]).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
  });
});

const trace = (over: Partial<TestTrace>): TestTrace => ({
  lines: [], frames: [], entryCalls: [], verdict: "pass", entryFound: true, tampered: false, stdout: "", stderr: "", durationMs: 1, ...over,
});

describe("outcome checks", () => {
  it("reads what a one-call assert expects", () => {
    expect(assertExpectation("assert f([1, 2]) == [2, 1]\n", "f")?.equals?.t).toBe("list");
    expect(assertExpectation("assert 3 == f(1)\n", "f")?.equals).toEqual({ t: "int", v: 3n });
    expect(assertExpectation("assert not f(0)\n", "f")).toMatchObject({ truthy: false });
    expect(assertExpectation("assert math.isclose(f(1), 2.5)\n", "f")).toBeUndefined();
  });

  it("flags a verdict that contradicts the walkthrough's own return value", () => {
    expect(verdictConsistency("assert f(1) == 3", "f", "3", "fail")).toMatchObject({ errorType: "inconsistent-step" });
    expect(verdictConsistency("assert f(1) == 3", "f", "4", "pass")).toMatchObject({ errorType: "inconsistent-step" });
    expect(verdictConsistency("assert f(1) == 3", "f", "3", "pass")).toBeUndefined();
    expect(verdictConsistency("assert f(1)", "f", "[]", "fail")).toBeUndefined();
  });

  it("checks the return value, printed output and verdict against the run", () => {
    expect(checkReturn("7", trace({ entryCalls: [{ returned: "7", testLine: 1 }] }), "f").label).toBe("correct");
    expect(checkReturn("7", trace({ entryCalls: [{ returned: "8", testLine: 1 }] }), "f")).toMatchObject({ errorType: "arithmetic-error" });
    expect(checkReturn("7", trace({ entryCalls: [{ raised: "IndexError", testLine: 1 }], verdict: "error" }), "f")).toMatchObject({ errorType: "hallucinated-step" });
    expect(checkStdout("7\n", "7   \n\n").label).toBe("correct");
    expect(checkStdout("7.0", "7\n").label).toBe("wrong");
    const err = trace({ verdict: "error", error: { type: "KeyError", message: "'a'", where: "solution.py:3 in f" } });
    expect(checkVerdict("error", "KeyError", err).label).toBe("correct");
    expect(checkVerdict("error", "IndexError", err)).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
    expect(checkVerdict("pass", undefined, err)).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
    expect(checkVerdict("pass", undefined, trace({ tampered: true })).label).toBe("unverifiable");
    expect(checkVerdict("pass", undefined, trace({ verdict: "output-limit" })).label).toBe("unverifiable");
    expect(checkVerdict("pass", undefined, trace({ verdict: "timeout" }))).toMatchObject({ label: "wrong", errorType: "hallucinated-step" });
  });
});
