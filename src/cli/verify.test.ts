import { describe, expect, it } from "vitest";
import { isVouchError } from "../core/errors.js";
import { SummaryBuilder } from "../report/summary.js";
import { batchExitCode, verifyCommand } from "./verify.js";

const base = { out: "o.jsonl", concurrency: "2", isolation: "pool", timeoutMs: "1000", memoryMb: "256" };

describe("vouch verify flags and exit codes", () => {
  it("rejects a bad flag value as a usage error naming the flag, before touching Docker", async () => {
    for (const [flag, value, name] of [
      ["timeoutMs", "abc", "--timeout-ms"],
      ["isolation", "nope", "--isolation"],
      ["concurrency", "0", "--concurrency"],
      ["minPassRate", "1.5", "--min-pass-rate"],
    ] as const) {
      const err = await verifyCommand("in.jsonl", { ...base, [flag]: value }).catch((e: unknown) => e);
      expect(isVouchError(err) && err.code).toBe("USAGE");
      expect((err as Error).message).toContain(name);
    }
  });

  it("maps a summary to 0, 1 (gate), 2 (malformed lines) and 3 (unverified records)", () => {
    const mk = (verdicts: string[], invalid = 0) => {
      const b = new SummaryBuilder();
      verdicts.forEach((v, i) => b.add({ id: `r${i}`, verdict: v as never, tests: [], durationMs: 1, truncated: false, attempts: 1, cached: false, image: "i", key: "k" }));
      for (let i = 0; i < invalid; i++) b.addInvalid(i + 1, "bad");
      return b.finish(10);
    };
    expect(batchExitCode(mk(["pass", "fail"]))).toBe(0);
    expect(batchExitCode(mk(["pass", "fail"]), 0.9)).toBe(1);
    expect(batchExitCode(mk(["pass", "pass"]), 0.9)).toBe(0);
    expect(batchExitCode(mk(["pass"], 1))).toBe(2);
    expect(batchExitCode(mk(["pass", "infra-error"], 1))).toBe(3);
  });
});
