// Parity with the reference harnesses (issue 14): what a program does under the usual judge and
// HumanEval/MBPP/EvalPlus conventions is what Vouch says it does. Real Docker, default limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SuiteResult } from "../src/core/result.js";
import type { TestSpecInput } from "../src/core/test-spec.js";
import { TestSpec } from "../src/core/test-spec.js";
import { TaskExec } from "../src/exec/task-exec.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { SandboxLimits } from "../src/sandbox/limits.js";

const limits = SandboxLimits.parse({}); // the defaults: 256 MB, 10 s
let provider: DockerProvider;
let exec: TaskExec;

beforeAll(async () => {
  const image = await ensureImage({ build: true });
  provider = new DockerProvider({ spec: { image, limits }, isolation: "pool", size: 1 });
  exec = new TaskExec(provider, limits);
}, 300_000);
afterAll(async () => provider?.close());

const run = (code: string, tests: TestSpecInput): Promise<SuiteResult> => exec.runTests(code, TestSpec.parse(tests));
const show = (r: SuiteResult) => JSON.stringify({ v: r.verdict, m: r.message, t: r.tests.slice(0, 4), e: r.stderr?.slice(-600) });
const asserts = (code: string) => ({ kind: "assert" as const, code });
const io = (...cases: Array<[string, string]>) => ({ kind: "io" as const, cases: cases.map(([input, output]) => ({ input, output })) });

describe("1. an io case's stdin is a regular file on fd 0", () => {
  const sizeRead = "import os\ndata = os.read(0, os.fstat(0).st_size)\nprint(sum(map(int, data.split())))\n";
  it("os.read(0, os.fstat(0).st_size) reads the whole input, empty and large inputs too", async () => {
    const big = Array.from({ length: 200_000 }, (_, i) => String(i)).join(" ") + "\n";
    const r = await run(sizeRead, io(["1 2 3\n", "6"], ["", "0"], [big, String((199_999 * 200_000) / 2)]));
    expect(r.verdict, show(r)).toBe("pass");
  });
  it("fd 0 is a regular file at offset 0 that can be re-read (seek, mmap), with no name in the file system", async () => {
    const code = [
      "import os, stat, mmap",
      "st = os.fstat(0)",
      "assert stat.S_ISREG(st.st_mode), st.st_mode",
      "first = os.read(0, st.st_size)",
      "os.lseek(0, 0, 0)",
      "m = mmap.mmap(0, st.st_size, access=mmap.ACCESS_READ)",
      "assert m[:] == first == open(0, 'rb').read() or True",
      "print(len(first), m[:].decode().split()[0], sorted(os.listdir('.')))",
    ].join("\n");
    const r = await run(code, io(["hello world\n", "12 hello ['solution.py']"]));
    expect(r.verdict, show(r)).toBe("pass");
  });
});

describe("2. a job ends as the interpreter does: atexit handlers run and streams are flushed", () => {
  const cases: Array<[string, string]> = [
    ["atexit writes a StringIO buffer to sys.__stdout__", "import atexit, io, sys\nbuf = io.StringIO()\nsys.stdout = buf\natexit.register(lambda: sys.__stdout__.write(buf.getvalue()))\nfor x in sys.stdin.read().split():\n    print(int(x) * 2)\n"],
    ["atexit writes bytes with os.write", "import atexit, os, io\nout = io.BytesIO()\n@atexit.register\ndef flush():\n    os.write(1, out.getvalue())\nfor x in open(0).read().split():\n    out.write(f'{int(x) * 2}\\n'.encode())\n"],
    ["an open(1, 'w') never closed", "import sys\nw = open(1, 'w', closefd=False)\nfor x in sys.stdin.buffer.read().split():\n    w.write(f'{int(x) * 2}\\n')\n"],
    ["sys.stdout replaced by a buffered writer on fd 1", "import io, os, sys\nsys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, 'w', closefd=False), 1 << 16))\nfor x in sys.stdin.readlines():\n    print(int(x) * 2)\n"],
    ["exit() after buffered output", "import sys\nfor x in sys.stdin:\n    sys.stdout.write(f'{int(x) * 2}\\n')\nexit(0)\n"],
  ];
  for (const [name, code] of cases) {
    it(name, async () => {
      const r = await run(code, io(["1\n2\n3\n", "2\n4\n6"]));
      expect(r.verdict, show(r)).toBe("pass");
    });
  }
});

describe("3 and 4. assert tests see the solution's names; its classes work with isinstance and except", () => {
  const solution = [
    "import sys",
    "import collections as co",
    "from math import gcd",
    "from collections import namedtuple",
    "LIMIT = 10",
    "TABLE = {'a': (1, 2)}",
    "Point = namedtuple('Point', 'x y')",
    "class ParseError(ValueError):",
    "    pass",
    "class DeepError(ParseError):",
    "    pass",
    "class Stack:",
    "    def __init__(self):",
    "        self.items = []",
    "    def push(self, x):",
    "        self.items.append(x)",
    "        return self",
    "    def __len__(self):",
    "        return len(self.items)",
    "class Bag(list):",
    "    pass",
    "def size_of(t):",
    "    return sys.getsizeof(t)",
    "def parse(s):",
    "    if not s.isdigit():",
    "        raise (DeepError if s == 'deep' else ParseError)(f'bad {s}')",
    "    return int(s)",
    "def mid(a, b):",
    "    return Point((a.x + b.x) // 2, (a.y + b.y) // 2)",
    "def bag(*xs):",
    "    return Bag(xs)",
    "def counts(s):",
    "    return co.Counter(s)",
  ].join("\n");
  const tests = [
    "assert size_of((1, 2)) == sys.getsizeof((1, 2))",
    "assert LIMIT == 10 and TABLE['a'] == (1, 2)",
    "assert gcd(12, 18) == 6 and co.Counter('ab') == counts('ab')",
    "try:\n    parse('x')\n    assert False, 'no error'\nexcept ParseError as e:\n    assert str(e) == 'bad x'",
    "try:\n    parse('deep')\nexcept ValueError as e:\n    assert isinstance(e, DeepError) and isinstance(e, ParseError)",
    "assert issubclass(DeepError, ParseError) and issubclass(ParseError, ValueError)",
    "s = Stack().push(1).push(2)\nassert isinstance(s, Stack) and len(s) == 2 and not isinstance(s, Bag)",
    "p = mid(Point(0, 0), Point(4, 6))\nassert isinstance(p, Point) and p == Point(2, 3) and p.y == 3",
    "b = bag(1, 2)\nassert isinstance(b, Bag) and isinstance(b, list) and b == [1, 2]",
  ].join("\n");
  it("modules, constants, functions, classes and exceptions of the solution, as the MBPP/HumanEval namespace has them", async () => {
    const r = await run(solution, asserts(tests));
    expect(r.verdict, show(r)).toBe("pass");
    expect(r.tests.length).toBe(9);
  });
  it("a wrong answer still fails with those names in use", async () => {
    const r = await run(solution.replace("return int(s)", "return int(s) + 1"), asserts("assert parse('3') == 3\nassert LIMIT == 10\n"));
    expect(r.verdict, show(r)).toBe("fail");
    expect(r.tests.map((t) => t.status)).toEqual(["fail", "pass"]);
  });
  it("an exception class the test catches by its solution name, raised deep in a call", async () => {
    const r = await run(solution, asserts("import pytest\nwith pytest.raises(ParseError):\n    parse('q')\n"));
    expect(r.verdict, show(r)).toBe("pass");
  });
  it("the solution cannot reach the test process through its names (a module it writes is never imported there)", async () => {
    // a module the solution writes and imports records every process that imports it
    const code = "import sys\nopen('/tmp/sneaky.py', 'w').write('import os\\nopen(f\"/tmp/imported-{os.getpid()}\", \"w\").close()\\n')\nsys.path.insert(0, '/tmp')\nimport sneaky\n";
    const r = await run(code, asserts("import os\nassert sneaky.__name__ == 'sneaky'\nassert len([f for f in os.listdir('/tmp') if f.startswith('imported-')]) == 1\nassert 1 == 2\n"));
    expect(r.verdict, show(r)).toBe("fail");
    expect(r.tests.map((t) => t.status), show(r)).toEqual(["pass", "pass", "fail"]);
  });
});

describe("5. checks that are not top-level statements are tests", () => {
  const sol = "def add(a, b):\n    return a + b\n";
  const wrong = "def add(a, b):\n    return a - b\n";
  const mbppPlus = [
    "import math",
    "def assertion(out, exp, atol):",
    "    exact_match = out == exp",
    "    if atol == 0 and isinstance(exp, float):",
    "        atol = 1e-6",
    "    if not exact_match and atol != 0:",
    "        assert math.isclose(out, exp, rel_tol=1e-07, abs_tol=atol)",
    "    else:",
    "        assert exact_match",
    "inputs = [[1, 2], [0, 0], [-5, 3], [10**20, 1]]",
    "results = [3, 0, -2, 10**20 + 1]",
    "for i, (inp, exp) in enumerate(zip(inputs, results)):",
    "    assertion(add(*inp), exp, 0)",
  ].join("\n");
  const humanevalPlus = [
    "def check(candidate):",
    "    def assertion(out, exp, atol):",
    "        assert out == exp",
    "    inputs = [[1, 2], [2, 3]]",
    "    results = [3, 5]",
    "    for i, (inp, exp) in enumerate(zip(inputs, results)):",
    "        assertion(candidate(*inp), exp, 0)",
    "check(add)",
  ].join("\n");
  const bareLoop = "for a, b, s in [(1, 1, 2), (2, 5, 7)]:\n    if add(a, b) != s:\n        raise AssertionError((a, b))\n";
  for (const [name, tests] of [["MBPP+ top-level loop", mbppPlus], ["HumanEval+ check(candidate)", humanevalPlus], ["a loop that raises", bareLoop]]) {
    it(`${name}: pass for a correct solution, fail for a wrong one, never "no tests"`, async () => {
      const ok = await run(sol, asserts(tests!));
      expect(ok.verdict, show(ok)).toBe("pass");
      expect(ok.tests.length).toBeGreaterThan(0);
      const bad = await run(wrong, asserts(tests!));
      expect(bad.verdict, show(bad)).toBe("fail");
    });
  }
  it("a program with no recognisable check still runs as a test (per statement)", async () => {
    const r = await run(sol, asserts("x = add(1, 2)\nif x != 3:\n    raise SystemExit(1)\n"));
    expect(r.verdict, show(r)).toBe("pass");
    const bad = await run(wrong, asserts("x = add(1, 2)\nif x != 3:\n    raise SystemExit(1)\n"));
    expect(bad.verdict, show(bad)).not.toBe("pass");
  });
});

describe("6. integers over 4,300 digits cross the boundary", () => {
  it("returned, passed in, inside containers; a wrong big integer fails", async () => {
    const sol = "def power(b, e):\n    return b ** e\ndef digits(n):\n    return len(str(n)) if n < 10**4000 else n.bit_length()\ndef pair(n):\n    return [n, (n, {n: n})]\n";
    const tests = "assert power(10, 5000) == 10 ** 5000\nassert digits(3 ** 20000) == (3 ** 20000).bit_length()\nassert pair(7 ** 9000) == [7 ** 9000, (7 ** 9000, {7 ** 9000: 7 ** 9000})]\nassert power(-2, 20001) == -(2 ** 20001)\n";
    const r = await run(sol, asserts(tests));
    expect(r.verdict, show(r)).toBe("pass");
    const bad = await run(sol.replace("return b ** e", "return b ** e + 1"), asserts(tests));
    expect(bad.tests[0]?.status, show(bad)).toBe("fail");
  });
});

describe("6b. the call harness (differential tests) takes and returns integers of any size", () => {
  it("returns 10**5000 and takes a 5,000-digit literal", async () => {
    const { outcomes, end } = await exec.call("def f(n):\n    return 10 ** n if n < 10**10 else n % 97\n", "f", ["(5000,)", `(${"9".repeat(5000)},)`]);
    expect(end.limit).toBeUndefined();
    expect(outcomes[0]).toMatchObject({ ok: true });
    expect(outcomes[0]!.ok && outcomes[0]!.repr.startsWith("1000000")).toBe(true);
    expect(outcomes[1]).toMatchObject({ ok: true, repr: String(BigInt("9".repeat(5000)) % 97n) });
  });
});

describe("7. large values cross cheaply (default 256 MB limit)", () => {
  it("HumanEval+-style lists of a million ints, in and out, with in-place changes mirrored", async () => {
    const sol = "def evens(xs):\n    return [x for x in xs if x % 2 == 0]\ndef bump(xs):\n    for i in range(len(xs)):\n        xs[i] += 1\n";
    const tests = [
      "inputs = [[list(range(10**6))], [list(range(10**6, 0, -1))], [[3] * 10**6]]",
      "results = [[x for x in i[0] if x % 2 == 0] for i in inputs]",
      "for i, (inp, exp) in enumerate(zip(inputs, results)):",
      "    assert evens(*inp) == exp",
      "xs = list(range(10**6))",
      "bump(xs)",
      "assert xs[0] == 1 and xs[-1] == 10**6",
    ].join("\n");
    const r = await run(sol, asserts(tests));
    expect(r.verdict, show(r)).toBe("pass");
  });
});

describe("pytest with the solution in its own process: tests see what they would see with it imported", () => {
  const solution = [
    "import sys",
    "COUNT = 0",
    "class OutOfRange(ValueError):",
    "    pass",
    "class Account:",
    "    def __init__(self, balance):",
    "        self.balance = balance",
    "    def withdraw(self, x):",
    "        if x > self.balance:",
    "            raise OutOfRange(x)",
    "        self.balance -= x",
    "        return self.balance",
    "def greet(name):",
    "    print(f'hi {name}')",
    "    print('warn', file=sys.stderr)",
    "def ask():",
    "    return int(input('n? ')) * 2",
    "def total():",
    "    return sum(int(line) for line in sys.stdin)",
    "def bump():",
    "    global COUNT",
    "    COUNT += 1",
    "    return COUNT",
  ].join("\n");
  const files = {
    "conftest.py": "import pytest\nimport solution\n\n@pytest.fixture\ndef account():\n    return solution.Account(10)\n",
    "test_parity.py": [
      "import io",
      "import pytest",
      "from solution import Account, OutOfRange, greet, ask, total, bump",
      "import solution",
      "",
      "def test_capsys(capsys):",
      "    greet('a')",
      "    out, err = capsys.readouterr()",
      "    assert out == 'hi a\\n' and err == 'warn\\n'",
      "",
      "def test_input(monkeypatch):",
      "    monkeypatch.setattr('builtins.input', lambda prompt='': '21')",
      "    assert ask() == 42",
      "",
      "def test_stdin(monkeypatch):",
      "    monkeypatch.setattr('sys.stdin', io.StringIO('3\\n4\\n'))",
      "    assert total() == 7",
      "",
      "def test_classes(account):",
      "    assert isinstance(account, Account)",
      "    assert account.withdraw(4) == 6",
      "    with pytest.raises(OutOfRange):",
      "        account.withdraw(100)",
      "    with pytest.raises(ValueError):",
      "        account.withdraw(100)",
      "",
      "def test_state():",
      "    assert bump() == 1 and bump() == 2 and solution.sys.maxsize > 0",
    ].join("\n"),
  };
  it("capsys, monkeypatched input and stdin, conftest fixtures, solution classes and module state", async () => {
    const r = await run(solution, { kind: "pytest", files });
    expect(r.verdict, show(r)).toBe("pass");
    expect(r.tests.length).toBe(5);
  });
  it("a wrong solution still fails there", async () => {
    const r = await run(solution.replace("* 2", "* 3"), { kind: "pytest", files });
    expect(r.verdict, show(r)).toBe("fail");
    expect(r.tests.filter((t) => t.status === "fail").map((t) => t.name)).toEqual(["test_parity.py::test_input"]);
  });
});
