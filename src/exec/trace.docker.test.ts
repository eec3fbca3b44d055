import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTaskContext } from "../../test/support/task-context.js";
import type { TaskExec } from "./task-exec.js";
import { traceTest } from "./trace.js";

describe("traceTest on the real engine", () => {
  let ctx: { exec?: TaskExec };
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ ctx, close } = await openTaskContext());
  }, 600_000);
  afterAll(async () => close?.());

  it("records every line with the variables after it, in start order, and the entry's return value", async () => {
    const code = "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n";
    const t = await traceTest(ctx.exec!, code, "assert f([1, 2, 3]) == 6\n", { entry: "f" });
    expect(t.verdict).toBe("pass");
    const body = t.lines.filter((l) => l.fn === "f");
    expect(body.map((l) => l.line)).toEqual([2, 3, 4, 3, 4, 3, 4, 3, 5]);
    expect(body.filter((l) => l.line === 4).map((l) => l.vars.total)).toEqual(["1", "3", "6"]);
    expect(body[0]!.vars).toEqual({ xs: "[1, 2, 3]", total: "0" });
    expect(body[0]!.changed).toEqual(["total"]); // the argument came with the call
    expect(body.at(-1)!.returned).toBe("6");
    expect(t.entryCalls).toEqual([{ returned: "6", testLine: 1 }]);
    expect(t.lines.map((l) => l.seq)).toEqual([...t.lines.map((l) => l.seq)].sort((a, b) => a - b));
  });

  it("traces a typical MBPP test completely (hundreds of line events, no cap reached)", async () => {
    const code = "def lps(s):\n    n = len(s)\n    dp = [[0] * n for _ in range(n)]\n    for i in range(n - 1, -1, -1):\n        dp[i][i] = 1\n        for j in range(i + 1, n):\n            if s[i] == s[j]:\n                dp[i][j] = dp[i + 1][j - 1] + 2\n            else:\n                dp[i][j] = max(dp[i + 1][j], dp[i][j - 1])\n    return dp[0][n - 1]\n";
    const t = await traceTest(ctx.exec!, code, 'assert lps("TENS FOR TENS") == 5\n', { entry: "lps" });
    expect(t.verdict).toBe("pass");
    expect(t.stopped).toBeUndefined();
    expect(t.lines.length).toBeGreaterThan(200);
  });

  it("copes with recursion, a caught exception, an uncaught one, and printing", async () => {
    const code = [
      "def fact(n):",
      "    if n <= 1:",
      "        return 1",
      "    return n * fact(n - 1)",
      "def safe_div(a, b):",
      "    try:",
      "        q = a // b",
      "    except ZeroDivisionError:",
      "        q = None",
      "    print('q', q)",
      "    return q",
      "def first(xs):",
      "    return xs[0]",
      "",
    ].join("\n");
    const t = await traceTest(ctx.exec!, code, "assert fact(5) == 120\nassert safe_div(1, 0) is None\nfirst([])\n", { entry: "fact" });
    expect(t.verdict).toBe("error");
    expect(t.error).toMatchObject({ type: "IndexError", where: "solution.py:13 in first" });
    expect(Math.max(...t.lines.filter((l) => l.fn === "fact").map((l) => l.depth))).toBe(5);
    expect(t.lines.find((l) => l.line === 7)?.raised).toBe("ZeroDivisionError");
    expect(t.lines.find((l) => l.line === 9)?.vars).toMatchObject({ q: "None" });
    expect(t.lines.find((l) => l.line === 13)?.raised).toBe("IndexError");
    expect(t.stdout).toBe("q None\n");
    expect(t.entryCalls).toEqual([{ returned: "120", testLine: 1 }]);
  });

  it("stops recording a loop of many thousands of iterations at the cap and still reports the result", async () => {
    const code = "def f(n):\n    big = list(range(5000))\n    total = 0\n    for i in range(n):\n        total += i % 7\n    return total\n";
    const t = await traceTest(ctx.exec!, code, "assert f(300000) == 0\n", { entry: "f", maxEvents: 5000 });
    expect(t.stopped).toBe("events");
    expect(t.lines.length).toBe(5000);
    expect(t.verdict).toBe("fail");
    expect(t.entryCalls[0]!.returned).toBe(String([...Array(300000).keys()].reduce((a, i) => a + (i % 7), 0)));
    const big = t.lines.find((l) => l.vars.big !== undefined)!;
    expect(big.cut).toContain("big"); // 5000 items: a prefix only
    expect(big.vars.big!.length).toBeLessThanOrEqual(300);
  });

  it("keeps what it recorded when the run times out", async () => {
    const code = "import time\ndef spin():\n    i = 0\n    while True:\n        i += 1\n        time.sleep(0.002)\n";
    const t = await traceTest(ctx.exec!, code, "spin()\n", { entry: "spin", budgetMs: 300 });
    expect(t.verdict).toBe("timeout");
    expect(t.stopped).toBe("time");
    expect(t.lines.some((l) => l.line === 5 && l.vars.i === "1")).toBe(true);
  });

  it("reports code that does not compile, and a solution that removes the tracer", async () => {
    const bad = await traceTest(ctx.exec!, "def f(:\n    pass\n", "assert f() == 1\n", { entry: "f" });
    expect(bad).toMatchObject({ verdict: "error", error: { type: "SyntaxError" }, lines: [] });
    const sneaky = await traceTest(ctx.exec!, "import sys\ndef f():\n    sys.settrace(None)\n    return 1\n", "assert f() == 1\n", { entry: "f" });
    expect(sneaky.tampered).toBe(true);
  });
});
