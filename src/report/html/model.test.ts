import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { TrajectoryResult } from "../../core/trajectory-result.js";
import { latestResults } from "../results-file.js";
import { esc, scriptBody, scriptJson } from "./escape.js";
import { buildModel } from "./model.js";

const FILE = "fixtures/report/results.jsonl"; // a real verify run (fixtures/report/README.md)
const raw = readFileSync(FILE, "utf8").trim().split("\n").map((l) => JSON.parse(l));

const traj = (over: Partial<TrajectoryResult>): TrajectoryResult => ({
  id: "t", task: "planning", verdict: "pass", stages: [], steps: [], errors: [], firstWrongStep: -1, processScore: 1,
  durationMs: 10, cached: false, image: "i", key: "k", ...over,
});

describe("report model", () => {
  it("counts every kind's verdicts as the results file has them, code records apart", async () => {
    const { entries, unread } = await latestResults(FILE);
    const m = buildModel({ entries, unread });
    expect(unread).toEqual([]);
    for (const row of m.byKind) {
      const mine = raw.filter((r) => (r.task ?? "code") === row.kind);
      expect(row.total).toBe(mine.length);
      expect(row.pass).toBe(mine.filter((r) => r.verdict === "pass").length);
      expect(row.fail).toBe(mine.filter((r) => r.verdict !== "pass" && r.verdict !== "infra-error").length);
      if (row.kind !== "code") {
        const scores = mine.map((r) => r.processScore);
        expect(row.meanProcessScore).toBeCloseTo(scores.reduce((a: number, b: number) => a + b, 0) / scores.length, 3);
      }
    }
    expect(m.byKind.map((r) => r.kind).sort()).toEqual([...new Set(raw.map((r) => r.task ?? "code"))].sort());
    expect(m.totals.results).toBe(raw.length);
    expect(m.totals.passRate).toBeCloseTo(raw.filter((r) => r.verdict === "pass").length / raw.length, 4);
    const hallucinated = raw.flatMap((r) => r.steps ?? []).filter((s: any) => s.label === "wrong" && s.errorType === "hallucinated-step").length;
    expect(m.totals.hallucinatedSteps).toBe(hallucinated);
    expect(m.processScores.bins.reduce((a, b) => a + b.pass + b.fail, 0)).toBe(raw.filter((r) => r.task).length);
    expect(m.firstWrongStep.positions.reduce((a, p) => a + p.total, 0)).toBe(raw.filter((r) => r.task && r.firstWrongStep >= 0).length);
    expect(m.slowest[0]!.durationMs).toBe(Math.max(...raw.map((r) => r.durationMs)));
    expect(m.difficulty.available).toBe(false); // no records given
    expect(m.difficulty.note).toContain("--trajectories");
  });

  it("keeps infra errors out of pass rates, lists them, and buckets difficulty when records are known", () => {
    const entries = [
      { kind: "trajectory" as const, line: 1, result: traj({ id: "a", verdict: "pass", processScore: 1 }) },
      { kind: "trajectory" as const, line: 2, result: traj({ id: "b", verdict: "fail", processScore: 0.5, firstWrongStep: 1, errors: ["hallucinated-step"], steps: [
        { index: 0, name: "s0", label: "correct", evidence: "ok" }, { index: 1, name: "s1", label: "wrong", errorType: "hallucinated-step", evidence: "invented" }] }) },
      { kind: "trajectory" as const, line: 3, result: traj({ id: "c", verdict: "infra-error", processScore: 0, message: "engine gone" }) },
    ];
    const records = new Map([["a", { id: "a", x: 1 }], ["b", { id: "b", x: 2 }]]);
    const m = buildModel({ entries, unread: [{ line: 4, reason: "not a result" }], records, difficulty: (r) => ({ bucket: (r as { x: number }).x === 1 ? "easy" : "hard", score: 0.5 }) });
    expect(m.byKind).toEqual([{ kind: "planning", total: 3, pass: 1, fail: 1, infraError: 1, passRate: 0.5, meanProcessScore: 0.75 }]);
    expect(m.totals).toMatchObject({ graded: 2, infraErrors: 1, unread: 1, passRate: 0.5, hallucinatedSteps: 1 });
    expect(m.infraErrors).toEqual([{ id: "c", kind: "planning", message: "engine gone" }]);
    expect(m.errorTypes).toEqual([{ type: "hallucinated-step", trajectories: 1, steps: 1 }]);
    expect(m.firstWrongStep.relative).toEqual({ early: 0, middle: 0, late: 1 });
    expect(m.difficulty.available).toBe(true);
    expect(m.difficulty.buckets.map((b) => [b.bucket, b.total, b.pass])).toEqual([["easy", 1, 1], ["medium", 0, 0], ["hard", 1, 0]]);
    expect(m.samples.find((s) => s.id === "a")!.claim).toEqual({ id: "a", x: 1 });
  });

  it("reads a generated record's embedded verification as its result and the rest as its claim", async () => {
    const { classifyResult } = await import("../results-file.js");
    const v = traj({ id: "g1", verdict: "fail" });
    const item = classifyResult("gen.jsonl", 1, { id: "g1", task: "planning", plan: ["x"], verification: v });
    expect(item.ok && item.entry.kind === "trajectory" && item.entry.record).toEqual({ id: "g1", task: "planning", plan: ["x"] });
    const bad = classifyResult("gen.jsonl", 2, { id: "g2", verification: { id: "g2" } });
    expect(!bad.ok && bad.unread.reason).toMatch(/^gen\.jsonl:2 verification\.task/);
    const other = classifyResult("gen.jsonl", 3, { hello: 1 });
    expect(!other.ok && other.unread.reason).toContain("not a result");
  });
});

describe("page escaping", () => {
  it("cannot close the data script or inject markup", () => {
    const json = scriptJson({ s: "</script><script>alert(1)</script><!-- \u2028" });
    expect(json).not.toMatch(/<|>/);
    expect(JSON.parse(json)).toEqual({ s: "</script><script>alert(1)</script><!-- \u2028" });
    expect(scriptBody('var a = "</script>";')).toBe('var a = "<\\/script>";');
    expect(esc(`<a href="x">'&`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;");
  });
});

describe("judged steps in the report model", () => {
  it("are listed apart, wrong first, and left out of the error types and hallucinated steps", () => {
    const r = {
      id: "j", task: "planning" as const, verdict: "pass" as const, stages: [], errors: ["hallucinated-step" as const], firstWrongStep: 1, processScore: 0.667, durationMs: 1, cached: false, image: "", key: "j",
      steps: [
        { index: 0, name: "a", label: "correct" as const, evidence: "judge (m): fine", source: "judge" as const, model: "m", confidence: 1 },
        { index: 1, name: "b", label: "wrong" as const, errorType: "hallucinated-step" as const, evidence: "judge (m): invented", source: "judge" as const, model: "m", confidence: 0.667 },
      ],
    };
    const m = buildModel({ entries: [{ kind: "trajectory", line: 1, result: r }], unread: [] });
    expect(m.errorTypes).toEqual([]);
    expect(m.totals.hallucinatedSteps).toBe(0);
    expect(m.judged.map((j) => [j.index, j.label, j.model, j.confidence])).toEqual([[1, "wrong", "m", 0.667], [0, "correct", "m", 1]]);
  });
});
