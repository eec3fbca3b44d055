import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SandboxLimits } from "../limits.js";
import { ensureImage } from "../image.js";
import { DockerProvider } from "./provider.js";

// The runner's check of the fork server after each job (a read of /proc, the ping only as a fallback) must
// keep the container after an ordinary job and retire it after any job that stopped the fork server, even one
// whose stop signal is still pending when the job is gone.
describe("runner: fork server check after a job", () => {
  let provider: DockerProvider;
  beforeAll(async () => {
    const image = await ensureImage({ build: true });
    provider = new DockerProvider({ spec: { image, limits: SandboxLimits.parse({}) }, isolation: "pool", size: 1 });
    await provider.warm();
  }, 120_000);
  afterAll(async () => {
    await provider?.close();
  });

  it("keeps the container through ordinary jobs", async () => {
    const sb = await provider.acquire();
    try {
      for (let i = 0; i < 20; i++) {
        const r = await sb.exec(i % 2 ? ["true"] : ["python3", "-c", "print(1)"]);
        expect(r.exitCode).toBe(0);
      }
      expect(sb.breached).toBe(false);
    } finally {
      await provider.release(sb);
    }
  }, 60_000);

  for (const [name, code] of [
    ["stops it and exits at once", "import os, signal; os.kill(%FS%, signal.SIGSTOP)"],
    ["has a child stop it, then exits", "import os, signal\npid = os.fork()\nif pid == 0:\n    os.kill(%FS%, signal.SIGSTOP)\n    os._exit(0)\nos.waitpid(pid, 0)\n"],
    ["stops it from a process left behind in a new session", "import os, signal, time\npid = os.fork()\nif pid == 0:\n    os.setsid()\n    os.kill(%FS%, signal.SIGSTOP)\n    time.sleep(100)\n"],
  ] as const) {
    it(`retires the container when a job ${name}`, async () => {
      const sb = await provider.acquire();
      try {
        const probe = await sb.exec(["python3", "-c", "import os; print(os.getppid())"]);
        const fs = probe.stdout.trim();
        expect(sb.breached).toBe(false);
        await sb.exec(["python3", "-c", code.replace("%FS%", fs)], { timeoutMs: 3000 });
        expect(sb.breached).toBe(true);
      } finally {
        await provider.release(sb);
      }
      const next = await provider.acquire();
      try {
        const r = await next.exec(["python3", "-c", "print(6 * 7)"]);
        expect(r.stdout.trim()).toBe("42");
        expect(r.timedOut).toBe(false);
      } finally {
        await provider.release(next);
      }
    }, 60_000);
  }
});
