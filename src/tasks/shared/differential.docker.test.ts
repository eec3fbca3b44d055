import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTaskContext } from "../../../test/support/task-context.js";
import type { TaskExec } from "../../exec/task-exec.js";
import { canonicalReprs, differential, functionalCheck, functionalFailure, OUTSIDE_DOMAIN } from "./differential.js";

const REF = "def next_power_of_2(n):\n    if n and not n & (n - 1):\n        return n\n    res = 1\n    while n != 0:\n        n >>= 1\n        res <<= 1\n    return res\n";
const SOUND = "def next_power_of_2(n):\n    return 1 if n <= 1 else 1 << (n - 1).bit_length()\n";
const DOUBLES = "def next_power_of_2(n):\n    return 1 if n == 0 else 1 << n.bit_length()\n";
const DOMAIN = "lambda n: isinstance(n, int) and n >= 0";

describe("differential runs on the real engine", () => {
  let exec: TaskExec;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTaskContext();
    exec = opened.ctx.exec!;
    close = opened.close;
  }, 180_000);
  afterAll(async () => close?.());

  it("agrees everywhere for an equivalent solution, on given and generated inputs inside the domain", async () => {
    const r = await differential(exec, { code: SOUND, reference: REF, entry: "next_power_of_2", inputs: [{ input: "(5,)", origin: "test" }, { input: "(17,)", origin: "test" }], domain: DOMAIN });
    const generated = r.cases.filter((c) => c.origin === "generated");
    expect(generated.length).toBeGreaterThan(5);
    // the guard kept the generator to n >= 0 (the reference loops forever on negatives)
    for (const c of generated) expect(Number(c.input.slice(1, -2))).toBeGreaterThanOrEqual(0);
    expect(r.cases.every((c) => c.agree)).toBe(true);
  });

  it("compares iterators by what they yield (a generator agrees with a list of its items) and leaves objects known by address uncompared", async () => {
    const listRef = "def tokens(s):\n    return [c for c in s if c != ' ']\n";
    const gen = "def tokens(s):\n    for c in s:\n        if c != ' ':\n            yield c\n";
    const genWrong = "def tokens(s):\n    for c in s:\n        yield c\n";
    const inputs = [{ input: "('1 + 2',)", origin: "test" as const }];
    const same = await differential(exec, { code: gen, reference: listRef, entry: "tokens", inputs, generate: 0 });
    expect(same.cases[0]).toMatchObject({ reference: { kind: "value", repr: "['1', '+', '2']" }, code: { kind: "value", repr: "['1', '+', '2']" }, agree: true });
    const differs = await differential(exec, { code: genWrong, reference: listRef, entry: "tokens", inputs, generate: 0 });
    expect(differs.cases[0]!.agree).toBe(false);
    const objects = "class Box:\n    def __init__(self, v):\n        self.v = v\n\ndef box(v):\n    return Box(v)\n";
    const opaque = await differential(exec, { code: objects, reference: objects, entry: "box", inputs: [{ input: "(3,)", origin: "test" }], generate: 0 });
    expect(opaque.cases[0]!.reference.kind).toBe("opaque");
    expect(functionalFailure({ diff: opaque })).toBeUndefined();
  });

  it("finds the inputs where a solution disagrees, and marks out-of-domain inputs as the reference's refusal", async () => {
    const r = await differential(exec, { code: DOUBLES, reference: REF, entry: "next_power_of_2", inputs: [{ input: "(8,)", origin: "edge" }, { input: "(-4,)", origin: "edge" }], domain: DOMAIN, generate: 0 });
    expect(r.cases[0]).toMatchObject({ reference: { kind: "value", repr: "8" }, code: { kind: "value", repr: "16" }, agree: false });
    expect(r.cases[1]!.reference).toMatchObject({ kind: "raised", type: "ValueError", message: OUTSIDE_DOMAIN });
  });

  it("reports a reference that does not load, and a code that hangs as stopped by the time limit", async () => {
    const broken = await differential(exec, { code: SOUND, reference: "def next_power_of_2(n) return n\n", entry: "next_power_of_2", inputs: [{ input: "(1,)", origin: "test" }] });
    expect(broken.referenceError).toMatch(/SyntaxError/);
    const hang = "def next_power_of_2(n):\n    while n == 3:\n        pass\n    return 1 if n <= 1 else 1 << (n - 1).bit_length()\n";
    const r = await differential(exec, { code: hang, reference: REF, entry: "next_power_of_2", inputs: [{ input: "(2,)", origin: "test" }, { input: "(3,)", origin: "test" }], generate: 0 });
    expect(r.cases[0]!.agree).toBe(true);
    expect(r.cases[1]!.code).toEqual({ kind: "stopped", limit: "timeout" });
    const f = functionalFailure({ diff: r });
    expect(f).toMatchObject({ where: "differential", type: "timeout" });
  }, 30_000);

  it("prints literals canonically and refuses what is not a literal", async () => {
    expect(await canonicalReprs(exec, ["[1,2]", "None", "{'a':(1,)}", "nonsense("])).toEqual(["[1, 2]", "None", "{'a': (1,)}", undefined]);
  });

  it("runs visible tests, hidden tests and the differential check together, test inputs used as seeds", async () => {
    const report = await functionalCheck(exec, {
      code: DOUBLES,
      entry: "next_power_of_2",
      tests: { kind: "assert", code: "assert next_power_of_2(0) == 1\nassert next_power_of_2(5) == 8\n" },
      hidden: { kind: "assert", code: "assert next_power_of_2(16) == 16\n" },
      reference: REF,
      domain: DOMAIN,
    });
    expect(report.visible?.verdict).toBe("pass");
    expect(report.hidden?.verdict).toBe("fail");
    expect(report.diff?.cases.filter((c) => c.origin === "test").map((c) => c.input)).toEqual(["(0,)", "(5,)", "(16,)"]);
    expect(functionalFailure(report)).toMatchObject({ where: "hidden", type: "wrong-answer" });
  });
});
