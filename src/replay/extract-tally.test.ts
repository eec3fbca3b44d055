import { describe, expect, it } from "vitest";
import { tallyOf } from "./extract-tally.js";

describe("tallyOf", () => {
  it("reads pytest, unittest and plain summaries", () => {
    expect(tallyOf("=== 2 passed, 1 failed, 1 error in 0.12s ===")).toEqual({ passed: 2, failed: 2 });
    expect(tallyOf("Ran 4 tests in 0.001s\n\nFAILED (failures=1, errors=1)")).toEqual({ passed: 2, failed: 2 });
    expect(tallyOf("Ran 3 tests in 0.000s\n\nOK")).toEqual({ passed: 3, failed: 0 });
    expect(tallyOf("Passed 3/4 tests")).toEqual({ passed: 3, failed: 1 });
  });

  it("does not read a test's ordinal as a count (found by a blind held-out transcript)", () => {
    const text = "Test 1 passed\nTest 2 passed\nTest 3 failed: IndexError: list index out of range\nTest 4 failed: IndexError: list index out of range";
    expect(tallyOf(text)).toEqual({});
    expect(tallyOf("case #2 failed: expected 3")).toEqual({});
    expect(tallyOf("Test case 4 failed")).toEqual({});
  });
});
