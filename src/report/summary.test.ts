import { describe, expect, it } from "vitest";
import { Verdict, type VerifyResult } from "../core/result.js";
import type { TrajectoryResult } from "../core/trajectory-result.js";
import { BatchSummary, formatSummaryMarkdown, formatSummaryText, percentile, SummaryBuilder } from "./summary.js";

const result = (id: string, verdict: Verdict, durationMs: number, cached = false): VerifyResult => ({
  id,
  verdict,
  tests: [],
  durationMs,
  truncated: false,
  attempts: 1,
  cached,
  image: "vouch-python:test",
  key: `key-${id}`,
});

// 10 results: 6 pass, 2 fail, 1 timeout, 1 infra-error; latencies 10..100 ms.
function sample(): SummaryBuilder {
  const b = new SummaryBuilder();
  const verdicts: Verdict[] = ["pass", "pass", "fail", "pass", "timeout", "pass", "infra-error", "pass", "fail", "pass"];
  verdicts.forEach((v, i) => b.add(result(`r${i}`, v, (i + 1) * 10)));
  return b;
}

describe("percentile", () => {
  it("uses the nearest rank", () => {
    const xs = [15, 20, 35, 40, 50];
    expect(percentile(xs, 5)).toBe(15);
    expect(percentile(xs, 30)).toBe(20);
    expect(percentile(xs, 40)).toBe(20);
    expect(percentile(xs, 50)).toBe(35);
    expect(percentile(xs, 100)).toBe(50);
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([], 50)).toBe(0);
  });
  it("takes p95 of 1..100 as 95 and of 1..20 as 19", () => {
    const to = (n: number) => Array.from({ length: n }, (_, i) => n - i); // unsorted on purpose
    expect(percentile(to(100), 95)).toBe(95);
    expect(percentile(to(20), 95)).toBe(19);
    expect(percentile(to(20), 50)).toBe(10);
  });
});

describe("SummaryBuilder", () => {
  it("counts every verdict, with all keys present", () => {
    const s = sample().finish(2_000);
    expect(Object.keys(s.byVerdict).sort()).toEqual([...Verdict.options].sort());
    expect(s.byVerdict).toEqual({ pass: 6, fail: 2, error: 0, timeout: 1, "memory-limit": 0, "output-limit": 0, "infra-error": 1 });
    expect(BatchSummary.parse(s)).toEqual(s);
  });

  it("excludes infra-error from the pass rate and lists its ids", () => {
    const s = sample().finish(2_000);
    expect(s.passRate).toBeCloseTo(6 / 9, 10);
    expect(s.infraErrors).toEqual(["r6"]);
  });

  it("gives a pass rate of 0 when nothing was graded", () => {
    const b = new SummaryBuilder();
    expect(b.finish(0).passRate).toBe(0);
    b.add(result("x", "infra-error", 5));
    expect(b.finish(10).passRate).toBe(0);
  });

  it("computes throughput and latency percentiles over non-cached results", () => {
    const b = sample();
    b.add(result("c1", "pass", 5_000, true)); // cached: counted, but its duration is not a latency
    b.add(result("c2", "pass", 9_000, true));
    const s = b.finish(4_000);
    expect(s.verified).toBe(12);
    expect(s.cached).toBe(2);
    expect(s.durationMs).toBe(4_000);
    expect(s.samplesPerSecond).toBe(3);
    expect(s.latencyMs).toEqual({ p50: 50, p95: 100, max: 100 });
  });

  it("counts resumed records in the total but not as verified", () => {
    const b = sample();
    b.skipped(3);
    b.skipped(2);
    const s = b.finish(1_000);
    expect(s).toMatchObject({ total: 15, verified: 10, resumed: 5, samplesPerSecond: 10 });
  });

  it("keeps invalid lines with their line, id and message", () => {
    const b = new SummaryBuilder();
    b.addInvalid(3, "in.jsonl:3: invalid JSON");
    b.addInvalid(7, "in.jsonl:7 tests.kind: invalid input", "p7");
    const s = b.finish(0);
    expect(s.invalidLines).toEqual([
      { line: 3, error: "in.jsonl:3: invalid JSON" },
      { line: 7, id: "p7", error: "in.jsonl:7 tests.kind: invalid input" },
    ]);
    expect(s.total).toBe(0);
    expect(s.samplesPerSecond).toBe(0);
    expect(s.latencyMs).toEqual({ p50: 0, p95: 0, max: 0 });
  });
});

describe("formatSummaryText", () => {
  it("shows non-zero verdicts aligned, the pass rate, throughput and latency", () => {
    const text = formatSummaryText(sample().finish(2_000));
    const lines = text.split("\n");
    expect(lines[0]).toBe("verified 10 of 10 record(s) in 2.0 s");
    expect(lines).toContain("  pass         6");
    expect(lines).toContain("  fail         2");
    expect(lines).toContain("  timeout      1");
    expect(lines).toContain("  infra-error  1");
    expect(text).not.toMatch(/memory-limit|output-limit|^  error /m);
    expect(text).toContain("pass rate    66.7%");
    expect(text).toContain("throughput   5.0/s");
    expect(text).toContain("p50 50 ms, p95 100 ms");
    expect(text).toContain("infra-error (not the code's fault, not verified): r6");
  });

  it("lists the first 10 invalid lines and says how many more", () => {
    const b = new SummaryBuilder();
    for (let i = 1; i <= 12; i++) b.addInvalid(i, `in.jsonl:${i}: invalid JSON`);
    const text = formatSummaryText(b.finish(100));
    expect(text).toContain("12 invalid line(s):");
    expect(text).toContain("\n  in.jsonl:10: invalid JSON");
    expect(text).not.toContain("in.jsonl:11:");
    expect(text).toContain("... and 2 more");
  });
});

describe("formatSummaryMarkdown", () => {
  it("has a table row per non-zero verdict and the metrics", () => {
    const md = formatSummaryMarkdown(sample().finish(2_000));
    const rows = md.split("\n").filter((l) => /^\| [a-z-]+ \| \d+ \| [\d.]+% \|$/.test(l));
    expect(rows).toEqual(["| pass | 6 | 60.0% |", "| fail | 2 | 20.0% |", "| timeout | 1 | 10.0% |", "| infra-error | 1 | 10.0% |"]);
    expect(md).toContain("| verdict | records | share |\n|---|---:|---:|");
    expect(md).toContain("| pass rate (infra-error excluded) | 66.7% |");
    expect(md).toContain("| latency p50 / p95 / max | 50 / 100 / 100 ms |");
    expect(md).toContain("**Not verified (infra-error):** `r6`");
  });

  it("keeps invalid-line messages on one line and free of backticks", () => {
    const b = new SummaryBuilder();
    b.addInvalid(2, "in.jsonl:2 code: expected `string`\nreceived number");
    expect(formatSummaryMarkdown(b.finish(10))).toContain("- `in.jsonl:2 code: expected 'string' received number`");
  });
});

describe("trajectory summary", () => {
  const traj = (id: string, task: TrajectoryResult["task"], verdict: TrajectoryResult["verdict"], score: number, errors: TrajectoryResult["errors"] = [], first = -1): TrajectoryResult => ({
    id,
    task,
    verdict,
    stages: [],
    steps: [],
    errors,
    firstWrongStep: first,
    processScore: score,
    durationMs: 5,
    cached: false,
    image: "",
    key: id,
  });

  it("counts per kind, averages process scores without infra errors, tallies error types and batch reports", () => {
    const b = new SummaryBuilder();
    b.add(result("code", "pass", 3));
    b.add(traj("a", "error-recovery", "pass", 1));
    b.add(traj("b", "error-recovery", "fail", 0.5, ["pseudo-fix", "hallucinated-step"], 2));
    b.add(traj("c", "error-recovery", "infra-error", 0));
    b.add(traj("d", "planning", "fail", 0.25, ["pseudo-fix"], 2));
    b.addBatchReport("difficulty-estimation", { lines: ["Spearman rho 0.81 over 6 problems"], data: { rho: 0.81 } });
    const s = b.finish(1000);
    expect(BatchSummary.parse(s)).toEqual(s);
    expect(s.byVerdict.pass).toBe(2);
    expect(s.trajectories?.byTask["error-recovery"]).toEqual({ pass: 1, fail: 1, "infra-error": 1, meanProcessScore: 0.75 });
    expect(s.trajectories?.errorTypes).toEqual({ "pseudo-fix": 2, "hallucinated-step": 1 });
    expect(s.trajectories?.firstWrongStep).toEqual({ 2: 2 });
    const text = formatSummaryText(s);
    expect(text).toMatch(/error-recovery\s+pass 1, fail 1, infra-error 1, mean process score 0\.75/);
    expect(text).toContain("difficulty-estimation: Spearman rho 0.81 over 6 problems");
    expect(formatSummaryMarkdown(s)).toContain("| planning | 0 | 1 | 0 | 0.25 |");
  });

  it("has no trajectory section for a batch of plain code records", () => {
    expect(sample().finish(10).trajectories).toBeUndefined();
  });
});

describe("Markdown summary for a CI job page", () => {
  it("heads with the pass rate and hallucinated steps, and lists the worst failures at their first wrong step", () => {
    const step = (index: number, label: "correct" | "wrong", errorType?: TrajectoryResult["errors"][number]) => ({ index, name: `step ${index} | name`, label, ...(errorType ? { errorType } : {}), evidence: `evidence ${index}` });
    const t = (id: string, verdict: "pass" | "fail" | "infra-error", score: number, steps: ReturnType<typeof step>[]): TrajectoryResult => ({
      id, task: "planning", verdict, stages: [], steps, errors: steps.flatMap((s) => (s.errorType ? [s.errorType] : [])),
      firstWrongStep: steps.findIndex((s) => s.label === "wrong"), processScore: score, durationMs: 1, cached: false, image: "", key: id,
    });
    const b = new SummaryBuilder();
    b.add(t("ok", "pass", 1, [step(0, "correct")]));
    b.add(t("bad", "fail", 0.5, [step(0, "correct"), step(1, "wrong", "hallucinated-step"), step(2, "wrong", "hallucinated-step")]));
    b.add(t("worse", "fail", 0.2, [step(0, "wrong", "pseudo-fix")]));
    b.add(t("gone", "infra-error", 0, []));
    const md = formatSummaryMarkdown(b.finish(100));
    expect(md).toContain("**Pass rate 33.3%** (1 of 3 graded; infra errors kept apart: 1) · hallucinated steps: **2**");
    const rows = md.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toEqual([
      "| `worse` | planning | 0.20 | 0: step 0 \\| name | pseudo-fix | evidence 0 |",
      "| `bad` | planning | 0.50 | 1: step 1 \\| name | hallucinated-step | evidence 1 |",
    ]);
  });
});

describe("judged steps in the summary", () => {
  it("are counted apart from the executed labels, with replies ignored and steps left", () => {
    const b = new SummaryBuilder();
    b.add({
      id: "j", task: "planning", verdict: "pass", errors: ["logical-leap"], firstWrongStep: 1, processScore: 0.667, durationMs: 1, cached: false, image: "", key: "j",
      steps: [
        { index: 0, name: "a", label: "correct", evidence: "ran" },
        { index: 1, name: "b", label: "wrong", errorType: "logical-leap", evidence: "judge (m): no", source: "judge", model: "m" },
        { index: 2, name: "c", label: "unverifiable", evidence: "judge failed" },
      ],
      stages: [{ stage: "judge", status: "fail", durationMs: 1, findings: ["step 2 (c): left unverifiable: judge failed: timed out", "step 0 (a): judge reply ignored: already labelled"] }],
    });
    const s = b.finish(1);
    expect(s.trajectories!.errorTypes).toEqual({});
    expect(s.trajectories!.judged).toEqual({ correct: 0, wrong: 1, ignored: 1, left: 1, errorTypes: { "logical-leap": 1 }, models: ["m"] });
    expect(formatSummaryText(s)).toContain("judged steps (LLM judge m, not executed): correct 0, wrong 1 (logical-leap 1), replies ignored (contradicting execution) 1, left unverifiable 1");
    expect(formatSummaryMarkdown(s)).toContain("judged steps (LLM judge m");
  });
});
