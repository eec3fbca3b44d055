import { describe, expect, test } from "vitest";
import { parseFlags } from "./flags.js";
import { GenerateFlags, generateExitCode } from "./generate.js";
import type { GenerateSummary } from "../generate/summary.js";

const base = { out: "o.jsonl", maxTurns: "3", concurrency: "2", isolation: "pool", timeoutMs: "10000", memoryMb: "256" };

describe("vouch generate flags and exit codes", () => {
  test("--task takes all, a kind, or kinds separated by commas; an unknown kind is a usage error naming the flag", () => {
    expect(parseFlags(GenerateFlags, { ...base, task: "all" }).task).toEqual(["all"]);
    expect(parseFlags(GenerateFlags, { ...base, task: "implementation, error-recovery" }).task).toEqual(["implementation", "error-recovery"]);
    expect(() => parseFlags(GenerateFlags, { ...base, task: "implementaton" })).toThrow(/--task/);
    expect(() => parseFlags(GenerateFlags, { ...base, task: "all", keep: "some" })).toThrow(/--keep/);
    expect(parseFlags(GenerateFlags, { ...base, task: "all" }).keep).toBe("passed");
  });

  test("exit codes: 5 endpoint gone, 4 sandbox gone, 3 unverified, 2 malformed lines, else 0", () => {
    const s: GenerateSummary = { problems: 1, invalidLines: [], byKind: {}, modelFailures: [{ problem: "p", kind: "planning", message: "bad" }], infraErrors: [], written: 0, durationMs: 1 };
    expect(generateExitCode(s)).toBe(0); // a model failure is counted, not fatal
    expect(generateExitCode({ ...s, invalidLines: [{ line: 1, error: "x" }] })).toBe(2);
    expect(generateExitCode({ ...s, infraErrors: [{ problem: "p", kind: "planning", message: "x" }] })).toBe(3);
    expect(generateExitCode({ ...s, stopped: { code: "SANDBOX_UNAVAILABLE", message: "x" } })).toBe(4);
    expect(generateExitCode({ ...s, stopped: { code: "LLM_UNREACHABLE", message: "x" } })).toBe(5);
  });
});
