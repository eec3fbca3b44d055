// Every replay fixture on the real engine, each execution run 3 times: every expectation holds, and the corrected
// copy --rewrite writes replays with zero divergences.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureImage } from "../sandbox/image.js";
import { replay } from "./replay.js";
import { ReplayExpect, ReplayResult } from "./schema.js";
import type { ReplaySummary } from "./summary.js";

const FIXTURES = "fixtures/replay/trajectories.jsonl";
const HELDOUT = "fixtures/heldout-replay/transcripts.jsonl";
const lines = async (path: string) => (await readFile(path, "utf8")).trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);

// The records whose result differs from their `expect` (verdict and first diverged turn), with the turns' reasons.
function misclassified(records: Array<Record<string, unknown>>, results: ReplayResult[]): string[] {
  const wrong: string[] = [];
  for (const f of records) {
    const want = ReplayExpect.parse(f.expect);
    const r = results.find((x) => x.id === f.id)!;
    if (r.verdict !== want.verdict || r.firstDivergedTurn !== (want.firstDivergedTurn ?? -1)) {
      wrong.push(`${String(f.id)}: expected ${want.verdict}@${want.firstDivergedTurn ?? -1}, got ${r.verdict}@${r.firstDivergedTurn}: ${r.turns.map((t) => `${t.verdict} ${t.reasons.join("; ")}`).join(" | ")}`);
    }
  }
  return wrong;
}

describe("vouch replay on the fixtures (real Docker, --repeat 3)", () => {
  let dir = "";
  let summary: ReplaySummary;
  let results: ReplayResult[] = [];
  let fixtures: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const image = await ensureImage({ build: true });
    dir = await mkdtemp(join(tmpdir(), "vouch-replay-"));
    fixtures = await lines(FIXTURES);
    summary = await replay({ input: FIXTURES, output: join(dir, "out.jsonl"), rewrite: join(dir, "fixed.jsonl"), repeat: 3, concurrency: 2, image, limits: { timeoutMs: 5000 } });
    results = (await lines(join(dir, "out.jsonl"))).map((r) => ReplayResult.parse(r));
  }, 900_000);

  it("has the fixtures the issue asks for: >= 10 real, >= 10 invented at a known turn, >= 3 flaky, both shapes", () => {
    const by = (v: string) => fixtures.filter((f) => ReplayExpect.parse(f.expect).verdict === v);
    expect(by("reproduced").length).toBeGreaterThanOrEqual(10);
    expect(by("diverged").length).toBeGreaterThanOrEqual(10);
    expect(by("diverged").every((f) => (f.expect as { firstDivergedTurn: number }).firstDivergedTurn >= 0)).toBe(true);
    expect(by("flaky").length).toBeGreaterThanOrEqual(3);
    expect(fixtures.some((f) => f.task === "error-recovery-multi")).toBe(true);
    expect(fixtures.some((f) => Array.isArray(f.messages))).toBe(true);
  });

  it("classifies every fixture as its expect says (verdict and first diverged turn)", () => {
    expect(results).toHaveLength(fixtures.length);
    expect(misclassified(fixtures, results)).toEqual([]);
  });

  it("classifies the held-out transcripts written blind from docs/replay.md (fixtures/heldout-replay)", async () => {
    const held = await lines(HELDOUT);
    await replay({ input: HELDOUT, output: join(dir, "heldout.jsonl"), repeat: 3, concurrency: 2, limits: { timeoutMs: 5000 } });
    const got = (await lines(join(dir, "heldout.jsonl"))).map((r) => ReplayResult.parse(r));
    expect(got).toHaveLength(held.length);
    expect(misclassified(held, got)).toEqual([]);
  }, 600_000);

  it("a diverged turn carries its reasons and a recorded-vs-real diff; flaky turns say how the runs differed", () => {
    for (const r of results.filter((x) => x.verdict === "diverged")) {
      const t = r.turns[r.firstDivergedTurn]!;
      expect(t.reasons.length).toBeGreaterThan(0);
      expect(t.diff).toMatch(/^--- recorded\n\+\+\+ real\n@@/);
      expect(t.real).toBeDefined();
    }
    for (const r of results.filter((x) => x.verdict === "flaky")) {
      const t = r.turns.find((x) => x.verdict === "flaky")!;
      expect(t.runs).toBe(3);
      expect(t.reasons.join(" ")).toMatch(/of 3 runs/);
    }
    expect(summary.flakyTurns).toHaveLength(results.filter((x) => x.verdict === "flaky").length);
    expect(summary.byVerdict.diverged).toBe(results.filter((x) => x.verdict === "diverged").length);
  });

  it("--rewrite: diverged turns are marked, stale turns dropped, and the copy replays with zero divergences", async () => {
    const fixed = await lines(join(dir, "fixed.jsonl"));
    const flaky = results.filter((r) => r.verdict === "flaky");
    expect(flaky.length).toBeGreaterThan(0);
    expect(fixed.map((f) => f.id).sort()).toEqual(results.filter((r) => r.verdict !== "flaky").map((r) => r.id).sort());
    expect(summary.rewrite!.flakyLeftOut).toBe(flaky.length);
    for (const r of results.filter((x) => x.verdict !== "flaky")) {
      const copy = fixed.find((f) => f.id === r.id)!;
      expect(copy.rewritten_turns).toEqual(r.turns.filter((t) => t.verdict === "diverged").map((t) => t.turn));
      expect(copy.expect).toBeUndefined();
    }
    expect(summary.rewrite!.turnsDropped).toBeGreaterThan(0);
    const again = await replay({ input: join(dir, "fixed.jsonl"), output: join(dir, "again.jsonl"), repeat: 2, concurrency: 2, limits: { timeoutMs: 5000 } });
    expect(again.byVerdict.diverged).toBe(0);
    expect(again.turns.diverged).toBe(0);
    expect(again.byVerdict.reproduced).toBe(fixed.length);
  }, 900_000);
});
