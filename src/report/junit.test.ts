import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { junitXml, xmlEscape } from "./junit.js";

// Parses the XML with a strict, independent parser (Python's expat) and returns it as plain JSON.
function parse(xml: string): any {
  const py = `
import sys, json, xml.etree.ElementTree as E
def conv(e): return {"tag": e.tag, "attrib": e.attrib, "text": e.text or "", "children": [conv(c) for c in e]}
print(json.dumps(conv(E.fromstring(sys.stdin.buffer.read()))))`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", py], { input: xml }).toString());
}

const nasty = `a<b>&"c'\u0001\u001b[31m\ttab\r\nnew </testcase> ]]> \uD800 end`;

describe("junitXml", () => {
  it("writes well-formed XML whose counts match the cases", () => {
    const xml = junitXml([
      {
        name: "planning",
        cases: [
          { name: "p1", classname: "planning", timeMs: 1500 },
          { name: "p2", classname: "planning", timeMs: 20, failure: { type: "hallucinated-step", message: "step 2", text: "evidence" } },
          { name: "p3", classname: "planning", timeMs: 0, error: { type: "infra-error", message: "engine gone" } },
          { name: "p4", classname: "planning", timeMs: 0, skipped: "not run" },
        ],
      },
      { name: "empty", cases: [] },
    ]);
    const root = parse(xml);
    expect(root.tag).toBe("testsuites");
    expect(root.attrib).toMatchObject({ tests: "4", failures: "1", errors: "1", skipped: "1", time: "1.520" });
    const [planning, empty] = root.children;
    expect(planning.attrib).toMatchObject({ name: "planning", tests: "4", failures: "1", errors: "1", skipped: "1" });
    expect(empty.attrib).toMatchObject({ name: "empty", tests: "0" });
    const p2 = planning.children[1];
    expect(p2.attrib).toMatchObject({ name: "p2", classname: "planning", time: "0.020" });
    expect(p2.children[0]).toMatchObject({ tag: "failure", attrib: { type: "hallucinated-step", message: "step 2" }, text: "evidence" });
    expect(planning.children[2].children[0]).toMatchObject({ tag: "error", attrib: { type: "infra-error" } });
    expect(planning.children[3].children[0]).toMatchObject({ tag: "skipped", attrib: { message: "not run" } });
  });

  it("escapes markup, quotes and control characters in names, messages and text", () => {
    const xml = junitXml([
      { name: nasty, cases: [{ name: nasty, classname: nasty, timeMs: 1, failure: { type: nasty, message: nasty, text: nasty } }] },
    ]);
    const root = parse(xml); // throws on anything not well-formed
    const c = root.children[0].children[0];
    const expected = nasty.replace("\u0001", "\\u0001").replace("\u001b", "\\u001b").replace("\uD800", "\\ud800");
    expect(root.children[0].attrib.name).toBe(expected);
    expect(c.attrib.name).toBe(expected); // newlines and tabs survive in attributes too
    expect(c.children[0].attrib.message).toBe(expected);
    expect(c.children[0].text).toBe(expected);
  });

  it("keeps valid surrogate pairs (emoji) and drops nothing else", () => {
    expect(xmlEscape("ok 😀 é")).toBe("ok 😀 é");
    expect(xmlEscape("\u0000")).toBe("\\u0000");
  });
});
