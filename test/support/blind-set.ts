// A trajectory set written blind, through the commands a user runs: its size and mix, then every sound record
// passes and at least `caught` of the flawed ones are caught with the right error type at the right first wrong step.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { TrajectoryResult } from "../../src/core/trajectory-result.js";
import { ensureImage } from "../../src/sandbox/image.js";

const CLI = ["--import", "tsx", "src/cli/main.ts"];

export function describeBlindSet(title: string, set: string, want: { minRecords: number; caught: number }): void {
  let dir: string;
  beforeAll(async () => {
    await ensureImage({ build: true });
    dir = await mkdtemp(join(tmpdir(), "vouch-blind-"));
  }, 600_000);

  describe(title, () => {
    it(`has at least ${want.minRecords} records over the three kinds, at least 40% sound`, async () => {
      const recs = (await readFile(set, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as { task: string; expect: { verdict: string } });
      expect(recs.length).toBeGreaterThanOrEqual(want.minRecords);
      expect(new Set(recs.map((r) => r.task))).toEqual(new Set(["error-recovery", "error-recovery-multi", "unit-test-walkthrough"]));
      expect(recs.filter((r) => r.expect.verdict === "pass").length / recs.length).toBeGreaterThanOrEqual(0.4);
    });

    it(`passes every sound record and catches >= ${want.caught * 100}% of the flawed ones exactly`, { timeout: 900_000 }, async () => {
      const out = join(dir, "results.jsonl");
      const v = await execa("node", [...CLI, "verify", set, "--out", out, "--no-cache", "--json"], { reject: false });
      expect(v.exitCode, v.stderr).toBeLessThanOrEqual(1);
      const results = (await readFile(out, "utf8")).split("\n").filter(Boolean).map((l) => TrajectoryResult.parse(JSON.parse(l)));
      expect(results.every((r) => r.verdict !== "infra-error")).toBe(true);
      const c = await execa("node", [...CLI, "confusion", out, set], { reject: false });
      const total = /^total\s+(\d+)\/(\d+)\s+(\d+)\/(\d+)/m.exec(c.stdout);
      expect(total, c.stdout).not.toBeNull();
      const [soundPassed, sound, caught, flawed] = total!.slice(1).map(Number) as [number, number, number, number];
      expect(soundPassed, c.stdout).toBe(sound);
      expect(caught / flawed, c.stdout).toBeGreaterThanOrEqual(want.caught);
    });
  });
}
