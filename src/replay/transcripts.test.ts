import { describe, expect, it } from "vitest";
import { planTranscript } from "./plan.js";
import { Transcript } from "./schema.js";

// Realistic chat transcripts in the styles public datasets store them, and what extraction must read in them.

const plan = (raw: unknown) => planTranscript(Transcript.parse(raw));
const DIVISOR_TESTS = "assert divisor(15) == 4\nassert divisor(12) == 6\nassert divisor(9) == 3";

describe("transcripts: code and feedback extracted from text", () => {
  it("pytest output in a tool message (short summary lines, tallies, pytest's assert rewriting)", () => {
    const p = plan({
      id: "t-pytest",
      entry_point: "divisor",
      messages: [
        { role: "system", content: "You are a careful Python programmer." },
        { role: "user", content: `Write a python function to find the number of divisors of a given integer.\n\n${DIVISOR_TESTS}` },
        { role: "assistant", content: "Count the i below n that divide n:\n\n```python\ndef divisor(n):\n    return sum(1 for i in range(1, n) if n % i == 0)\n```" },
        {
          role: "tool",
          content:
            "============================= test session starts ==============================\ncollected 3 items\n\ntest_solution.py FFF                                                     [100%]\n\n" +
            "=========================== short test summary info ============================\n" +
            "FAILED test_solution.py::test_1 - AssertionError: assert 3 == 4\nFAILED test_solution.py::test_2 - AssertionError: assert 5 == 6\nFAILED test_solution.py::test_3 - AssertionError: assert 2 == 3\n" +
            "============================== 3 failed in 0.04s ===============================",
        },
        { role: "assistant", content: "Every count is one short: range(1, n) never reaches n itself.\n\n```python\ndef divisor(n):\n    return sum(1 for i in range(1, n + 1) if n % i == 0)\n```" },
        { role: "tool", content: "============================== 3 passed in 0.02s ===============================" },
      ],
    });
    expect(p.unreplayable).toBeUndefined();
    expect(p.tests).toEqual({ kind: "assert", code: `${DIVISOR_TESTS}\n` });
    expect(p.turns).toHaveLength(2);
    expect(p.turns[0]!.code).toContain("range(1, n)");
    expect(p.turns[0]!.recorded.tests).toEqual([
      { name: "line 1: assert divisor(15) == 4", status: "fail", message: "AssertionError: got 3, expected 4" },
      { name: "line 2: assert divisor(12) == 6", status: "fail", message: "AssertionError: got 5, expected 6" },
      { name: "line 3: assert divisor(9) == 3", status: "fail", message: "AssertionError: got 2, expected 3" },
    ]);
    expect(p.turns[0]!.recorded).toMatchObject({ all_pass: false, passed: 0, failed: 3 });
    expect(p.turns[0]!.reflection).toContain("one short");
    expect(p.turns[1]!.recorded).toMatchObject({ all_pass: true, passed: 3, failed: 0, tests: [], errors: [] });
  });

  it("a pasted Python traceback (tests appended to the code), the failing assert names the test", () => {
    const p = plan({
      id: "t-traceback",
      entry_point: "sequence",
      messages: [
        { role: "user", content: "Write a function to find the nth number in the newman conway sequence.\nassert sequence(10) == 6\nassert sequence(2) == 1\nassert sequence(3) == 2" },
        { role: "assistant", content: "```python\ndef sequence(n):\n    if n == 1 or n == 2:\n        return 1\n    seq = [0] * n\n    seq[1] = seq[2] = 1\n    for i in range(3, n + 1):\n        seq[i] = seq[seq[i - 1]] + seq[i - seq[i - 1]]\n    return seq[n]\n```" },
        {
          role: "user",
          content:
            'I ran it and got:\n\nTraceback (most recent call last):\n  File "/tmp/tmpq8x1k2/solution.py", line 11, in <module>\n    assert sequence(10) == 6\n  File "/tmp/tmpq8x1k2/solution.py", line 7, in sequence\n    seq[i] = seq[seq[i - 1]] + seq[i - seq[i - 1]]\nIndexError: list assignment index out of range\n\nCan you fix it?',
        },
        { role: "assistant", content: "The table has n slots but the loop writes seq[n]." },
      ],
    });
    expect(p.turns).toHaveLength(1);
    expect(p.turns[0]!.recorded.tests).toEqual([{ name: "line 1: assert sequence(10) == 6", status: "error", message: "IndexError: list assignment index out of range (at solution.py:7)" }]);
    expect(p.turns[0]!.recorded.all_pass).toBe(false);
    expect(p.turns[0]!.reflection).toBe("The table has n slots but the loop writes seq[n].");
  });

  it("check marks per test with Expected/Got, then 'All tests passed!'", () => {
    const p = plan({
      id: "t-checkmarks",
      entry_point: "decimal_to_binary",
      tests: { kind: "assert", code: "assert decimal_to_binary(8) == '1000'\nassert decimal_to_binary(18) == '10010'\nassert decimal_to_binary(7) == '111'\n" },
      messages: [
        { role: "user", content: "Write a function to convert the given decimal number to its binary equivalent, represented as a string." },
        { role: "assistant", content: "```py\ndef decimal_to_binary(n):\n    return bin(n)\n```" },
        {
          role: "user",
          content: "✗ assert decimal_to_binary(8) == '1000'\n   Expected: '1000', Got: '0b1000'\n✗ assert decimal_to_binary(18) == '10010'\n   Expected: '10010', Got: '0b10010'\n✓ assert decimal_to_binary(7) == '111'",
        },
        { role: "assistant", content: "bin() keeps the '0b' prefix; strip it.\n```python\ndef decimal_to_binary(n):\n    return bin(n)[2:]\n```" },
        { role: "user", content: "All tests passed! 🎉" },
      ],
    });
    expect(p.turns[0]!.recorded.tests).toEqual([
      { name: "line 1: assert decimal_to_binary(8) == '1000'", status: "fail", message: "AssertionError: got '0b1000', expected '1000'" },
      { name: "line 2: assert decimal_to_binary(18) == '10010'", status: "fail", message: "AssertionError: got '0b10010', expected '10010'" },
      { name: "line 3: assert decimal_to_binary(7) == '111'", status: "pass" },
    ]);
    expect(p.turns[1]!.recorded).toMatchObject({ all_pass: true, tests: [], errors: [] });
  });

  it("unittest output: FAIL headers, 'a != b' messages, Ran N tests / FAILED (failures=n)", () => {
    const p = plan({
      id: "t-unittest",
      entry_point: "highest_Power_of_2",
      messages: [
        { role: "user", content: "Write a python function to find the highest power of 2 that is less than or equal to n.\n```\nassert highest_Power_of_2(10) == 8\nassert highest_Power_of_2(19) == 16\nassert highest_Power_of_2(32) == 32\n```" },
        { role: "assistant", content: "```python\ndef highest_Power_of_2(n):\n    p = 1\n    while p <= n:\n        p *= 2\n    return p\n```" },
        {
          role: "user",
          content:
            "F.F\n======================================================================\nFAIL: test_1 (__main__.TestSolution.test_1)\n----------------------------------------------------------------------\nTraceback (most recent call last):\n  File \"test_solution.py\", line 6, in test_1\n    self.assertEqual(highest_Power_of_2(10), 8)\nAssertionError: 16 != 8\n\n" +
            "======================================================================\nFAIL: test_3 (__main__.TestSolution.test_3)\n----------------------------------------------------------------------\nTraceback (most recent call last):\n  File \"test_solution.py\", line 12, in test_3\n    self.assertEqual(highest_Power_of_2(32), 32)\nAssertionError: 64 != 32\n\n" +
            "----------------------------------------------------------------------\nRan 3 tests in 0.001s\n\nFAILED (failures=2)",
        },
      ],
    });
    const r = p.turns[0]!.recorded;
    expect(r.errors).toEqual(["AssertionError: got 16, expected 8", "AssertionError: got 64, expected 32"]);
    expect(r).toMatchObject({ all_pass: false, passed: 1, failed: 2 });
  });

  it("numbered test lines ('Test 2 failed: expected 16, got 32') tie to the tests by ordinal", () => {
    const p = plan({
      id: "t-ordinal",
      entry_point: "highest_Power_of_2",
      tests: { kind: "assert", code: "assert highest_Power_of_2(10) == 8\nassert highest_Power_of_2(19) == 16\nassert highest_Power_of_2(32) == 32\n" },
      messages: [
        { role: "user", content: "Find the highest power of 2 that is <= n." },
        { role: "assistant", content: "```python\ndef highest_Power_of_2(n):\n    p = 1\n    while p * 2 < n:\n        p *= 2\n    return p\n```" },
        { role: "user", content: "Test 1 passed\nTest 2 passed\nTest 3 failed: expected 32, got 16\nPassed 2/3 tests." },
      ],
    });
    expect(p.turns[0]!.recorded).toMatchObject({
      tests: [
        { name: "line 1: assert highest_Power_of_2(10) == 8", status: "pass" },
        { name: "line 2: assert highest_Power_of_2(19) == 16", status: "pass" },
        { name: "line 3: assert highest_Power_of_2(32) == 32", status: "fail", message: "AssertionError: got 16, expected 32" },
      ],
      passed: 2,
      failed: 1,
      all_pass: false,
    });
  });

  it("a later turn given as a diff (hunks only), applied to the previous code", () => {
    const first = "def find_Average_Of_Cube(n):\n    total = 0\n    for i in range(1, n + 1):\n        total += i ** 3\n    return total // n\n";
    const p = plan({
      id: "t-diff",
      entry_point: "find_Average_Of_Cube",
      messages: [
        { role: "user", content: "Write a python function to find the average of cubes of first n natural numbers.\nassert find_Average_Of_Cube(2) == 4.5\nassert find_Average_Of_Cube(3) == 12\nassert find_Average_Of_Cube(1) == 1" },
        { role: "assistant", content: `\`\`\`python\n${first}\`\`\`` },
        { role: "user", content: "FAILED: assert find_Average_Of_Cube(2) == 4.5\n    AssertionError: got 4, expected 4.5\n2 passed, 1 failed" },
        { role: "assistant", content: "Floor division drops the .5; use true division.\n```diff\n@@ -2,4 +2,4 @@\n     total = 0\n     for i in range(1, n + 1):\n         total += i ** 3\n-    return total // n\n+    return total / n\n```" },
        { role: "user", content: "All 3 tests passed." },
      ],
    });
    expect(p.turns[1]!.code).toBe(first.replace("total // n", "total / n"));
    expect(p.turns[0]!.recorded).toMatchObject({ tests: [{ name: "line 1: assert find_Average_Of_Cube(2) == 4.5", status: "fail", message: "AssertionError: got 4, expected 4.5" }], passed: 2, failed: 1 });
    expect(p.turns[1]!.recorded.all_pass).toBe(true);
  });

  it("an error line in a tool message with no traceback, and a SyntaxError report with its caret", () => {
    const p = plan({
      id: "t-errors",
      entry_point: "radian_degree",
      messages: [
        { role: "user", content: "Write a function to convert degrees to radians.\nassert radian_degree(90)==1.5707963267948966\nassert radian_degree(60)==1.0471975511965976" },
        { role: "assistant", content: "```python\ndef radian_degree(degree)\n    return degree * math.pi / 180\n```" },
        { role: "tool", content: '  File "solution.py", line 1\n    def radian_degree(degree)\n                             ^\nSyntaxError: expected \':\'' },
        { role: "assistant", content: "Missing colon.\n```python\ndef radian_degree(degree):\n    return degree * math.pi / 180\n```" },
        { role: "tool", content: "Execution failed.\nNameError: name 'math' is not defined" },
      ],
    });
    expect(p.turns[0]!.recorded.errors).toEqual(["SyntaxError: expected ':' (at solution.py:1)"]);
    expect(p.turns[1]!.recorded).toMatchObject({ errors: ["NameError: name 'math' is not defined"], all_pass: false });
  });

  it("tests from a '>>>' doctest-style statement; prose-only and REPL blocks are not turns", () => {
    const p = plan({
      id: "t-doctest",
      entry_point: "volume_cube",
      messages: [
        { role: "user", content: "Write a function to find the volume of a cube given its side length.\n\n>>> assert volume_cube(3)==27\n>>> assert volume_cube(2)==8" },
        { role: "assistant", content: "Let me think about it first: the volume is the side cubed." },
        { role: "assistant", content: "```python\ndef volume_cube(l):\n    return l * 3\n```\nExample:\n```python\nprint(volume_cube(3))\n```" },
        { role: "user", content: "[FAIL] assert volume_cube(3)==27 - AssertionError: got 9, expected 27\n[FAIL] assert volume_cube(2)==8 - AssertionError: got 6, expected 8" },
      ],
    });
    expect(p.tests).toEqual({ kind: "assert", code: "assert volume_cube(3)==27\nassert volume_cube(2)==8\n" });
    expect(p.turns).toHaveLength(1);
    expect(p.turns[0]!.code).toBe("def volume_cube(l):\n    return l * 3\n");
    expect(p.turns[0]!.recorded.tests.map((t) => [t.name, t.message])).toEqual([
      ["line 1: assert volume_cube(3)==27", "AssertionError: got 9, expected 27"],
      ["line 2: assert volume_cube(2)==8", "AssertionError: got 6, expected 8"],
    ]);
  });

  it("a transcript with no tests anywhere is unreplayable, with the reason", () => {
    const p = plan({ id: "t-none", messages: [{ role: "user", content: "Write a function that reverses a string." }, { role: "assistant", content: "```python\ndef rev(s):\n    return s[::-1]\n```" }] });
    expect(p.unreplayable).toMatch(/no tests/);
  });

  it("io tests: a 'Wrong answer' line with expected/actual output", () => {
    const p = plan({
      id: "t-io",
      tests: { kind: "io", cases: [{ input: "1 2\n", output: "3\n" }, { input: "7 2\n", output: "9\n" }] },
      messages: [
        { role: "user", content: "Read two integers and print their sum." },
        { role: "assistant", content: "```python\na, b = map(int, input().split())\nprint(a + b + (1 if a > 5 else 0))\n```" },
        { role: "user", content: "Case 1: OK\nCase 2: Wrong answer\nExpected output: 9\nActual output: 10" },
      ],
    });
    expect(p.turns[0]!.recorded).toMatchObject({ tests: [{ name: "case 1", status: "pass" }, { name: "case 2", status: "fail" }], errors: ['expected "9" got "10"'], all_pass: false });
  });
});
