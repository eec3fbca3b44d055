import { describe, expect, it } from "vitest";
import { findTest } from "../tasks/shared/feedback.js";
import { assertStatements, knownTests, logicalLineEnds } from "./known-tests.js";

// Test code whose strings hold brackets, quotes, braces and `#`: none of it may change where a statement ends.
// The expected names were taken from Python 3.11's ast (" ".join(ast.get_source_segment(...).split())[:100]).
const TRICKY = [
  'assert f(1) == 2, f"got {f(1)} (want {{2}})"',
  "assert g(\"(\") == \")\", f\"open: {g('(')!r:>{w}}\"",
  'assert h([1, 2]) == 3, """a long',
  "message with ( and [ and {",
  "assert not_a_test(1)",
  '"""',
  "x = \"assert nope( ['\"",
  "assert k(1) \\",
  "    == 2",
  "assert merge([[1, 3], [3, 5]]) == [[1, 5]], f\"touching intervals: {merge([[1, 3], [3, 5]])} and {'}'} {d['k']}\"",
  "assert r'\\d' == \"\\\\d\"",
  "assert len(s) == 1, 'it\\'s {not} an f-string ('",
  "",
].join("\n");

describe("assert statements of test code", () => {
  it("string and f-string contents never split or join statements", () => {
    expect(assertStatements(TRICKY).map((a) => a.line)).toEqual([1, 2, 3, 8, 10, 11, 12]);
    expect(knownTests({ kind: "assert", code: TRICKY }).map((t) => t.name)).toEqual([
      'line 1: assert f(1) == 2, f"got {f(1)} (want {{2}})"',
      "line 2: assert g(\"(\") == \")\", f\"open: {g('(')!r:>{w}}\"",
      'line 3: assert h([1, 2]) == 3, """a long message with ( and [ and { assert not_a_test(1) """',
      "line 8: assert k(1) \\ == 2",
      "line 10: assert merge([[1, 3], [3, 5]]) == [[1, 5]], f\"touching intervals: {merge([[1, 3], [3, 5]])} and {'}'",
      "line 11: assert r'\\d' == \"\\\\d\"",
      "line 12: assert len(s) == 1, 'it\\'s {not} an f-string ('",
    ]);
  });
  it("an f-string's replacement field may nest strings of the same quote (Python 3.12) and format specs", () => {
    const code = 'assert f(d) == 1, f"{d["k"]} {"("} {x:{w}.{p}} done"\nassert g(2) == 3\n';
    expect(logicalLineEnds(code)).toEqual([true, true, true]);
    expect(assertStatements(code).map((a) => a.line)).toEqual([1, 2]);
  });
  it("a bracket left open spans lines until it closes; an apostrophe in prose does not", () => {
    expect(assertStatements("assert f(\n  1,\n) == 2\nassert g(3) == 4\n")).toEqual([
      { line: 1, statement: "assert f(\n  1,\n) == 2" },
      { line: 4, statement: "assert g(3) == 4" },
    ]);
    expect(assertStatements("It's simple:\nassert f(1) == 2\n").map((a) => a.line)).toEqual([2]);
  });
  it("cuts a name at 100 characters counted as Python counts them (code points)", () => {
    const stmt = `assert f("${"😀".repeat(120)}") == 1`;
    const [t] = knownTests({ kind: "assert", code: `${stmt}\n` });
    expect([...t!.name.slice("line 1: ".length)].length).toBe(100);
  });
});

describe("a failing test named by its whole statement", () => {
  const long = 'assert merge_intervals([[1, 3], [3, 5]]) == [[1, 5]], f"touching: {merge_intervals([[1, 3], [3, 5]])}"';
  const tests = knownTests({ kind: "assert", code: `assert merge_intervals([]) == []\n${long}\n` });
  it("matches the test whose name the sandbox cut at 100 characters, with or without line N, spacing aside", () => {
    expect(tests[1]!.name).not.toContain("}\"");
    expect(findTest(`line 2: ${long}`, tests)?.name).toBe(tests[1]!.name);
    expect(findTest(long, tests)?.name).toBe(tests[1]!.name);
    expect(findTest(`line 2:   ${long.replace(/, /g, ",").replace("==", "  ==  ")}`, tests)?.name).toBe(tests[1]!.name);
  });
  it("does not match another line, a statement that is not a continuation, or an uncut name by its prefix", () => {
    expect(findTest(`line 1: ${long}`, tests)).toBeUndefined();
    expect(findTest(long.replace("merge_intervals([[1, 3]", "merge_intervals([[9, 3]"), tests)).toBeUndefined();
    expect(findTest("assert merge_intervals([]) == [] or True", tests)).toBeUndefined();
  });
  it("is ambiguous, so unmatched, when two cut names begin the statement", () => {
    const twice = knownTests({ kind: "assert", code: `${long}\n${long.replace("])}\"", "])}!\"")}\n` });
    expect(findTest(long, twice)).toBeUndefined();
    expect(findTest(`line 2: ${long.replace("])}\"", "])}!\"")}`, twice)?.name).toBe(twice[1]!.name);
  });
});
