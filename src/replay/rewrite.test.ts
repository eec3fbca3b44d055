import { describe, expect, it } from "vitest";
import type { SuiteResult } from "../core/result.js";
import { staleReason } from "./rewrite.js";

const run = (tests: SuiteResult["tests"]): SuiteResult => ({ verdict: tests.every((t) => t.status === "pass") ? "pass" : "fail", tests, truncated: false });
const failing = run([
  { name: "line 1: assert dict_depth({'a': {}})==2", status: "error", durationMs: 1, message: "ValueError: max() arg is an empty sequence (at solution.py:4)" },
  { name: "line 2: assert dict_depth({})==1", status: "pass", durationMs: 1 },
]);

describe("staleReason: when a reflection no longer makes sense once its turn's feedback is the real one", () => {
  it("the real run passes every test: there is nothing to reflect on", () => {
    expect(staleReason("The TypeError comes from None.", run([{ name: "line 1: x", status: "pass", durationMs: 1 }]))).toMatch(/passes every test/);
  });
  it("the reflection discusses an exception the run never raised", () => {
    expect(staleReason("The TypeError comes from subscripting None in dict_depth.", failing)).toMatch(/TypeError, which the run never raised/);
  });
  it("the reflection mentions nothing of the real failure", () => {
    expect(staleReason("Off by one in the loop bound.", failing)).toMatch(/did not happen/);
  });
  it("a reflection on the real failure stays", () => {
    expect(staleReason("max() of an empty dict's values raises ValueError; give it default=0.", failing)).toBeUndefined();
  });
});
