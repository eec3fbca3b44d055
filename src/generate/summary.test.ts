import { describe, expect, test } from "vitest";
import { formatGenerateSummary, GenerateSummaryBuilder } from "./summary.js";

describe("generate summary", () => {
  test("counts per kind, skip reasons, model failures and counters add up and print", () => {
    const b = new GenerateSummaryBuilder(["implementation", "error-recovery"]);
    b.problem();
    b.problem();
    b.verified("implementation", "Mbpp/61", { verdict: "pass" }, true);
    b.verified("implementation", "Mbpp/65", { verdict: "fail" }, false);
    b.skipped("implementation", "a stdin/stdout program (no entry point the tests call)");
    b.counters("error-recovery", { "mutants.off-by-one.kept": 2 });
    b.counters("error-recovery", { "mutants.off-by-one.kept": 1 });
    b.modelFailure("error-recovery", "Mbpp/61", "reply invalid after re-ask");
    const s = b.finish(1234);
    expect(s.byKind.implementation).toMatchObject({ candidates: 2, passed: 1, failed: 1, kept: 1, skipped: { "a stdin/stdout program (no entry point the tests call)": 1 } });
    expect(s.byKind["error-recovery"]).toMatchObject({ modelFailures: 1, counters: { "mutants.off-by-one.kept": 3 } });
    expect(s.written).toBe(1);
    const text = formatGenerateSummary(s, "llm: 3 requests");
    expect(text).toContain("implementation: 2 candidate(s), 1 passed, 1 failed, 1 kept");
    expect(text).toContain("skipped 1: a stdin/stdout program");
    expect(text).toContain("mutants.off-by-one.kept: 3");
    expect(text).toContain("Mbpp/61 error-recovery: reply invalid after re-ask");
    expect(text).toContain("llm: 3 requests");
  });

  test("a candidate whose verification hit a sandbox failure is one infra error, listed, never kept", () => {
    const b = new GenerateSummaryBuilder(["implementation"]);
    b.verified("implementation", "Mbpp/61", { verdict: "infra-error", message: "container died" }, false);
    const s = b.finish(1);
    expect(s.byKind.implementation).toMatchObject({ candidates: 1, passed: 0, failed: 0, infraErrors: 1, kept: 0 });
    expect(s.infraErrors).toEqual([{ problem: "Mbpp/61", kind: "implementation", message: "container died" }]);
    expect(formatGenerateSummary(s)).toContain("implementation: 1 candidate(s), 0 passed, 0 failed, 1 infra-error, 0 kept");
  });

  test("a stop keeps its first reason and is printed", () => {
    const b = new GenerateSummaryBuilder(["implementation"]);
    b.stop("LLM_UNREACHABLE", "endpoint down");
    b.stop("SANDBOX_UNAVAILABLE", "later");
    const s = b.finish(1);
    expect(s.stopped).toEqual({ code: "LLM_UNREACHABLE", message: "endpoint down" });
    expect(formatGenerateSummary(s)).toContain("stopped early (LLM_UNREACHABLE): endpoint down");
  });
});
