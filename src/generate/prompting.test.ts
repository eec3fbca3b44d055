import { describe, expect, test } from "vitest";
import { TestSpec } from "../core/test-spec.js";
import { formatTests } from "./prompting.js";

// formatTests is the one rendering of tests in every prompt (annotate, implementation, error recovery).
describe("formatTests", () => {
  const io = TestSpec.parse({
    kind: "io",
    cases: [
      { input: "1 2\n", output: "3\n" },
      { input: "2 2\n", output: "4\n" },
      { input: "5 5\n", output: "10\n" },
    ],
  });

  test("assert code in a python fence, trimmed", () => {
    expect(formatTests({ kind: "assert", code: "\nassert f(1) == 2\n" })).toBe("```python\nassert f(1) == 2\n```");
  });

  test("every io case, numbered, with its input and expected output fenced, when no limit is given", () => {
    const text = formatTests(io);
    expect(text).not.toContain("stdin/stdout cases");
    expect(text.match(/^Case \d input:$/gm)).toEqual(["Case 1 input:", "Case 2 input:", "Case 3 input:"]);
    expect(text).toContain("Case 3 input:\n```\n5 5\n```\nexpected output:\n```\n10\n```");
  });

  test("a limit shows the first cases and says how many there are; a limit above the count shows all without saying so", () => {
    const text = formatTests(io, 2);
    expect(text.split("\n")[0]).toBe("3 stdin/stdout cases; the first 2:");
    expect(text).toContain("Case 2 input:");
    expect(text).not.toContain("Case 3 input:");
    expect(formatTests(io, 5)).toBe(formatTests(io));
  });

  test("pytest files by name, each in a fence; no tests at all said so", () => {
    const text = formatTests({ kind: "pytest", files: { "test_a.py": "def test_a():\n    assert True\n", "test_b.py": "x = 1" } });
    expect(text).toBe("test_a.py:\n```python\ndef test_a():\n    assert True\n```\ntest_b.py:\n```python\nx = 1\n```");
    expect(formatTests(undefined)).toBe("(none given)");
  });
});
