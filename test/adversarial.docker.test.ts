// The adversarial suite: hostile code gets the right verdict, the worker survives, the next job in the
// same container is unaffected, and no container is left behind. Real Docker, no fakes.
import Docker from "dockerode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeRecord, type CodeRecordInput } from "../src/core/code-record.js";
import type { Verdict } from "../src/core/result.js";
import { verifyRecord, type RecordContext } from "../src/exec/verify-record.js";
import { LABEL_MANAGED } from "../src/sandbox/docker/labels.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { MiB, SandboxLimits } from "../src/sandbox/limits.js";

const limits = SandboxLimits.parse({ timeoutMs: 2_000, memoryBytes: 128 * MiB, maxOutputBytes: 256 * 1024, pids: 32 });
const tests = { kind: "assert" as const, code: "assert f(2) == 4\n" };
const good: CodeRecordInput = { id: "good", code: "def f(x):\n    return x * 2\n", tests };

const cases: Array<{ name: string; code: string; verdict: Verdict; message?: RegExp }> = [
  { name: "busy loop", code: "def f(x):\n    while True: pass\n", verdict: "timeout" },
  { name: "busy loop at import", code: "while True: pass\n", verdict: "timeout" },
  {
    name: "ignores SIGTERM",
    code: "import signal, time\nsignal.signal(signal.SIGTERM, signal.SIG_IGN)\ndef f(x):\n    time.sleep(100)\n",
    verdict: "timeout",
  },
  { name: "fork bomb", code: "import os\ndef f(x):\n    while True:\n        try: os.fork()\n        except OSError: pass\n", verdict: "timeout" },
  { name: "memory bomb", code: "def f(x):\n    a = []\n    while True: a.append(bytearray(16 * 2**20))\n", verdict: "memory-limit" },
  { name: "output flood", code: "import sys\ndef f(x):\n    while True: sys.stdout.write('y' * 4096)\n", verdict: "output-limit" },
  {
    name: "disk fill",
    code: "def f(x):\n    with open('big', 'wb') as fh:\n        while True: fh.write(b'0' * 2**20)\n",
    verdict: "fail",
    message: /(No space left|File too large|SIGXFSZ|solution process)/,
  },
  { name: "deep recursion", code: "def f(x):\n    return f(x + 1)\n", verdict: "fail", message: /RecursionError/ },
  // with the limit raised, Python 3.11 frames grow on the heap until the memory limit stops them
  { name: "unbounded recursion", code: "import sys\nsys.setrecursionlimit(10**8)\ndef f(x):\n    return f(x + 1)\n", verdict: "memory-limit" },
  { name: "syntax error", code: "def f(x) return x\n", verdict: "error", message: /SyntaxError/ },
  {
    name: "network",
    code: "import socket\ndef f(x):\n    socket.create_connection(('1.1.1.1', 53), timeout=1)\n    return 4\n",
    verdict: "fail",
    message: /(OSError|unreachable|Network)/i,
  },
  { name: "root", code: "import os\ndef f(x):\n    os.setuid(0)\n    return 4\n", verdict: "fail", message: /PermissionError/ },
  { name: "write root fs", code: "def f(x):\n    open('/usr/pwned', 'w').write('x')\n    return 4\n", verdict: "fail", message: /Read-only|Permission/ },
  {
    name: "engine socket",
    code: "import socket\ndef f(x):\n    s = socket.socket(socket.AF_UNIX)\n    s.connect('/var/run/docker.sock')\n    return 4\n",
    verdict: "fail",
    message: /FileNotFoundError|No such file/,
  },
  {
    name: "exits before the asserts",
    code: "import sys\ndef f(x):\n    sys.exit(0)\n",
    verdict: "fail",
  },
  {
    name: "object that equals anything",
    code: "class A:\n    def __eq__(self, o): return True\ndef f(x):\n    return A()\n",
    verdict: "fail",
  },
  {
    // looks for the expected value everywhere a same-uid process could: files, and every process's
    // stdin, memory, cmdline and environment; the pattern is built so that its own source does not match
    name: "reads the tests",
    code: [
      "import os, re",
      "PAT = re.compile(re.escape('f(2) ' + '==') + rb' (\\d+)'.decode())",
      "def grab(path, binary=False):",
      "    try:",
      "        with open(path, 'rb') as fh:",
      "            data = fh.read(1 << 20)",
      "    except OSError:",
      "        return None",
      "    m = PAT.search(data.decode('latin-1'))",
      "    return int(m.group(1)) if m else None",
      "FOUND = []",
      "for root in ('/work', '/tmp', '/dev/shm'):",
      "    for d, _, files in os.walk(root):",
      "        FOUND += [grab(os.path.join(d, f)) for f in files if f != 'solution.py']",
      "for pid in [p for p in os.listdir('/proc') if p.isdigit()]:",
      "    for part in ('cmdline', 'environ', 'fd/0', 'fd/3'):",
      "        FOUND.append(grab(f'/proc/{pid}/{part}'))",
      "FOUND = [x for x in FOUND if x is not None]",
      "def f(x):",
      "    return FOUND[0] if FOUND else 0",
    ].join("\n"),
    verdict: "fail",
    message: /got 0, expected 4/,
  },
  {
    // stops every other process it can see (the fork server included), then answers correctly: its own
    // verdict stands, and the runner notices the fork server does not answer and the container is replaced
    name: "stops the fork server",
    code: [
      "import os, signal",
      "for p in os.listdir('/proc'):",
      "    if p.isdigit() and int(p) not in (os.getpid(), os.getppid()):",
      "        try: os.kill(int(p), signal.SIGSTOP)",
      "        except OSError: pass",
      "def f(x):",
      "    return x * 2",
    ].join("\n"),
    verdict: "pass",
  },
  {
    name: "leaves a process behind",
    code: "import os, subprocess\nsubprocess.Popen(['sleep', '1000'], start_new_session=True)\ndef f(x):\n    return x * 2\n",
    verdict: "pass",
  },
];

describe("adversarial suite (real Docker)", () => {
  let provider: DockerProvider;
  let ctx: RecordContext;
  let image: string;
  beforeAll(async () => {
    image = await ensureImage({ build: true });
    provider = new DockerProvider({ spec: { image, limits }, isolation: "pool", size: 1 });
    ctx = { provider, image, limits };
  }, 300_000);
  afterAll(async () => {
    await provider?.close();
  });

  for (const c of cases) {
    it(`${c.name}: ${c.verdict}, and the next job is unaffected`, async () => {
      const r = await verifyRecord(CodeRecord.parse({ id: c.name, code: c.code, tests }), ctx);
      expect(r.verdict, JSON.stringify(r).slice(0, 1500)).toBe(c.verdict);
      if (c.message) expect(`${r.message ?? ""} ${r.tests.map((t) => t.message).join(" ")} ${r.stderr ?? ""}`).toMatch(c.message);
      const next = await verifyRecord(CodeRecord.parse(good), ctx);
      expect(next.verdict, JSON.stringify(next)).toBe("pass");
    }, 60_000);
  }

  it("leaves no process behind for the next job", async () => {
    const sb = await provider.acquire();
    try {
      await sb.exec(["sh", "-c", "setsid sleep 1000 & sleep 1000 &"]);
      const r = await sb.exec(["python3", "-c", "import os; print(sorted(int(p) for p in os.listdir('/proc') if p.isdigit()))"]);
      expect(JSON.parse(r.stdout).length).toBe(3); // runner (PID 1), fork server, this process
    } finally {
      await provider.release(sb);
    }
  });

  it("leaves no container behind", async () => {
    await provider.close();
    const docker = new Docker();
    const left = await docker.listContainers({ all: true, filters: { label: [`${LABEL_MANAGED}=true`] } });
    expect(left.filter((c) => c.Labels["dev.vouch.owner-pid"] === String(process.pid))).toEqual([]);
  });
});
