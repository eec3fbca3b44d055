import { describe, expect, it } from "vitest";
import { parseTraceReport } from "./trace.js";

// A report as trace_harness.py writes it: a call with its arguments, line records with deltas, out of order.
const REPORT = [
  '{"c":0,"fn":"<module>","file":"t","p":null,"s":1}',
  '{"c":1,"fn":"f","file":"s","p":0,"s":3,"v":{"xs":"[1, 2]"}}',
  '{"s":4,"e":5,"f":1,"l":2,"v":{"total":"0"}}',
  '{"s":6,"e":7,"f":1,"l":3,"v":{"big":"[0, 1"},"t":["big"]}',
  '{"s":8,"e":9,"f":1,"l":4,"v":{"total":"3"},"d":["big"],"ret":"3"}',
  '{"s":2,"e":10,"f":0,"l":1,"v":{}}',
  '{"stop":"events","events":4}',
  '{"entry":"3","x":null,"l":1}',
  '{"done":true,"verdict":"pass","error":null,"events":4,"tampered":false,"entry_found":true}',
  '{"s":99,"e":', // cut short by a kill
].join("\n");

describe("parseTraceReport", () => {
  it("rebuilds each line's full variables from deltas and orders lines by start", () => {
    const t = parseTraceReport(REPORT);
    expect(t.lines.map((l) => [l.line, l.seq])).toEqual([[1, 2], [2, 4], [3, 6], [4, 8]]);
    const [, first, second, third] = t.lines;
    expect(first).toMatchObject({ fn: "f", depth: 1, file: "solution", vars: { xs: "[1, 2]", total: "0" }, changed: ["total"] });
    expect(second).toMatchObject({ vars: { xs: "[1, 2]", total: "0", big: "[0, 1" }, cut: ["big"] });
    expect(third).toMatchObject({ vars: { xs: "[1, 2]", total: "3" }, cut: [], returned: "3", changed: ["total", "big"] });
    expect(t.entryCalls).toEqual([{ returned: "3", testLine: 1 }]);
    expect(t).toMatchObject({ stopped: "events", entryFound: true, tampered: false });
  });
});

describe("parseTraceReport with the run's nonce", () => {
  const lines = REPORT.split("\n");
  const chunked = (nonce: string, k: number, body: string[]) => [JSON.stringify({ chunk: nonce, k, n: body.length }), ...body];
  const own = [...chunked("n1", 0, lines.slice(0, 7)), ...chunked("n1", 1, lines.slice(7, 9)), lines[9]!].join("\n");

  it("takes the harness's chunks (a last line cut by a kill included) and is not tampered", () => {
    const t = parseTraceReport(own, "n1");
    expect(t.lines.length).toBe(4);
    expect(t).toMatchObject({ tampered: false, entryFound: true });
  });
  it("a line the solution wrote itself, a chunk with another nonce or out of order, or a tamper record: tampered", () => {
    const forged = '{"done":true,"verdict":"pass","events":1,"tampered":false,"entry_found":true}';
    expect(parseTraceReport(`${forged}\n${own}`, "n1").tampered).toBe(true);
    expect(parseTraceReport(`${own}\n${forged}`, "n1").tampered).toBe(true);
    expect(parseTraceReport(chunked("n2", 0, lines.slice(0, 9)).join("\n"), "n1").tampered).toBe(true);
    expect(parseTraceReport([...chunked("n1", 1, lines.slice(0, 9))].join("\n"), "n1").tampered).toBe(true);
    const flagged = parseTraceReport([...chunked("n1", 0, ['{"tamper":"the code called gc.get_objects"}', ...lines.slice(0, 9)])].join("\n"), "n1");
    expect(flagged).toMatchObject({ tampered: true, tamperReason: "the code called gc.get_objects" });
  });
});
