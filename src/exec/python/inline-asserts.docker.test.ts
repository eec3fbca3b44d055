import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparable, openAssertJobs } from "../../../test/support/assert-jobs.js";
import { ASSERT_HARNESS, PYTHON, SOLUTION_FILE } from "./harness.js";
import type { ExecResult } from "../../sandbox/types.js";

// Assert tests the runner evaluates itself (runner_asserts.py: one process per job instead of two) must give what
// the assert harness's own test process gives, field for field: every case runs both ways and is compared, and each
// family says which way the runner took.
let jobs: Awaited<ReturnType<typeof openAssertJobs>>;
const job = (code: string, tests: string, inlineTests: boolean): Promise<ExecResult> => jobs.job(code, tests, inlineTests);

beforeAll(async () => {
  jobs = await openAssertJobs(1, 3000);
}, 300_000);
afterAll(async () => jobs?.close());

async function both(code: string, tests: string) {
  const inline = await job(code, tests, true);
  const harness = await job(code, tests, false);
  expect(harness.inlineTests).toBe(false);
  expect(comparable(inline)).toEqual(comparable(harness));
  return inline;
}

const add = "def add(a, b):\n    return a + b\n";

describe("runner-evaluated assert tests: the same report as the harness", () => {
  const inlineCases: Array<[string, string, string]> = [
    ["passing MBPP asserts", add, "assert add(1, 2) == 3\nassert add('a', 'b') == 'ab'\nassert add([1], [2]) == [1, 2]\n"],
    ["a failing assert shows both sides", add, "assert add(1, 2) == 4\nassert add(2, 2) == 4\n"],
    ["an assert message", add, "assert add(1, 2) == 4, 'one plus two'\n"],
    ["truthiness, not, is None, in, chained and boolean comparisons", "def f(x):\n    return x or None\n",
      "assert f(1)\nassert not f(0)\nassert f(0) is None\nassert 1 in [f(1), 2]\nassert 0 < f(3) <= 3 and f(2) != 3\n"],
    ["a builtin exception from the solution, with where", "def f(x):\n    return 1 // x\n", "assert f(1) == 1\nassert f(0) == 0\nassert f(2) == 0\n"],
    ["keyword arguments, nested literals, negative numbers", "def f(xs, *, k=1):\n    return {x: (x * k, -x) for x in xs}\n",
      "assert f([1, 2], k=-3) == {1: (-3, -1), 2: (-6, -2)}\nassert f((), k=2) == {}\n"],
    ["floats, big integers, sets and bytes", "def f(n):\n    return (n / 3, 7 ** n, {n, -n}, bytes([n]))\n",
      `assert f(300) == (100.0, ${7n ** 300n}, {300, -300}, b'\\x2c')\nassert f(3) == (1.0, 343, {3, -3}, b'\\x03')\nassert f(4)[1] == 2400\n`],
    ["HumanEval's check(candidate)", "def inc(x):\n    return x + 1\n",
      "METADATA = {'author': 'x'}\n\ndef check(candidate):\n    assert candidate(1) == 2\n    assert abs(candidate(0.5) - 1.5) < 1e-6\n    assert candidate(2) == 4, 'wrong'\n    assert candidate(3) == 4\n\ncheck(inc)\n"],
    ["a for loop over data, and names bound in the tests", add, "for a, b, c in [(1, 2, 3), (3, 4, 8)]:\n    assert add(a, b) == c\nx = add(2, 2)\nassert x - 1 == 3\n"],
    ["the solution prints, on stdout and stderr", "import sys\nprint('loading')\ndef f(x):\n    print('f', x)\n    print('err', file=sys.stderr)\n    return x\n",
      "assert f(1) == 1\nassert f(2) == 3\n"],
    ["the solution fails to load", "def f(:\n", "assert f(1) == 1\n"],
    ["the solution raises while loading", "raise ValueError('nope')\n", "assert f(1) == 1\n"],
    ["a call that exits the solution process", "import sys\ndef f(x):\n    sys.exit(3)\n", "assert f(1) == 1\nassert f(2) == 2\n"],
    ["a call that kills the solution process", "import os\ndef f(x):\n    os._exit(4)\n", "assert f(1) == 1\nassert f(2) == 2\n"],
    ["deep recursion stops where it does under the harness", "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n",
      "assert f(900) == 900\nassert f(5000) == 5000\n"],
    ["a solution-defined object compared with data is refused", "class P:\n    pass\ndef f():\n    return P()\n", "assert f() == 1\n"],
    ["a result that is its own test data", "def f(x):\n    return [x, [x, {'k': (x,)}]]\n", "assert f(1) == [1, [1, {'k': (1,)}]]\n"],
  ];
  for (const [name, code, tests] of inlineCases) {
    it(`${name} (evaluated by the runner)`, async () => {
      const r = await both(code, tests);
      expect(r.inlineTests).toBe(true);
    });
  }

  it("a solution that hangs: the same test is reported started and unfinished", async () => {
    const r = await both("def f(x):\n    while x:\n        pass\n    return x\n", "assert f(0) == 0\nassert f(1) == 1\nassert f(0) == 0\n");
    expect(r.timedOut).toBe(true);
    expect(r.inlineTests).toBe(true);
  }, 30_000);

  it("a solution that exits mid-call while a child of it keeps the channel open: the same time-out", async () => {
    const code = "import os, time\ndef f(x):\n    if os.fork() == 0:\n        os.close(1)\n        os.close(2)\n        time.sleep(30)\n    os._exit(0)\n";
    const r = await both(code, "assert f(0) == 0\nassert f(1) == 1\n");
    expect(r.timedOut).toBe(true);
    expect(r.inlineTests).toBe(true);
  }, 30_000);

  it("a solution that kills its parent (the fork server here): no report and SIGKILL, every time, as a killed harness", async () => {
    const kill = "import os, signal\n";
    for (const code of [`${kill}os.kill(os.getppid(), signal.SIGKILL)\ndef f(x):\n    return 0\n`, `${kill}def f(x):\n    os.kill(os.getppid(), signal.SIGKILL)\n    return 0\n`]) {
      for (let i = 0; i < 3; i++) {
        const r = await job(code, "assert f(2) == 4\nassert f(0) == 0\n", true);
        expect(r.inlineTests).toBe(true);
        expect({ report: r.report, signal: r.signal }).toEqual({ report: "", signal: "SIGKILL" });
      }
    }
  }, 60_000);

  const harnessCases: Array<[string, string, string]> = [
    ["a name the solution does not define", add, "assert sub(1, 2) == -1\nassert add(1, 1) == 2\n"],
    ["a power in the tests", add, "assert add(7 ** 300, 0) == 7 ** 300\n"],
    ["a parameter named after a builtin the runner does not offer", add, "def check(input):\n    assert input(1, 2) == 3\ncheck(add)\n"],
    ["tests that import", add, "import math\nassert add(1, 2) == 3\n"],
    ["tests that call a method", "def f():\n    return [3, 1]\n", "assert sorted(f()) == [1, 3]\nassert f().count(3) == 1\n"],
    ["a test that uses the solution's import", "from math import gcd\n", "assert gcd(4, 6) == 2\n"],
    ["a call whose result is a solution-defined data class", "from collections import namedtuple\nP = namedtuple('P', 'x y')\ndef f():\n    return P(1, 2)\n",
      "assert f() == (1, 2)\n"],
    ["a solution-defined exception", "class Oops(Exception):\n    pass\ndef f():\n    raise Oops('x')\n", "assert f() == 1\n"],
    ["a result over the runner's message size", "def f(n):\n    return 'x' * n\n", "assert f(3) == 'xxx'\nassert len(f(9_000_000)) == 9_000_000\n"],
    ["a builtin the runner does not offer", add, "assert add(1, 2) == 3\nprint(add(1, 1))\n"],
    ["arithmetic between two values", add, "assert add(1, 2) + add(1, 1) == 5\n"],
    ["a range result (list() would build it whole in the runner)", "def f(n):\n    return range(n)\n", "assert list(f(3)) == [0, 1, 2]\n"],
    ["multiplication in the tests", add, "assert add([0], [1]) * 2 == [0, 1, 0, 1]\n"],
  ];
  for (const [name, code, tests] of harnessCases) {
    it(`${name} (handed to the harness)`, async () => {
      const r = await both(code, tests);
      expect(r.inlineTests).toBe(false);
    });
  }

  it("the runner keeps no memory per job", async () => {
    const sb = await jobs.provider.acquire();
    try {
      const rss = async () => {
        const r = await sb.exec(["sh", "-c", "grep VmRSS /proc/1/status"]);
        return Number(/(\d+)/.exec(r.stdout)?.[1]);
      };
      const runJobs = async (n: number, from: number) => {
        for (let i = from; i < from + n; i++) {
          const r = await sb.exec([PYTHON, ASSERT_HARNESS, SOLUTION_FILE], {
            files: { [SOLUTION_FILE]: `# ${i}\n${add}X = [${i}] * 50\n` },
            stdin: JSON.stringify({ code: `assert add(${i}, 1) == ${i + 1}\nassert add([${i}], [2]) == [${i}, 2]\nassert add(1, 1) == 3\n` }),
          });
          expect(r.inlineTests).toBe(true);
        }
      };
      await runJobs(30, 0);
      const before = await rss();
      await runJobs(600, 30);
      const after = await rss();
      expect(after - before, `VmRSS ${before} kB -> ${after} kB`).toBeLessThan(256); // a decoder kept per job grew it by ~540 kB here
    } finally {
      await jobs.provider.release(sb);
    }
  }, 120_000);
});
