import { describe, expect, it } from "vitest";
import { bothNumeric, compareClaim } from "./compare-value.js";
import { parsePyLiteral } from "./py-literal.js";

describe("parsePyLiteral", () => {
  it("reads the literals reprs are made of", () => {
    expect(parsePyLiteral("-12")).toEqual({ t: "int", v: -12n });
    expect(parsePyLiteral("1_000")).toEqual({ t: "int", v: 1000n });
    expect(parsePyLiteral("2.50")).toEqual({ t: "float", v: 2.5, decimals: 2 });
    expect(parsePyLiteral("'a\\'b\\n'")).toEqual({ t: "str", v: "a'b\n" });
    expect(parsePyLiteral("(1,)")).toEqual({ t: "tuple", items: [{ t: "int", v: 1n }] });
    expect(parsePyLiteral("(1)")).toEqual({ t: "int", v: 1n });
    expect(parsePyLiteral("{}")).toEqual({ t: "dict", entries: [] });
    expect(parsePyLiteral("{1, 2}")?.t).toBe("set");
    expect(parsePyLiteral("Counter({'a': 2})")?.t).toBe("call");
    expect(parsePyLiteral("defaultdict(<class 'int'>, {0: 1})")?.t).toBe("call");
    expect(parsePyLiteral("-inf")).toEqual({ t: "float", v: -Infinity, decimals: -1 });
  });

  it("refuses what is not a literal", () => {
    for (const s of ["x", "x + 1", "[1, 2", "'abc", "1 2", "len(s) +"]) expect(parsePyLiteral(s), s).toBeUndefined();
  });
});

describe("compareClaim", () => {
  it("compares values, not text", () => {
    expect(compareClaim('"abc"', "'abc'")).toBe("equal");
    expect(compareClaim("{'b': 2, 'a': 1}", "{'a': 1, 'b': 2}")).toBe("equal");
    expect(compareClaim("{3, 1, 2}", "{1, 2, 3}")).toBe("equal");
    expect(compareClaim("[1,2,3]", "[1, 2, 3]")).toBe("equal");
    expect(compareClaim("abc", "'abc'")).toBe("equal"); // a string written without quotes
  });

  it("accepts int for float as Python's == does, and a float rounded to the decimals written", () => {
    expect(compareClaim("6", "6.0")).toBe("equal");
    expect(compareClaim("0.33", "0.3333333333333333")).toBe("equal");
    expect(compareClaim("0.3", "0.3333333333333333")).toBe("different"); // one decimal: exact
    expect(compareClaim("0.34", "0.3333333333333333")).toBe("different");
  });

  it("keeps types apart where Python's repr does", () => {
    expect(compareClaim("[1, 2]", "(1, 2)")).toBe("different");
    expect(compareClaim("1", "True")).toBe("different");
    expect(compareClaim("'1'", "1")).toBe("different");
    expect(compareClaim("[1, 2]", "[1, 2, 3]")).toBe("different");
  });

  it("sees through collection wrappers and says unknown for a cut repr", () => {
    expect(compareClaim("{'a': 2}", "Counter({'a': 2})")).toBe("equal");
    expect(compareClaim("{0: 1}", "defaultdict(<function f.<locals>.<lambda> at 0x7f>, {0: 1})")).toBe("equal");
    expect(compareClaim("[1, 2]", "[1, 2, 3", true)).toBe("unknown");
  });

  it("tells numeric mismatches from others", () => {
    expect(bothNumeric("15", "17")).toBe(true);
    expect(bothNumeric("'100'", "'1000'")).toBe(false);
    expect(bothNumeric("True", "1")).toBe(false);
  });
});
