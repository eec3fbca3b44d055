import { describe, expect, it } from "vitest";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { SandboxLimits } from "../sandbox/limits.js";
import { Cascade, HardStop } from "./cascade.js";
import { defineTask, type TrajectoryJudge } from "./types.js";
import { verifyTrajectory } from "./verify-trajectory.js";

describe("Cascade", () => {
  it("keeps the first error of a step and never upgrades a wrong step", () => {
    const c = new Cascade(["claim", "code", "result"]);
    c.correct(0, "ok");
    c.wrong(1, "hallucinated-step", "numpy is not in the image");
    c.wrong(1, "syntax-error", "later finding");
    c.correct(1, "would hide the error");
    expect(c.steps[1]).toMatchObject({ label: "wrong", errorType: "hallucinated-step", evidence: "numpy is not in the image" });
    expect(c.firstWrongStep).toBe(1);
    expect(c.errors).toEqual(["hallucinated-step"]);
    // correct 1 + wrong 0 + unverifiable 0.5, over 3
    expect(c.processScore).toBe(0.5);
  });

  it("records stage outcomes: a wrong label fails the stage, HardStop halts the later ones", async () => {
    const c = new Cascade(["a", "b"]);
    await c.stage("static", () => {
      c.wrong(0, "syntax-error", "line 2");
      throw new HardStop("the code does not parse");
    });
    await c.stage("execute", () => c.correct(1, "ran"));
    expect(c.stages.map((s) => [s.stage, s.status])).toEqual([
      ["static", "fail"],
      ["execute", "skipped"],
    ]);
    expect(c.steps[1]!.label).toBe("unverifiable");
  });

  it("turns a sandbox failure into an infra error, and rethrows bugs", async () => {
    const c = new Cascade(["a"]);
    await c.stage("execute", () => {
      throw new VouchError("SANDBOX_UNAVAILABLE", "container gone");
    });
    expect(c.infraError).toBe("container gone");
    expect(c.stages[0]!.status).toBe("error");
    await expect(new Cascade([]).stage("static", () => {
      throw new TypeError("bug");
    })).rejects.toThrow("bug");
  });
});

// A toy kind: the claim must be "yes"; only static checks, so no sandbox is needed.
const toy = defineTask({
  kind: "planning",
  title: "toy",
  schema: z.object({ id: z.string(), task: z.literal("planning"), claim: z.string(), steps: z.array(z.string()).min(1) }),
  steps: (rec) => rec.steps,
  static: (rec, c) => {
    if (rec.claim === "yes") c.correct(0, "the claim is yes");
    else c.wrong(0, "logical-leap", `the claim is ${rec.claim}`);
  },
  execute: async (_rec, c) => c.correct(1, "ran"),
});

const ctx = { modules: new Set<string>(), image: "", limits: SandboxLimits.parse({}) };

describe("verifyTrajectory", () => {
  it("runs schema and static, skips execute without a sandbox and judge without an endpoint", async () => {
    const r = await verifyTrajectory(toy, { id: "t1", task: "planning", claim: "yes", steps: ["s0", "s1"] } as { id: string }, ctx);
    expect(r.verdict).toBe("pass");
    expect(r.stages.map((s) => `${s.stage}:${s.status}`)).toEqual(["schema:pass", "static:pass", "execute:skipped", "judge:skipped"]);
    expect(r.steps.map((s) => s.label)).toEqual(["correct", "unverifiable"]);
    expect(r.processScore).toBe(0.75);
  });

  it("fails a trajectory with a wrong step and names the step", async () => {
    const r = await verifyTrajectory(toy, { id: "t2", task: "planning", claim: "no", steps: ["s0", "s1"] } as { id: string }, ctx);
    expect(r).toMatchObject({ verdict: "fail", firstWrongStep: 0, errors: ["logical-leap"] });
  });

  it("gives a record that breaks its schema a failed schema stage with field paths", async () => {
    const r = await verifyTrajectory(toy, { id: "t3", task: "planning", claim: 3 } as { id: string }, ctx);
    expect(r.verdict).toBe("fail");
    expect(r.stages[0]).toMatchObject({ stage: "schema", status: "fail" });
    expect(r.stages[0]!.findings.join(" ")).toMatch(/claim: .*expected string/);
    expect(r.stages[0]!.findings.join(" ")).toMatch(/steps: /);
  });
});

// The judge stage's wiring, with a judge written out here (the LLM judge itself: src/judge/judge.test.ts).
describe("verifyTrajectory: the judge stage", () => {
  const noRun = defineTask({ ...toy, execute: undefined });
  const judge = (label: "correct" | "wrong"): TrajectoryJudge => ({
    key: `toy-${label}`,
    weight: 0.5,
    judge: async (_kind, _rec, c) => {
      c.steps.forEach((s, i) => s.label === "unverifiable" && c.judged(i, { label, ...(label === "wrong" ? { errorType: "logical-leap" as const } : {}), evidence: "read", model: "m" }));
    },
  });
  const rec = { id: "j1", task: "planning", claim: "yes", steps: ["s0", "s1"] } as { id: string };

  it("labels what is left unverifiable, weighted in the score; a judged wrong step does not fail the verdict", async () => {
    const r = await verifyTrajectory(noRun, rec, { ...ctx, judge: judge("wrong") });
    expect(r.stages.map((s) => `${s.stage}:${s.status}`)).toEqual(["schema:pass", "static:pass", "execute:skipped", "judge:fail"]);
    expect(r.steps[1]).toMatchObject({ label: "wrong", source: "judge", model: "m", errorType: "logical-leap" });
    expect(r.verdict).toBe("pass");
    expect(r.processScore).toBe(0.667); // (1 + 0.5 * 0) / 1.5
    expect(r).toMatchObject({ firstWrongStep: -1, errors: [] }); // the judge's labels stay on its steps
  });

  it("is skipped when execution could run but did not (static only), and keyed apart in the result cache", async () => {
    const r = await verifyTrajectory(toy, rec, { ...ctx, judge: judge("correct") });
    expect(r.stages.at(-1)).toMatchObject({ stage: "judge", status: "skipped", findings: [expect.stringContaining("static only")] });
    expect(r.steps[1]!.label).toBe("unverifiable");
    const a = await verifyTrajectory(noRun, rec, { ...ctx, judge: judge("correct") });
    const b = await verifyTrajectory(noRun, rec, ctx);
    expect(a.key).not.toBe(b.key);
  });
});
