import { describe, expect, it } from "vitest";
import { imageModules } from "../../analysis/index.js";
import { codeProblems, designDepartures } from "./code-checks.js";
import { judgeEdgeCase } from "./edge-cases.js";
import { Design, EdgeCase } from "./schema.js";

const modules = imageModules();
const design = (fns: { name: string; calls?: string[] }[]) => Design.parse({ approach: "x", functions: fns.map((f) => ({ role: "r", ...f })) });
const edge = (e: object) => EdgeCase.parse({ call: "f([])", reason: "r", ...e });

describe("code problems found by parsing", () => {
  it("finds nothing in clean code", () => {
    expect(codeProblems("import math\n\ndef f(x):\n    return math.sqrt(x)\n", "f", modules)).toEqual([]);
  });

  it("names a syntax error with its line", () => {
    const p = codeProblems("def f(x):\n    return [y for y in x\n", "f", modules);
    expect(p[0]?.type).toBe("syntax-error");
    expect(p[0]?.evidence).toMatch(/^line \d+:\d+: /);
  });

  it("calls an import the image lacks and a name never defined hallucinated steps", () => {
    const p = codeProblems("from sympy import divisor_count\n\ndef f(n):\n    return divisor_count(n) + isqrt(n)\n", "f", modules);
    expect(p).toEqual([
      { type: "hallucinated-step", evidence: "line 1 imports sympy, which does not exist in the sandbox image (invented API)" },
      { type: "hallucinated-step", evidence: "line 4 uses isqrt, which is never defined or imported" },
    ]);
  });

  it("reports a missing entry point", () => {
    expect(codeProblems("def g(x):\n    return x\n", "f", modules)).toEqual([expect.objectContaining({ type: "inconsistent-step" })]);
  });
});

describe("design against code", () => {
  const code = "def helper(n):\n    return n * 2\n\ndef f(xs):\n    return sum(map(helper, xs))\n\ndef g(xs):\n    return [helper(x) for x in xs]\n";

  it("matches designed functions and their calls, a function passed as a value counting as used", () => {
    const r = designDepartures(design([{ name: "helper" }, { name: "f", calls: ["helper"] }, { name: "g", calls: ["helper"] }]), code);
    expect(r.departures).toEqual([]);
    expect(r.matched).toHaveLength(3);
  });

  it("matches a designed call written with its module (math.isqrt), called as an attribute or imported by name", () => {
    const attr = "import math\n\ndef squares(a, b):\n    return math.isqrt(b) - math.isqrt(a - 1)\n";
    expect(designDepartures(design([{ name: "squares", calls: ["math.isqrt"] }]), attr).departures).toEqual([]);
    const named = "from math import isqrt\n\ndef squares(a, b):\n    return isqrt(b) - isqrt(a - 1)\n";
    expect(designDepartures(design([{ name: "squares", calls: ["math.isqrt"] }]), named).departures).toEqual([]);
    expect(designDepartures(design([{ name: "squares", calls: ["math.floor"] }]), attr).departures).toHaveLength(1);
  });

  it("reports a designed function the code lacks and a designed call it never makes", () => {
    const r = designDepartures(design([{ name: "validate" }, { name: "helper", calls: ["g"] }]), code);
    expect(r.departures).toHaveLength(2);
    expect(r.departures[0]).toMatch(/names validate .* defines no such function \(it defines: helper, f, g\)/);
    expect(r.departures[1]).toMatch(/helper calls g, but helper \(lines 1-2\) never calls it/);
  });
});

describe("edge-case judgement", () => {
  it("with a reference: a matching value is correct, a contradicted one a hallucinated step", () => {
    expect(judgeEdgeCase(edge({ expected: "1" }), { kind: "value", repr: "1" }, undefined, "1").label).toBe("correct");
    expect(judgeEdgeCase(edge({ expected: "0" }), { kind: "value", repr: "1" }, undefined, "0")).toEqual({
      label: "wrong",
      type: "hallucinated-step",
      evidence: "the reference returns 1 on f([]), not 0 as claimed",
    });
    expect(judgeEdgeCase(edge({ raises: "ValueError" }), { kind: "value", repr: "None" }, undefined, undefined)).toMatchObject({ label: "wrong", type: "hallucinated-step" });
  });

  it("with a reference that raises: the same exception is correct, otherwise the input is outside the problem", () => {
    const raised = { kind: "raised" as const, type: "ValueError", message: "min() arg is an empty sequence", where: null };
    expect(judgeEdgeCase(edge({ raises: "ValueError" }), raised, undefined, undefined).label).toBe("correct");
    expect(judgeEdgeCase(edge({ expected: "0" }), raised, undefined, "0").label).toBe("unverifiable");
  });

  it("without a reference: only a disagreement with the code is a finding", () => {
    expect(judgeEdgeCase(edge({ expected: "0" }), undefined, { kind: "value", repr: "0" }, "0").label).toBe("unverifiable");
    expect(judgeEdgeCase(edge({ expected: "0" }), undefined, { kind: "value", repr: "None" }, "0")).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(judgeEdgeCase(edge({ expected: "0" }), undefined, undefined, "0").label).toBe("unverifiable");
  });
});
