import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox, SandboxProvider } from "../../src/sandbox/types.js";

// The contract every sandbox provider keeps; run it against each provider.
export function sandboxConformance(name: string, make: () => Promise<SandboxProvider>): void {
  describe(`sandbox conformance: ${name}`, () => {
    let provider: SandboxProvider;
    let sb: Sandbox;
    beforeAll(async () => {
      provider = await make();
      sb = await provider.acquire();
    }, 60_000);
    afterAll(async () => {
      await provider.release(sb);
      await provider.close();
    });

    it("round-trips stdout, stderr, exit code and stdin", async () => {
      const r = await sb.exec(["python3", "-c", "import sys; d=sys.stdin.read(); print(d.upper()); print('e', file=sys.stderr); sys.exit(3)"], {
        stdin: "hello ünï",
      });
      expect(r).toMatchObject({ exitCode: 3, signal: null, stdout: "HELLO ÜNÏ\n", stderr: "e\n", timedOut: false });
    });

    it("writes files into a fresh working directory and wipes it afterwards", async () => {
      const plant = "import os; open('left.txt','w').write('1'); open('/tmp/t','w').write('1'); os.makedirs('/work/j99/x')";
      const a = await sb.exec(["python3", "-c", `print(open('d/x.txt').read()); ${plant}`], { files: { "d/x.txt": "content" } });
      expect(a.stdout).toBe("content\n");
      const b = await sb.exec(["python3", "-c", "import os; print(os.listdir('/work') == [os.path.basename(os.getcwd())], os.listdir('.'), os.listdir('/tmp'))"]);
      expect(b.stdout).toBe("True [] []\n");
    });

    it("leaves no System V IPC object from one job to the next", async () => {
      const make = "import ctypes; libc = ctypes.CDLL('libc.so.6'); print(libc.shmget(0x5eed, 4096, 0o1666) >= 0)";
      expect((await sb.exec(["python3", "-c", make])).stdout).toBe("True\n");
      const seen = await sb.exec(["python3", "-c", "print(open('/proc/sysvipc/shm').read().count('\\n'))"]);
      expect(seen.stdout).toBe("1\n"); // the header line only
    });

    it("runs non-python commands by exec", async () => {
      const r = await sb.exec(["sh", "-c", "echo $TZ $LANG $PYTHONHASHSEED; id -u"]);
      expect(r.stdout).toBe("UTC C.UTF-8 0\n65534\n");
    });

    it("kills the whole process tree at the time-out and reports it", async () => {
      const r = await sb.exec(["python3", "-c", "import os, time\nos.fork()\nos.fork()\ntime.sleep(60)"], { timeoutMs: 500 });
      expect(r.timedOut).toBe(true);
      expect(r.exitCode).toBeNull();
      expect(r.durationMs).toBeLessThan(5_000);
      const after = await sb.exec(["python3", "-c", "import os; print(len([p for p in os.listdir('/proc') if p.isdigit()]))"]);
      expect(Number(after.stdout.trim())).toBeLessThanOrEqual(3); // runner, fork server, this process
    });

    it("cuts output at the limit, says so, and does not deadlock", async () => {
      const r = await sb.exec(["python3", "-c", "import sys\nwhile True: sys.stdout.write('x' * 65536)"], { timeoutMs: 5_000 });
      expect(r.outputTruncated).toBe(true);
      expect(r.timedOut).toBe(false);
      expect(r.stdout.length).toBeLessThanOrEqual(1024 * 1024);
    });

    it("streams large stdin and stdout at once without deadlocking", async () => {
      const big = "0123456789abcdef".repeat(56 * 1024); // 896 KiB, under the 1 MiB output limit
      const r = await sb.exec(["python3", "-c", "import sys; sys.stdout.write(sys.stdin.read())"], { stdin: big, timeoutMs: 10_000 });
      expect(r.outputTruncated).toBe(false);
      expect(r.stdout.length).toBe(big.length);
      expect(r.stdout === big).toBe(true);
    });

    it("does not hang when the command ignores most of a large stdin", async () => {
      const r = await sb.exec(["python3", "-c", "print(input())"], { stdin: "first\n" + "x".repeat(8 * 1024 * 1024), timeoutMs: 10_000 });
      expect(r).toMatchObject({ exitCode: 0, stdout: "first\n", timedOut: false });
    });

    it("reports the private fd 3 channel apart from stdout", async () => {
      const r = await sb.exec(["python3", "-c", "import os; os.write(3, b'report'); print('out')"]);
      expect(r.report).toBe("report");
      expect(r.stdout).toBe("out\n");
    });
  });
}
