// The `vouch` command as a user runs it: exit codes, --json, and no container left after Ctrl-C or kill -9.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Docker from "dockerode";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { LABEL_MANAGED, LABEL_OWNER_PID } from "../src/sandbox/docker/labels.js";
import { ensureImage } from "../src/sandbox/image.js";

const CLI = ["--import", "tsx", "src/cli/main.ts"];
const docker = new Docker();
const ok = { id: "ok", code: "def f():\n    return 1\n", tests: { kind: "assert", code: "assert f() == 1" } };
const bad = { id: "bad", code: "def f():\n    return 2\n", tests: { kind: "assert", code: "assert f() == 1" } };
const slow = (i: number) => ({ id: `slow-${i}`, code: "import time\ntime.sleep(30)\n", tests: { kind: "assert", code: "assert True" } });

async function input(records: unknown[], extra: string[] = []): Promise<{ dir: string; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), "vouch-cli-"));
  const file = join(dir, "in.jsonl");
  await writeFile(file, [...records.map((r) => JSON.stringify(r)), ...extra].join("\n") + "\n");
  return { dir, file };
}

const owned = async (pid: number) =>
  docker.listContainers({ all: true, filters: { label: [`${LABEL_MANAGED}=true`, `${LABEL_OWNER_PID}=${pid}`] } });

async function waitFor(cond: () => Promise<boolean>, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return cond();
}

describe("vouch CLI (real Docker)", () => {
  beforeAll(async () => {
    await ensureImage({ build: true });
  }, 600_000);

  it("prints help", async () => {
    const r = await execa("node", [...CLI, "--help"], { reject: false });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain("verify <input>");
  });

  it("verifies shards separately and merges their outputs into one line per id", async () => {
    const { dir, file } = await input([ok, bad, { ...ok, id: "ok2" }]);
    for (const i of [1, 2]) {
      const r = await execa("node", [...CLI, "verify", file, "--shard", `${i}/2`, "--out", join(dir, `s${i}.jsonl`), "--json", "--no-cache"], { reject: false });
      expect(r.exitCode).toBe(0);
    }
    const m = await execa("node", [...CLI, "merge", join(dir, "s1.jsonl"), join(dir, "s2.jsonl"), "--out", join(dir, "all.jsonl")], { reject: false });
    expect(m.exitCode, m.stderr).toBe(0);
    const ids = (await readFile(join(dir, "all.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l).id);
    expect(ids.sort()).toEqual(["bad", "ok", "ok2"]);
  });

  it("exits 2 on a malformed line, with a JSON summary on stdout", async () => {
    const { dir, file } = await input([ok], ["{oops"]);
    const r = await execa("node", [...CLI, "verify", file, "--out", join(dir, "o.jsonl"), "--json", "--no-cache"], { reject: false });
    expect(r.exitCode).toBe(2);
    const s = JSON.parse(r.stdout);
    expect(s.byVerdict.pass).toBe(1);
    expect(s.invalidLines[0].line).toBe(2);
  });

  it("exits 0 when a record fails (a verdict is not an error), and 1 under --min-pass-rate", async () => {
    const { dir, file } = await input([ok, bad]);
    const plain = await execa("node", [...CLI, "verify", file, "--out", join(dir, "a.jsonl"), "--no-cache"], { reject: false });
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toMatch(/pass/);
    const gated = await execa("node", [...CLI, "verify", file, "--out", join(dir, "b.jsonl"), "--no-cache", "--min-pass-rate", "0.9"], { reject: false });
    expect(gated.exitCode).toBe(1);
  });

  for (const signal of ["SIGINT", "SIGKILL"] as const) {
    it(`leaves no container behind after ${signal}`, async () => {
      const { dir, file } = await input([slow(1), slow(2), slow(3)]);
      const child = spawn("node", [...CLI, "verify", file, "--out", join(dir, "o.jsonl"), "--no-cache"], { stdio: "ignore" });
      const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
      expect(await waitFor(async () => (await owned(child.pid!)).length >= 2, 30_000)).toBe(true);
      child.kill(signal);
      const code = await exited;
      if (signal === "SIGINT") expect(code).toBe(130);
      // SIGINT: Vouch removes them; SIGKILL: the runner sees its stdin close and the engine auto-removes it.
      expect(await waitFor(async () => (await owned(child.pid!)).length === 0, 20_000)).toBe(true);
    }, 90_000);
  }
});
