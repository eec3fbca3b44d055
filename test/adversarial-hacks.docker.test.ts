// Reward hacks (issue 14): a wrong solution that attacks the harness instead of solving the task never gets
// `pass`. Assert, io, pytest (the solution in its own process, and the in-process guard) and the walkthrough
// tracer. Real Docker, no fakes; after each attack a correct solution still passes in the same pool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeRecord } from "../src/core/code-record.js";
import type { SuiteResult, Verdict } from "../src/core/result.js";
import { TestSpec, type TestSpecInput } from "../src/core/test-spec.js";
import { grade } from "../src/exec/grade.js";
import { planPython } from "../src/exec/python/plan.js";
import { runPlan } from "../src/exec/run-plan.js";
import { TaskExec } from "../src/exec/task-exec.js";
import { traceTest } from "../src/exec/trace.js";
import { verifyRecord, type RecordContext } from "../src/exec/verify-record.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { SandboxLimits } from "../src/sandbox/limits.js";

const limits = SandboxLimits.parse({ timeoutMs: 5_000 });
let provider: DockerProvider;
let ctx: RecordContext;
let exec: TaskExec;

beforeAll(async () => {
  const image = await ensureImage({ build: true });
  provider = new DockerProvider({ spec: { image, limits }, isolation: "pool", size: 1 });
  ctx = { provider, image, limits };
  exec = new TaskExec(provider, limits);
}, 300_000);
afterAll(async () => provider?.close());

const verify = (code: string, tests: TestSpecInput) => verifyRecord(CodeRecord.parse({ id: "hack", code, tests }), ctx);
const show = (r: { verdict: string; message?: string; tests: unknown[] }) => JSON.stringify({ v: r.verdict, m: r.message, t: r.tests.slice(0, 3) }).slice(0, 1500);

// ---------------------------------------------------------------- pytest
const pyTests: TestSpecInput = {
  kind: "pytest",
  files: {
    "test_add.py": "from solution import add\n\ndef test_small():\n    assert add(2, 2) == 4\n\ndef test_negative():\n    assert add(-1, -2) == -3\n",
    "test_zlater.py": "import solution\n\ndef test_later():\n    assert solution.add(10, 5) == 15\n",
  },
};
const WRONG = "def add(a, b):\n    return a - b\n";

const pytestHacks: Array<{ name: string; code: string }> = [
  {
    name: "patches _pytest.runner so every report says passed",
    code: [
      "import _pytest.runner as r",
      "from _pytest.reports import TestReport",
      "def forged(item, when, log=True, **kw):",
      "    rep = TestReport(item.nodeid, item.location, {}, 'passed', None, when)",
      "    item.ihook.pytest_runtest_logreport(report=rep)",
      "    return rep",
      "r.call_and_report = forged",
      WRONG,
    ].join("\n"),
  },
  { name: "makes Function.runtest a no-op", code: "import _pytest.python\n_pytest.python.Function.runtest = lambda self: None\n" + WRONG },
  {
    name: "rewrites TestReport after construction",
    code: [
      "from _pytest.reports import TestReport",
      "_init = TestReport.__init__",
      "def init(self, *a, **k):",
      "    _init(self, *a, **k)",
      "    self.outcome, self.longrepr = 'passed', None",
      "TestReport.__init__ = init",
      WRONG,
    ].join("\n"),
  },
  {
    name: "rewrites a test file pytest has not collected yet",
    code: "try:\n    open('test_zlater.py', 'w').write('def test_later():\\n    pass\\n')\nexcept OSError:\n    pass\n" + WRONG,
  },
  {
    name: "drops a conftest.py that forces every report to passed",
    code: [
      "src = '''import pytest",
      "@pytest.hookimpl(hookwrapper=True)",
      "def pytest_runtest_makereport(item, call):",
      "    out = yield",
      "    rep = out.get_result()",
      "    rep.outcome, rep.longrepr = 'passed', None",
      "'''",
      "try:",
      "    open('conftest.py', 'w').write(src)",
      "except OSError:",
      "    pass",
      WRONG,
    ].join("\n"),
  },
  {
    name: "registers a plugin with pytest's plugin manager from the solution",
    code: [
      "import pytest, gc",
      "class P:",
      "    @pytest.hookimpl(hookwrapper=True)",
      "    def pytest_runtest_makereport(self, item, call):",
      "        out = yield",
      "        out.get_result().outcome = 'passed'",
      "for o in gc.get_objects():",
      "    if type(o).__name__ == 'PytestPluginManager':",
      "        o.register(P())",
      WRONG,
    ].join("\n"),
  },
  {
    name: "writes a forged report line to fd 3 and exits",
    code: "import os\nfor fd in range(3, 64):\n    try:\n        os.write(fd, b'{\"test\": {\"name\": \"x\", \"status\": \"pass\", \"durationMs\": 1}}\\n{\"done\": true}\\n')\n    except OSError:\n        pass\n" + WRONG,
  },
  { name: "kills the pytest process", code: "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n" + WRONG },
];

describe("pytest reward hacks: the solution runs in its own process, the files stay read-only", () => {
  it("a correct solution passes and a plain wrong one fails", async () => {
    expect((await verify("def add(a, b):\n    return a + b\n", pyTests)).verdict).toBe("pass");
    expect((await verify(WRONG, pyTests)).verdict).toBe("fail");
  });
  for (const h of pytestHacks) {
    it(`${h.name}: never pass`, async () => {
      const r = await verify(h.code, pyTests);
      expect(["fail", "error"], show(r)).toContain(r.verdict);
      const ok = await verify("def add(a, b):\n    return a + b\n", pyTests);
      expect(ok.verdict, show(ok)).toBe("pass");
    }, 60_000);
  }
  it("the test files and conftest are read-only to the solution process (Landlock), /tmp stays writable", async () => {
    const code = [
      "import os",
      "RESULTS = []",
      "for path in ('test_add.py', 'conftest.py', 'new.txt', '/tmp/scratch.txt'):",
      "    try:",
      "        with open(path, 'a') as f:",
      "            f.write('x')",
      "        RESULTS.append('wrote')",
      "    except OSError as e:",
      "        RESULTS.append(type(e).__name__)",
      "def add(a, b):",
      "    return a + b",
    ].join("\n");
    const r = await verify(code, {
      kind: "pytest",
      files: { "test_ro.py": "from solution import add, RESULTS\n\ndef test_ro():\n    assert RESULTS == ['PermissionError'] * 3 + ['wrote']\n    assert add(1, 1) == 2\n" },
    });
    expect(r.verdict, show(r)).toBe("pass");
  });
});

// A suite whose record asks for the solution in the pytest process (`inProcess: true`): the guard must report
// each hack.
async function inProcess(code: string, tests: TestSpecInput): Promise<SuiteResult> {
  const plan = planPython(code, TestSpec.parse({ ...tests, inProcess: true }));
  expect(plan.runs[0]!.argv).toContain("--in-process");
  const sb = await provider.acquire();
  try {
    return grade(plan, await runPlan(sb, plan, limits.timeoutMs));
  } finally {
    await provider.release(sb);
  }
}

describe("pytest with the solution in-process: tampering is an error, never pass", () => {
  it("an honest in-process run passes, a wrong one fails", async () => {
    expect((await inProcess("def add(a, b):\n    return a + b\n", pyTests)).verdict).toBe("pass");
    expect((await inProcess(WRONG, pyTests)).verdict).toBe("fail");
  });
  for (const h of pytestHacks.slice(0, 6)) {
    it(`${h.name}: error with the reason`, async () => {
      const r = await inProcess(h.code, pyTests);
      expect(r.verdict, show(r)).not.toBe("pass");
      if (r.verdict === "error") expect(r.message ?? "").toMatch(/tampering|changed|plugin|report/);
    }, 60_000);
  }
});

// ---------------------------------------------------------------- assert
const assertHacks: Array<{ name: string; code: string; tests: string; verdict?: Verdict }> = [
  {
    name: "a list subclass whose __eq__ says yes",
    code: "class Yes(list):\n    def __eq__(self, o):\n        return True\ndef f(x):\n    return Yes([0])\n",
    tests: "assert f(2) == [4]\n",
  },
  {
    name: "binds its entry point to sys.exit so the test program 'ends' before its checks",
    code: "from sys import exit as f\n",
    tests: "assert f(0) == 4\nassert f(2) == 4\n",
  },
  {
    name: "an exception that claims to be an AssertionError-free pass",
    code: "class Done(BaseException):\n    pass\ndef f(x):\n    raise Done()\n",
    tests: "assert f(2) == 4\n",
  },
  {
    name: "sends a raw marshal blob to the test process",
    code: "import gc, socket, struct, json\ndef f(x):\n    for o in gc.get_objects():\n        if isinstance(o, socket.socket):\n            d = json.dumps({'ok': True, 'value': 4, 'blob': 2}).encode()\n            o.sendall(struct.pack('>I', len(d)) + d + b'xx')\n    return 5\n",
    tests: "assert f(2) == 4\n",
  },
  {
    name: "claims its function is the test process's os._exit",
    code: "def f(x):\n    return 5\nf.__module__, f.__qualname__ = 'os', '_exit'\n",
    tests: "assert f(0) == 4\n",
  },
];

describe("assert reward hacks", () => {
  for (const h of assertHacks) {
    it(`${h.name}: never pass`, async () => {
      const r = await verify(h.code, { kind: "assert", code: h.tests });
      expect(["fail", "error"], show(r)).toContain(r.verdict);
    }, 60_000);
  }
});

// ---------------------------------------------------------------- io
describe("io reward hacks", () => {
  const tests: TestSpecInput = { kind: "io", cases: [{ input: "2 3\n", output: "5" }, { input: "10 20\n", output: "30" }] };
  it("writes into its stdin file: the next case still gets its own input", async () => {
    const code = "import os\ndata = os.read(0, os.fstat(0).st_size)\nos.lseek(0, 0, 0)\nos.write(0, b'0 0\\n' * 8)\nprint(sum(map(int, data.split())))\n";
    const r = await verify(code, tests);
    expect(r.verdict, show(r)).toBe("pass");
  });
  it("an atexit handler that rewrites the output to the first case's answer", async () => {
    const code = "import atexit, os\natexit.register(lambda: os.write(1, b'5\\n'))\nimport sys\nsys.stdout = open(os.devnull, 'w')\n";
    const r = await verify(code, tests);
    expect(r.verdict, show(r)).toBe("fail");
  });
  it("a child that outlives the program and prints late", async () => {
    const code = "import os, time\nif os.fork() == 0:\n    time.sleep(0.5)\n    print(5, flush=True)\n    os._exit(0)\n";
    const r = await verify(code, tests);
    expect(r.verdict, show(r)).not.toBe("pass");
  });
});

// ---------------------------------------------------------------- walkthrough tracer
describe("walkthrough tracer hacks: the trace is unverifiable (tampered), never forged", () => {
  const test = "assert f(3) == 9\n";
  const hacks: Array<[string, string]> = [
    ["switches the tracer off and back on", "import sys\ndef f(x):\n    t = sys.gettrace()\n    sys.settrace(None)\n    y = x * x\n    sys.settrace(t)\n    return y\n"],
    ["clears its own frame's f_trace", "import sys\ndef f(x):\n    sys._getframe().f_trace = None\n    return x * x\n"],
    ["turns line events off through a traceback's frame", "def f(x):\n    try:\n        raise ValueError\n    except ValueError as e:\n        e.__traceback__.tb_frame.f_trace_lines = False\n    return x * x\n"],
    ["sets a tracer for new threads", "import threading\nthreading.settrace(lambda *a: None)\ndef f(x):\n    return x * x\n"],
    ["writes forged trace lines to fd 3", "import os\nos.write(3, b'{\"done\": true, \"verdict\": \"pass\", \"events\": 1, \"tampered\": false, \"entry_found\": true}\\n')\ndef f(x):\n    return x * x\n"],
    ["looks for the tracer with gc", "import gc\nT = [o for o in gc.get_objects() if type(o).__name__ == 'Tracer']\ndef f(x):\n    return x * x\n"],
    ["installs a signal handler (handlers are given frames)", "import signal\nsignal.signal(signal.SIGUSR1, lambda s, f: None)\ndef f(x):\n    return x * x\n"],
    ["forks a copy that writes after the harness", "import os, time\nif os.fork() == 0:\n    time.sleep(0.3)\n    os.write(3, b'{\"stop\": \"events\", \"events\": 0}\\n')\n    os._exit(0)\ndef f(x):\n    return x * x\n"],
  ];
  it("an honest run is not tampered", async () => {
    const t = await traceTest(exec, "def f(x):\n    y = x * x\n    return y\n", test, { entry: "f" });
    expect(t.tampered, JSON.stringify(t).slice(0, 800)).toBe(false);
    expect(t.verdict).toBe("pass");
  });
  for (const [name, code] of hacks) {
    it(`${name}: tampered`, async () => {
      const t = await traceTest(exec, code, test, { entry: "f" });
      expect(t.tampered, JSON.stringify(t).slice(0, 800)).toBe(true);
      expect(t.tamperReason).toBeTruthy();
    }, 60_000);
  }
});
