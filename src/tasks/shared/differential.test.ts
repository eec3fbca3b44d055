import { describe, expect, it } from "vitest";
import type { SuiteResult } from "../../core/result.js";
import {
  agrees,
  asTuple,
  comparable,
  callInput,
  functionalFailure,
  guardedReference,
  OUTSIDE_DOMAIN,
  outcomesFor,
  specInputs,
  suiteFailure,
  testInputs,
  type DiffCase,
} from "./differential.js";

const suite = (verdict: SuiteResult["verdict"], tests: [string, SuiteResult["tests"][number]["status"], string?][], message?: string): SuiteResult => ({
  verdict,
  tests: tests.map(([name, status, msg]) => ({ name, status, durationMs: 1, ...(msg ? { message: msg } : {}) })),
  truncated: false,
  ...(message ? { message } : {}),
});

describe("test-input extraction", () => {
  it("turns an argument list into the tuple the call harness takes, a single argument included", () => {
    expect(asTuple("(5)")).toBe("(5,)");
    expect(asTuple("((1, 2))")).toBe("((1, 2),)");
    expect(asTuple("(1, [2, 3])")).toBe("(1, [2, 3],)");
    expect(asTuple("(x,)")).toBe("(x,)");
    expect(asTuple("()")).toBe("()");
  });

  it("takes every call of the entry point in assert tests, in order, once each, ignoring other functions", () => {
    const code = "assert f(3) == 9\nassert set(f([1, 2])) == {1}\nassert g(4) == 1\nassert f(3) == 9\nassert math.isclose(f(0.5), 0.25)\n";
    expect(testInputs(code, "f")).toEqual(["(3,)", "([1, 2],)", "(0.5,)"]);
    expect(specInputs({ kind: "assert", code }, "g")).toEqual(["(4,)"]);
    expect(specInputs({ kind: "io", cases: [{ input: "1", output: "1" }], compare: "whitespace", tolerance: 1e-6 }, "f")).toEqual([]);
  });

  it("reads a written call of the entry point, and nothing from a call of another function", () => {
    expect(callInput("second_smallest([1, 1])", "second_smallest")).toBe("([1, 1],)");
    expect(callInput("other([1, 1])", "second_smallest")).toBeUndefined();
  });
});

describe("guarded reference", () => {
  it("is the reference itself without a domain, and a checking wrapper with one", () => {
    expect(guardedReference("def f(n):\n    return n\n", "f")).toEqual({ code: "def f(n):\n    return n\n", entry: "f" });
    const g = guardedReference("def f(n):\n    return n\n", "f", "lambda n: n >= 0");
    expect(g.entry).not.toBe("f");
    expect(g.code).toContain(`def ${g.entry}(*args):`);
    expect(g.code).toContain("if not (lambda n: n >= 0)(*args):");
    expect(g.code).toContain(JSON.stringify(OUTSIDE_DOMAIN));
    expect(g.code).toContain("return f(*args)");
  });
});

describe("outcomes", () => {
  it("maps harness lines by index; inputs never reached get the job's limit or load error", () => {
    const outs = outcomesFor(
      4,
      [
        { i: 0, ok: true, repr: "3", ms: 1 },
        { i: 1, ok: false, error: { type: "IndexError", message: "list index out of range", where: "solution.py:2 in f" }, ms: 1 },
        { i: 2, ok: false, badInput: { type: "NameError", message: "name 'x' is not defined", where: null } },
      ],
      { limit: "timeout", stderr: "" },
    );
    expect(outs.map((o) => o.kind)).toEqual(["value", "raised", "bad-input", "stopped"]);
    expect(outs[3]).toEqual({ kind: "stopped", limit: "timeout" });
    const unloaded = outcomesFor(1, [], { loadError: { type: "SyntaxError", message: "bad", where: null }, stderr: "" });
    expect(unloaded[0]).toEqual({ kind: "not-loaded", message: "SyntaxError: bad" });
  });

  it("an object known only by its address is opaque, and a case with one on either side is not compared", () => {
    const [obj, val] = outcomesFor(2, [{ i: 0, ok: true, repr: "<Node object at 0x7f3a2b1c>", ms: 1 }, { i: 1, ok: true, repr: "[1]", ms: 1 }], { stderr: "" });
    expect(obj).toEqual({ kind: "opaque", repr: "<Node object at 0x7f3a2b1c>" });
    expect(val!.kind).toBe("value");
    const c = (reference: DiffCase["reference"], code: DiffCase["code"]): DiffCase => ({ input: "(1,)", origin: "test", reference, code, agree: agrees(reference, code) });
    expect(comparable(c(val!, obj!))).toBe(false);
    expect(comparable(c(obj!, val!))).toBe(false);
    expect(comparable(c(val!, val!))).toBe(true);
    // so an opaque return never makes a sound patch a pseudo-fix
    expect(functionalFailure({ diff: { cases: [c(val!, obj!), c(obj!, { kind: "opaque", repr: "<Node object at 0x1>" })] } })).toBeUndefined();
  });

  it("agrees only when both return the same value (numbers to 1e-9)", () => {
    expect(agrees({ kind: "value", repr: "20.0" }, { kind: "value", repr: "20" })).toBe(true);
    expect(agrees({ kind: "value", repr: "[1, 2]" }, { kind: "value", repr: "[2, 1]" })).toBe(false);
    expect(agrees({ kind: "value", repr: "1" }, { kind: "raised", type: "ValueError", message: "", where: null })).toBe(false);
    expect(agrees({ kind: "raised", type: "ValueError", message: "", where: null }, { kind: "raised", type: "ValueError", message: "", where: null })).toBe(false);
  });
});

describe("failures", () => {
  it("classifies a suite by its first failing test, or by the crash when no test ran", () => {
    expect(suiteFailure(suite("pass", [["t", "pass"]]))).toBeUndefined();
    expect(suiteFailure(suite("fail", [["a", "pass"], ["b", "fail", "got 7, expected 9"]]))).toEqual({ type: "wrong-answer", evidence: "1/2 pass; b: fail (got 7, expected 9)" });
    expect(suiteFailure(suite("fail", [["a", "error", "ZeroDivisionError: division by zero"]]))?.type).toBe("runtime-error");
    expect(suiteFailure(suite("timeout", [["a", "timeout"]]))?.type).toBe("timeout");
    expect(suiteFailure(suite("error", [], "SyntaxError: invalid syntax (solution.py, line 2)"))?.type).toBe("syntax-error");
    expect(suiteFailure(suite("error", [], "ImportError: no module"))?.type).toBe("runtime-error");
  });

  it("reports visible before hidden before differential, and ignores inputs outside the reference's domain", () => {
    const outside: DiffCase = { input: "([],)", origin: "edge", reference: { kind: "raised", type: "ValueError", message: "", where: null }, code: { kind: "value", repr: "0" }, agree: false };
    const off: DiffCase = { input: "(8,)", origin: "generated", reference: { kind: "value", repr: "8" }, code: { kind: "value", repr: "16" }, agree: false };
    const ok = suite("pass", [["t", "pass"]]);
    expect(functionalFailure({ visible: ok, diff: { cases: [outside] } })).toBeUndefined();
    expect(functionalFailure({ visible: ok, diff: { cases: [outside, off] } })).toEqual({
      where: "differential",
      type: "wrong-answer",
      evidence: "generated input (8,): the reference returns 8, the code returns 16",
    });
    expect(functionalFailure({ visible: ok, hidden: suite("fail", [["h", "fail"]]), diff: { cases: [off] } })?.where).toBe("hidden");
    expect(functionalFailure({ visible: suite("fail", [["v", "error"]]), diff: { cases: [off] } })).toMatchObject({ where: "visible", type: "runtime-error" });
  });
});
