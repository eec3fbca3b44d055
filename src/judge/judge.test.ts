// The judge against the local fake endpoint (test/support/fake-openai.ts) replaying authored replies
// (fixtures/llm/judge-*.jsonl, written for real records: fixtures/report/results.jsonl is a real verify run).
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../test/support/fake-openai.js";
import { TrajectoryResult } from "../core/trajectory-result.js";
import { createLlm } from "../llm/client.js";
import { evaluateRecord } from "../math/evaluate.js";
import { MathRecord } from "../math/schema.js";
import { Cascade, processScoreOf } from "../tasks/cascade.js";
import { taskFor } from "../tasks/registry.js";
import { createStepJudge, majority } from "./ask.js";
import { judgeEval } from "./eval.js";
import { questionsFor } from "./kinds.js";
import { mathJudge } from "./math.js";
import { JudgeQuestion } from "./question.js";
import { quotedFrom } from "./reply.js";
import { trajectoryJudge } from "./trajectory.js";

const REPLIES = "fixtures/llm/judge-replies.jsonl";
const FAILURES = "fixtures/llm/judge-failures.jsonl";
const LABELLED = "fixtures/judge/labelled.jsonl";
const MODEL = "recorded-judge";

const jsonl = (f: string) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, any>);
const records = new Map<string, Record<string, any>>();
for (const f of readdirSync("fixtures/trajectories").filter((n) => n.endsWith(".jsonl"))) for (const r of jsonl(`fixtures/trajectories/${f}`)) records.set(r.id, r);
const results = new Map(jsonl("fixtures/report/results.jsonl").filter((r) => r.task).map((r) => [r.id as string, TrajectoryResult.parse(r)]));

// A record's cascade as the real verify run left it before the judge: its steps and what execution measured.
function verified(id: string): { rec: unknown; c: Cascade; kind: TrajectoryResult["task"] } {
  const result = results.get(id)!;
  const rec = taskFor(result.task)!.schema.parse(records.get(id));
  const c = new Cascade(result.steps.map((s) => s.name));
  result.steps.forEach((s, i) => Object.assign(c.steps[i]!, structuredClone(s)));
  Object.assign(c.observed, result.observed ?? {});
  return { rec, c, kind: result.task };
}

function judgeOn(server: FakeOpenAI, opts: { cacheDir?: string | false; samples?: number; timeoutMs?: number } = {}) {
  const llm = createLlm({ baseUrl: server.url, model: MODEL, cacheDir: opts.cacheDir ?? false, retryBaseMs: 1, maxRetries: 1, timeoutMs: opts.timeoutMs ?? 5000 });
  return { llm, judge: createStepJudge({ llm, samples: opts.samples ?? 1 }) };
}

let server: FakeOpenAI;
beforeAll(async () => {
  server = await startFakeOpenAI({ recordings: [REPLIES] });
});
afterAll(() => server.close());

describe("reply validation", () => {
  it("a quote must come from the step (whitespace, case and surrounding quote marks aside)", () => {
    expect(quotedFrom('"Range(1,  n) never reaches n"', "Every count is one short: range(1, n) never reaches n.")).toBe(true);
    expect(quotedFrom("all 4 tests pass", "sort the distinct values")).toBe(false);
    expect(quotedFrom("  ", "anything")).toBe(false);
  });

  it("k samples: the majority label, its agreement as confidence; a tie or no valid sample leaves no label", () => {
    const r = (label: "correct" | "wrong") => ({ ok: true as const, reply: { label, error_type: label === "wrong" ? ("logical-leap" as const) : null, quote: "q", reason: label } });
    expect(majority([r("wrong"), r("correct"), r("wrong")])).toMatchObject({ ok: true, label: "wrong", errorType: "logical-leap", confidence: 0.667, agreeing: 2, samples: 3 });
    expect(majority([r("wrong"), r("correct")])).toMatchObject({ ok: false, reason: expect.stringContaining("split 1 correct / 1 wrong") });
    expect(majority([{ ok: false, reason: "timed out" }, { ok: false, reason: "timed out" }])).toEqual({ ok: false, reason: "judge failed: timed out" });
  });
});

describe("every question type, against the recorded endpoint", () => {
  it("judge-eval asks each labelled step once per sample and scores it per type", async () => {
    const { llm, judge } = judgeOn(server);
    const report = await judgeEval(LABELLED, judge);
    expect(Object.keys(report.byType).sort()).toEqual(["explanation", "math-step", "plan-step", "reflection", "root-cause"]);
    expect(report.overall).toMatchObject({ questions: 28, answered: 28, agree: 24 });
    // the four authored disagreements: two misses (explanation, reflection), two false alarms (plan step, math step)
    expect(report.disagreements.map((d) => `${d.id} ${d.expected}->${d.got}`).sort()).toEqual([
      "b3-n07#1 correct->wrong",
      "er-flaw-special-case#3 wrong->correct",
      "erm-flaw-last-turn-fails#2 wrong->correct",
      "plan/mbpp-61-claims-linear#1 correct->wrong",
    ]);
    expect(report.byType.reflection).toMatchObject({ questions: 5, precision: 1, recall: 0.667 });
    expect(Object.keys(llm.usage().byPurpose).sort()).toEqual(["judge:explanation", "judge:math-step", "judge:plan-step", "judge:reflection", "judge:root-cause"]);
  });

  it("--judge-samples 3: the majority decides and the samples' agreement is the confidence", async () => {
    const { judge } = judgeOn(server, { samples: 3 });
    const report = await judgeEval(LABELLED, judge);
    // two dissenting samples catch the reflection's bad advice the first sample missed
    expect(report.disagreements.map((d) => d.id)).not.toContain("erm-flaw-last-turn-fails#2");
    expect(report.byType.reflection).toMatchObject({ agreement: 1, meanConfidence: 0.933 });
  });
});

describe("the judge stage on real trajectories", () => {
  it("labels an unverifiable plan step, with source judge, the model, the quote, and a lower weight", async () => {
    const { judge } = judgeOn(server);
    const { rec, c, kind } = verified("plan/mbpp-96-claims-sqrt");
    await c.stage("judge", () => trajectoryJudge(judge, 0.5).judge(kind, rec, c));
    const chosen = c.steps[1]!;
    expect(chosen).toMatchObject({ label: "wrong", errorType: "logical-leap", source: "judge", model: MODEL, confidence: 1 });
    expect(chosen.evidence).toContain('quoting "divisors pair up so this is O(sqrt n)"');
    expect(c.stages.at(-1)).toMatchObject({ stage: "judge", status: "fail" });
    // a judged wrong step lowers the score less than an executed one would
    const executedWrong = c.steps.map((s, i) => (i === 1 ? { ...s, source: undefined } : s));
    expect(processScoreOf(c.steps, 0.5)).toBeGreaterThan(processScoreOf(executedWrong, 0.5));
  });

  it("process score: a judged step weighs --judge-weight, an executed one 1", () => {
    const step = (label: "correct" | "wrong" | "unverifiable", judged = false) => ({ index: 0, name: "s", label, evidence: "", ...(judged ? { source: "judge" as const } : {}) });
    expect(processScoreOf([step("correct"), step("unverifiable")])).toBe(0.75);
    expect(processScoreOf([step("correct"), step("wrong")])).toBe(0.5);
    expect(processScoreOf([step("correct"), step("wrong", true)])).toBe(0.667); // (1 + 0.5 * 0) / 1.5
    expect(processScoreOf([step("correct"), step("wrong", true)], 1)).toBe(0.5);
    expect(processScoreOf([step("correct"), step("wrong", true)], 0)).toBe(1);
    expect(processScoreOf([step("wrong", true)], 0)).toBe(0);
  });

  it("asks only about unverifiable steps, never about one execution decided", async () => {
    const { c, rec, kind } = verified("er-flaw-special-case");
    expect(questionsFor(kind, rec, c)).toEqual([]); // diagnosis and explanation were both decided by the run
    const before = server.requests();
    const { judge } = judgeOn(server);
    await trajectoryJudge(judge, 0.5).judge(kind, rec, c);
    expect(server.requests()).toBe(before);
  });

  it("a judge reply contradicting execution is ignored, and said so", async () => {
    const { judge } = judgeOn(server);
    const { rec, c, kind } = verified("er-flaw-special-case");
    // the explanation of a patch that execution found to be a pseudo-fix, left undecided by the earlier stages
    expect(c.steps[2]).toMatchObject({ label: "wrong", errorType: "pseudo-fix" });
    Object.assign(c.steps[3]!, { label: "unverifiable", evidence: "not decided by the rules" });
    await c.stage("judge", () => trajectoryJudge(judge, 0.5).judge(kind, rec, c));
    expect(c.steps[3]).toMatchObject({ label: "unverifiable" });
    expect(c.steps[3]!.source).toBeUndefined();
    expect(c.steps[3]!.evidence).toContain("contradicts execution: step 2 (patch)");
    expect(c.stages.at(-1)!.findings.join("\n")).toMatch(/step 3 \(explanation\): judge reply ignored: .* contradicts execution/);
  });

  it("a step with no text to quote (an empty reflection) gets no question, and the record goes on", async () => {
    const { judge } = judgeOn(server);
    const { rec, c, kind } = verified("erm-flaw-last-turn-fails");
    (rec as { turns: Array<{ reflection?: string }> }).turns[0]!.reflection = "";
    Object.assign(c.steps[2]!, { label: "unverifiable", evidence: "not decided" });
    const before = server.requests();
    await c.stage("judge", () => trajectoryJudge(judge, 0.5).judge(kind, rec, c));
    expect(server.requests()).toBe(before);
    expect(c.steps[2]).toMatchObject({ label: "unverifiable", evidence: "not decided" });
    expect(c.stages.at(-1)!.findings.join("\n")).toMatch(/step 2 \(turn 0 reflection\): no judge question: text: /);
  });

  it("never overrides a decided step, even when asked to", () => {
    const c = new Cascade(["a"]);
    c.wrong(0, "runtime-error", "ZeroDivisionError");
    expect(c.judged(0, { label: "correct", evidence: "looks fine", model: MODEL })).toContain("already labelled it wrong");
    expect(c.steps[0]).toMatchObject({ label: "wrong", errorType: "runtime-error", evidence: "ZeroDivisionError" });
  });

  it("invalid, off-quote and timed-out replies leave their steps unverifiable with the reason; the others are judged", async () => {
    // the failure recordings first: on a tie of match strings the first recording wins
    const failing = await startFakeOpenAI({ recordings: [FAILURES, REPLIES] });
    const { llm, judge } = judgeOn(failing, { timeoutMs: 300 });
    const tj = trajectoryJudge(judge, 0.5);
    const doubling = verified("plan/mbpp-167-doubling");
    const sorted = verified("plan/mbpp-755-sorted-set");
    const scans = verified("plan/mbpp-755-plan-sorts-code-scans");
    const impl = verified("impl/755-sound");
    await Promise.all([doubling, sorted, scans, impl].map(({ rec, c, kind }) => c.stage("judge", () => tj.judge(kind, rec, c))));
    expect(doubling.c.steps[0]).toMatchObject({ label: "unverifiable", evidence: expect.stringContaining("reply rejected: ") });
    expect(doubling.c.steps[0]!.evidence).toContain("label");
    expect(sorted.c.steps[1]).toMatchObject({ label: "unverifiable", evidence: expect.stringMatching(/reply rejected: .*quote.*"all 4 tests pass" is not in the step/) });
    expect(impl.c.steps[0]).toMatchObject({ label: "unverifiable", evidence: expect.stringContaining("timed out after 300 ms") });
    expect(impl.c.stages.at(-1)!.findings.join("\n")).toContain("step 0 (requirements): left unverifiable: ");
    // the re-ask recovered an off-quote reply; a reply wrapped in prose was extracted
    expect(scans.c.steps[1]).toMatchObject({ label: "correct", source: "judge" });
    expect(scans.c.steps[0]).toMatchObject({ label: "correct", source: "judge", evidence: expect.stringContaining("it would return the minimum twice") });
    // the other steps of the same records were judged
    expect(doubling.c.steps[1]).toMatchObject({ label: "correct", source: "judge" });
    expect(sorted.c.steps[0]).toMatchObject({ label: "correct", source: "judge" });
    expect(llm.usage().reasks).toBe(3);
    await failing.close();
  });

  it("a dead endpoint: after 3 unreachable requests the judge stops asking, and the steps say why", async () => {
    const llm = createLlm({ baseUrl: "http://127.0.0.1:9/v1", model: MODEL, cacheDir: false, retryBaseMs: 1, maxRetries: 1, timeoutMs: 2000 });
    const judge = createStepJudge({ llm });
    const questions = jsonl(LABELLED).slice(0, 6).map((q) => JudgeQuestion.parse(q));
    const answers = [];
    for (const q of questions) answers.push(await judge.ask(q));
    expect(answers.every((a) => !a.ok)).toBe(true);
    expect(llm.usage().requests).toBe(6); // 3 questions x (1 try + 1 retry), then none
    expect(answers.slice(3).map((a) => (a.ok ? "" : a.reason))).toEqual(Array(3).fill(expect.stringContaining("the judge stopped asking: the endpoint failed 3 requests in a row")));
  });

  it("a re-run is served entirely from the cache, with the same labels", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "vouch-judge-cache-"));
    const ids = ["plan/mbpp-96-claims-sqrt", "plan/mbpp-167-bitlength-zero", "er-flaw-edits-tests", "er-flaw-patch-does-not-apply"];
    const run = async () => {
      const { llm, judge } = judgeOn(server, { cacheDir });
      const tj = trajectoryJudge(judge, 0.5);
      const cs = ids.map(verified);
      await Promise.all(cs.map(({ rec, c, kind }) => tj.judge(kind, rec, c)));
      return { steps: cs.map(({ c }) => c.steps), usage: llm.usage() };
    };
    const first = await run();
    expect(first.usage.requests).toBeGreaterThan(0);
    const sent = server.requests();
    const second = await run();
    expect(server.requests()).toBe(sent);
    expect(second.usage).toMatchObject({ requests: 0, cachedReplies: first.usage.requests });
    expect(second.steps).toEqual(first.steps);
    expect(second.steps[2]![1]).toMatchObject({ label: "wrong", errorType: "hallucinated-step", source: "judge" }); // the diagnosis blaming the tests
  });
});

describe("the math judge seam", () => {
  it("labels the undecided steps of a real solution, with the model; an unanswered step keeps its label and says why", async () => {
    const { judge } = judgeOn(server);
    const raw = readFileSync("fixtures/math/blind3.jsonl", "utf8").split("\n").find((l) => l.includes('"b3-u08"'))!;
    const r = await evaluateRecord(MathRecord.parse(JSON.parse(raw)), { judge: mathJudge(judge) });
    expect(r.steps[2]).toMatchObject({ label: "undefined-variable", by: "judge", model: MODEL, confidence: 1 });
    expect(r.first_error_step).toBe(2);
    const unanswered = r.steps.filter((s) => s.evidence.includes("judge failed"));
    for (const s of unanswered) expect(["unverifiable", "unparseable"]).toContain(s.label);
  });

  it("a question reads the same on a re-run whose timings differ (no milliseconds in the prompt)", () => {
    const a = verified("plan/mbpp-96-claims-sqrt");
    const b = verified("plan/mbpp-96-claims-sqrt");
    (b.c.observed.timing as { points: Array<{ ms: number }> }).points[0]!.ms += 1.5;
    expect(questionsFor(b.kind, b.rec, b.c)).toEqual(questionsFor(a.kind, a.rec, a.c));
  });

  it("questions carry the evidence execution gathered", () => {
    const { rec, c, kind } = verified("er-flaw-edits-tests");
    const [q] = questionsFor(kind, rec, c).map((x) => JudgeQuestion.parse(x));
    expect(q).toMatchObject({ type: "root-cause", index: 1, restsOn: [0] });
    expect(q!.evidence["run of the buggy code"]).toContain("AssertionError: got 3, expected 4");
  });
});
