import { describe, expect, it } from "vitest";
import { compareOutput } from "./compare.js";

const ws = (actual: string, expected: string) => compareOutput(actual, expected, "whitespace", 0);
const fl = (actual: string, expected: string, tolerance = 1e-6) => compareOutput(actual, expected, "float", tolerance);

describe("compareOutput: exact", () => {
  it("is byte for byte", () => {
    expect(compareOutput("1\n2\n", "1\n2\n", "exact", 0)).toEqual({ equal: true });
    expect(compareOutput("1 \n", "1\n", "exact", 0)).toEqual({ equal: false, detail: 'line 1: expected "1" got "1 "' });
    expect(compareOutput("1\r\n", "1\n", "exact", 0)).toEqual({ equal: false, detail: 'line 1: expected "1" got "1\\r"' });
  });
  it("names a missing or extra final newline", () => {
    expect(compareOutput("1", "1\n", "exact", 0)).toEqual({ equal: false, detail: "output lacks the final newline" });
    expect(compareOutput("1\n\n", "1\n", "exact", 0)).toEqual({ equal: false, detail: "output has an extra final newline" });
  });
});

describe("compareOutput: whitespace", () => {
  it("ignores trailing spaces and tabs on each line", () => {
    expect(ws("1 2  \n3\t\n", "1 2\n3\n")).toEqual({ equal: true });
  });
  it("treats CRLF and CR as LF", () => {
    expect(ws("1\r\n2\r\n", "1\n2\n")).toEqual({ equal: true });
    expect(ws("1\n2\n", "1\r\n2")).toEqual({ equal: true });
  });
  it("ignores a missing final newline", () => {
    expect(ws("7", "7\n")).toEqual({ equal: true });
    expect(ws("7\n", "7")).toEqual({ equal: true });
  });
  it("ignores extra blank (or blank-looking) lines at the end", () => {
    expect(ws("1\n2\n\n\n  \n\t\n", "1\n2\n")).toEqual({ equal: true });
    expect(ws("1\n2", "1\n2\n\n")).toEqual({ equal: true });
  });
  it("still sees inner spaces, leading spaces and blank lines in the middle", () => {
    expect(ws("1  2\n", "1 2\n")).toEqual({ equal: false, detail: 'line 1: expected "1 2" got "1  2"' });
    expect(ws(" 1\n", "1\n")).toEqual({ equal: false, detail: 'line 1: expected "1" got " 1"' });
    expect(ws("1\n\n2\n", "1\n2\n")).toEqual({ equal: false, detail: 'line 2: expected "2" got ""' });
  });
  it("names the first differing line, 1-based", () => {
    expect(ws("1\n2\n8\n9\n", "1\n2\n7\n0\n")).toEqual({ equal: false, detail: 'line 3: expected "7" got "8"' });
  });
  it("reports a line count mismatch when one output is a prefix of the other", () => {
    expect(ws("1\n2\n", "1\n2\n3\n")).toEqual({ equal: false, detail: "output has 2 lines, expected 3" });
    expect(ws("1\n2\n3\n", "1\n")).toEqual({ equal: false, detail: "output has 3 lines, expected 1" });
    expect(ws("", "1\n")).toEqual({ equal: false, detail: "output has 0 lines, expected 1" });
  });
  it("cuts long lines to 80 characters in the detail", () => {
    const detail = ws("a".repeat(200), "b".repeat(200)).detail!;
    expect(detail).toBe(`line 1: expected "${"b".repeat(77)}..." got "${"a".repeat(77)}..."`);
  });
  it("treats two empty outputs as equal", () => {
    expect(ws("", "\n\n")).toEqual({ equal: true });
  });
});

describe("compareOutput: float", () => {
  it("accepts numbers within the tolerance, relative to the expected value", () => {
    expect(fl("0.3333333 YES", "0.333333 YES\n", 1e-5)).toEqual({ equal: true });
    expect(fl("1e9", "1000000001")).toEqual({ equal: true });
    expect(fl("1000000.5", "1000000", 1e-6)).toEqual({ equal: true });
    expect(fl("-2.5E-3", "-0.0025")).toEqual({ equal: true });
  });
  it("uses an absolute tolerance for expected values below 1", () => {
    expect(fl("0.0000015", "0.000001", 1e-6)).toEqual({ equal: true });
    expect(fl("0.0000025", "0.000001", 1e-6).equal).toBe(false);
  });
  it("rejects numbers outside the tolerance and names the token", () => {
    expect(fl("1 0.34 YES", "1 0.333333 YES", 1e-5)).toEqual({
      equal: false,
      detail: 'token 2: expected "0.333333" got "0.34" (tolerance 0.00001)',
    });
    expect(fl("3", "2")).toMatchObject({ equal: false });
  });
  it("ignores how tokens are split across lines and spaces", () => {
    expect(fl("1 2\r\n3   4\n\n", "1\n2\n3\n4")).toEqual({ equal: true });
  });
  it("requires the same token count", () => {
    expect(fl("1 2", "1 2 3")).toEqual({ equal: false, detail: "output has 2 tokens, expected 3" });
    expect(fl("", "1")).toEqual({ equal: false, detail: "output has 0 tokens, expected 1" });
  });
  it("compares non-numeric tokens exactly", () => {
    expect(fl("0.5 no", "0.5 NO")).toEqual({ equal: false, detail: 'token 2: expected "NO" got "no"' });
    expect(fl("Case #1: 2.0000001", "Case #1: 2")).toEqual({ equal: true });
  });
  it("treats nan as a word, compared exactly", () => {
    expect(fl("nan", "nan")).toEqual({ equal: true });
    expect(fl("NaN", "nan").equal).toBe(false);
    expect(fl("nan", "0").equal).toBe(false);
    expect(fl("0", "nan").equal).toBe(false);
  });
  it("does not read inf, hex, overflowing or partial numbers as numbers", () => {
    expect(fl("inf", "1e400").equal).toBe(false);
    expect(fl("1e400", "1e400")).toEqual({ equal: true });
    expect(fl("1e400", "1e401").equal).toBe(false);
    expect(fl("0x10", "16").equal).toBe(false);
    expect(fl("1.0e", "1").equal).toBe(false);
    expect(fl("+.5", "0.5")).toEqual({ equal: true });
  });
});
