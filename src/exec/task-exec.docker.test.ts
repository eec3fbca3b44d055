import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTaskContext } from "../../test/support/task-context.js";
import type { TaskExec } from "./task-exec.js";
import { sameRepr } from "./task-exec.js";

let exec: TaskExec;
let close: () => Promise<void>;

beforeAll(async () => {
  const opened = await openTaskContext(1);
  exec = opened.ctx.exec!;
  close = opened.close;
});
afterAll(async () => close?.());

const CODE = "def div(a, b):\n    return a // b\n\ndef total(xs):\n    return sum(xs)\n";

describe("TaskExec on the real engine", () => {
  it("calls an entry point on each input and reports values, exceptions with their line, and bad inputs", async () => {
    const { outcomes, end } = await exec.call(CODE, "div", ["(7, 2)", "(1, 0)", "(3,", "(-7, 2)"]);
    expect(end.limit).toBeUndefined();
    expect(outcomes[0]).toMatchObject({ i: 0, ok: true, repr: "3" });
    expect(outcomes[1]).toMatchObject({ i: 1, ok: false, error: { type: "ZeroDivisionError", where: "solution.py:2 in div" } });
    expect(outcomes[2]).toMatchObject({ i: 2, ok: false, badInput: { type: "SyntaxError" } });
    expect(outcomes[3]).toMatchObject({ i: 3, ok: true, repr: "-4" });
  });

  it("reports code that does not load, and a missing entry point", async () => {
    expect((await exec.call("def f(:\n", "f", ["(1,)"])).end.loadError?.type).toBe("SyntaxError");
    expect((await exec.call(CODE, "nope", ["(1,)"])).end.loadError?.type).toBe("KeyError");
  });

  it("says when a job hit its time limit instead of finishing (code that hangs while loading)", async () => {
    const { end } = await exec.call("while True:\n    pass\n", "f", ["(1,)"]);
    expect(end.limit).toBe("timeout");
  });

  it("generates distinct mutated inputs on which the reference returns, with its outputs", async () => {
    const { inputs } = await exec.generate(CODE, "total", ["([1, 2, 3],)", "([10, -4],)"], 15, 7);
    expect(inputs.length).toBe(15);
    expect(new Set(inputs.map((i) => i.input)).size).toBe(15);
    for (const g of inputs) {
      // the reference's output really is the sum of the generated list
      const xs = JSON.parse(g.input.replace(/^\(/, "").replace(/,\)$/, "")) as number[];
      expect(Number(g.repr)).toBe(xs.reduce((a, b) => a + b, 0));
    }
  });

});

describe("sameRepr", () => {
  it("accepts equal text and numbers equal to 1e-9, nothing else", () => {
    expect(sameRepr("[1, 2]", "[1, 2]")).toBe(true);
    expect(sameRepr("0.30000000000000004", "0.3")).toBe(true);
    expect(sameRepr("3", "3.0")).toBe(true);
    expect(sameRepr("3", "4")).toBe(false);
    expect(sameRepr("'a'", "'b'")).toBe(false);
    expect(sameRepr("", "0")).toBe(false);
  });
});

describe("per-call limits and dict inputs", () => {
  it("charges a hanging input to that call only; the inputs after it still run", async () => {
    const code = "def f(n):\n    while n < 0:\n        pass\n    return n * 2\n";
    const { outcomes, end } = await exec.call(code, "f", ["(1,)", "(-1,)", "(3,)"]);
    expect(end.limit).toBeUndefined();
    expect(outcomes.map((o) => (o.ok ? o.repr : "badInput" in o ? "bad" : o.error.type))).toEqual(["2", "Timeout", "6"]);
  });

  it("mutates dict arguments too", async () => {
    const { inputs } = await exec.generate("def depth(d):\n    return len(d)\n", "depth", ["({'a': 1, 'b': {'c': 2}},)"], 5, 3);
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.every((i) => i.input.startsWith("({"))).toBe(true);
  });
});

describe("exclusive sections", () => {
  it("wait for jobs in flight, hold new ones back, and let their own jobs through", async () => {
    const t0 = performance.now();
    const at = () => performance.now() - t0;
    const sleep = (s: number) => exec.run(["python3", "-c", `import time; time.sleep(${s})`]);
    const before = sleep(0.4); // in flight when the section asks
    await new Promise((r) => setTimeout(r, 50));
    let start = 0;
    let end = 0;
    const section = exec.exclusive(async () => {
      start = at();
      await sleep(0.2); // its own job does not wait for the section to end
      end = at();
    });
    await new Promise((r) => setTimeout(r, 50));
    let afterDone = 0;
    const after = sleep(0.01).then(() => (afterDone = at())); // asked during the section
    await Promise.all([before, section, after]);
    expect(start).toBeGreaterThanOrEqual(400); // the 0.4 s job had ended
    expect(end - start).toBeGreaterThanOrEqual(200);
    expect(afterDone).toBeGreaterThanOrEqual(end); // held back until the section ended
  });
});
