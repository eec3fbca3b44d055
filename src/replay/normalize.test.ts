import { describe, expect, it } from "vitest";
import { maskVolatile, normalizeVolatile, sortDictLiterals } from "./normalize.js";

describe("normalizeVolatile", () => {
  it("masks memory addresses in reprs", () => {
    expect(normalizeVolatile("AssertionError: got <Node object at 0x7f3a2c1b9d30>, expected None")).toBe(
      normalizeVolatile("AssertionError: got <Node object at 0x10a2b3c4d>, expected None"),
    );
  });
  it("masks durations in every usual spelling", () => {
    expect(maskVolatile("1 failed, 2 passed in 0.12s")).toBe("1 failed, 2 passed in <time>");
    expect(maskVolatile("Ran 3 tests in 0.001s")).toBe("Ran 3 tests in <time>");
    expect(maskVolatile("TimeoutError: took 12.5 ms")).toBe("TimeoutError: took <time>");
    expect(maskVolatile("finished after 3 seconds")).toBe("finished after <time>");
  });
  it("masks object ids", () => {
    expect(maskVolatile("KeyError: 'id=140234567' id: 94823784")).toBe("KeyError: 'id=?' id: ?");
  });
  it("drops temporary directories but keeps the file name", () => {
    expect(maskVolatile('File "/tmp/tmpab12cd/solution.py", line 3')).toBe('File "solution.py", line 3');
    expect(maskVolatile("FileNotFoundError: /var/folders/x1/abc/T/pytest-7/data.txt")).toBe("FileNotFoundError: data.txt");
  });
  it("sorts set, frozenset and dict items, which print in hash or insertion order", () => {
    expect(normalizeVolatile("AssertionError: got {'c', 'a', 'b'}, expected 1")).toBe(normalizeVolatile("AssertionError: got {'a', 'b', 'c'}, expected 1"));
    expect(normalizeVolatile("got frozenset({3, 1, 2})")).toBe(normalizeVolatile("got frozenset({1, 2, 3})"));
    expect(normalizeVolatile("got {'b': 1, 'a': {'y': 2, 'x': 3}}")).toBe(normalizeVolatile("got {'a': {'x': 3, 'y': 2}, 'b': 1}"));
  });
  it("keeps what is not volatile: different values stay different", () => {
    expect(normalizeVolatile("AssertionError: got {1, 2}, expected 1")).not.toBe(normalizeVolatile("AssertionError: got {1, 3}, expected 1"));
    expect(normalizeVolatile("got [3, 1, 2]")).toBe("got [3, 1, 2]");
    expect(normalizeVolatile("got 'a, {b}'")).toBe("got 'a, {b}'");
    expect(sortDictLiterals("f'{x}' and {}")).toBe("f'{x}' and {}");
  });
  it("writes a bare load-error location as the harness writes the others", () => {
    expect(normalizeVolatile("NameError: name 'g' is not defined (solution.py:3)")).toBe("NameError: name 'g' is not defined (at solution.py:3)");
  });
});
