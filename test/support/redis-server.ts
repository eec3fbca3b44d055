import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

// A redis-server of the test's own on a free loopback port (Debian's, installed by scripts/ensure-redis.sh),
// with a password and, when asked, append-only persistence; stopped (by its pid) when the test ends.
export interface TestRedis {
  port: number;
  password: string;
  url: string;
  /** Stops it (SIGTERM: with persistence, the append-only file is kept for the next start). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and removes its data directory. */
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export async function startTestRedis(opts: { persistence: boolean }): Promise<TestRedis> {
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    throw new Error("redis-server is not installed: run `bash scripts/ensure-redis.sh` (as root it installs Debian's redis-server)");
  }
  const port = await freePort();
  const password = `test-${Math.random().toString(36).slice(2)}`;
  const dir = mkdtempSync(join(tmpdir(), "vouch-redis-"));
  let proc: ChildProcess | undefined;
  const args = [
    "--port", String(port), "--bind", "127.0.0.1", "--requirepass", password, "--dir", dir,
    "--save", "", "--maxmemory-policy", "noeviction",
    ...(opts.persistence ? ["--appendonly", "yes", "--appendfsync", "always"] : ["--appendonly", "no"]),
  ];
  const ping = () => spawnSync("redis-cli", ["-p", String(port), "--no-auth-warning", "-a", password, "ping"], { encoding: "utf8" }).stdout.trim() === "PONG";
  const r: TestRedis = {
    port,
    password,
    url: `redis://:${password}@127.0.0.1:${port}`,
    async start() {
      proc = spawn("redis-server", args, { stdio: "ignore" });
      for (let i = 0; i < 100; i++) {
        if (ping()) return;
        await sleep(100);
      }
      throw new Error(`redis-server did not answer on port ${port}`);
    },
    async stop() {
      const p = proc;
      if (!p || p.exitCode !== null) return;
      const exited = new Promise((res) => p.once("exit", res));
      p.kill("SIGTERM");
      await exited;
    },
    async close() {
      await r.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await r.start();
  return r;
}
