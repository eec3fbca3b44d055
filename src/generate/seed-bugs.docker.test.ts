import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OperatorName } from "../analysis/mutate.js";
import { Problem } from "../core/problem.js";
import type { TaskExec } from "../exec/task-exec.js";
import { openTaskContext } from "../../test/support/task-context.js";
import { SEED_OPTIONS as ERROR_RECOVERY_SEEDS } from "../tasks/error-recovery/generate.js";
import { SEED_OPTIONS as QUALITY_SEEDS } from "../tasks/quality-evaluation/generate.js";
import { MIN_MUTANT_TIMEOUT_MS, mutantTimeoutMs, SeededBug, seedBugs, SeedRuns, type SeedResult } from "./seed-bugs.js";

const PROBLEMS = readFileSync(new URL("../../fixtures/problems/problems.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => Problem.parse(JSON.parse(l)));
const problem = (id: string) => PROBLEMS.find((p) => p.id === id)!;

// The stats of a seeding add up: every edit parsed or not, every run mutant killed, survived or lost to the
// sandbox, every kill kept or set aside for a limit or a load failure; the kept list matches the counts.
function expectStatsAddUp(r: SeedResult): void {
  for (const k of OperatorName.options) {
    const s = r.stats[k];
    expect(s.tried, k).toBe(s.parsed + s.unparsable);
    expect(s.run, k).toBeLessThanOrEqual(s.parsed);
    expect(s.killed + s.survived + s.infraError, k).toBe(s.run);
    expect(s.kept, k).toBeLessThanOrEqual(s.killed);
    expect(s.kept + s.limitKilled + s.loadKilled, k).toBe(s.killed);
    expect(r.kept.filter((b) => b.mutant.operator === k).length, k).toBe(s.kept);
  }
}

describe("seedBugs on the real engine", () => {
  let exec: TaskExec;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTaskContext(2);
    exec = opened.ctx.exec!;
    close = opened.close;
  }, 600_000);
  afterAll(async () => close?.());

  // Mbpp/65 and Mbpp/113 (assert tests, branches), codecontests/9_A (stdin/stdout cases)
  for (const id of ["Mbpp/65", "Mbpp/113", "codecontests/9_A"]) {
    it(`${id}: every kept mutant really fails its claimed test with its claimed error when run again`, async () => {
      const p = problem(id);
      const r = await seedBugs(p, exec, { maxPerOperator: 3 });
      expect(r.reference.verdict).toBe("pass");
      expect(r.kept.length).toBeGreaterThan(0);
      expectStatsAddUp(r);
      for (const bug of r.kept) {
        expect(SeededBug.safeParse(bug).success).toBe(true);
        expect(bug.mutant.code).not.toBe(p.solution);
        expect(bug.failingTest).toMatch(p.tests!.kind === "io" ? /^case \d+$/ : /^line \d+: assert /);
        const again = await exec.runTests(bug.mutant.code, p.tests!);
        const test = again.tests.find((t) => t.name === bug.failingTest);
        expect(test?.status, `${bug.mutant.description}: ${bug.failingTest}`).toBe(bug.failingStatus);
        expect(["fail", "error"]).toContain(test?.status);
        expect(test?.message, bug.mutant.description).toBe(bug.error);
        expect(bug.suite.tests.find((t) => t.name === bug.failingTest)?.message).toBe(bug.error);
      }
    }, 300_000);
  }

  it("does not keep an equivalent mutant: Mbpp/96's range(1, n + 2) counts the same divisors", async () => {
    const p = problem("Mbpp/96");
    const r = await seedBugs(p, exec, { operators: ["off-by-one"] });
    const equivalent = p.solution!.replace("range(1, n + 1)", "range(1, n + 2)");
    expect((await exec.runTests(equivalent, p.tests!)).verdict).toBe("pass");
    expect(r.kept.some((b) => b.mutant.code === equivalent)).toBe(false);
    expect(r.stats["off-by-one"].survived).toBeGreaterThanOrEqual(1);
    expect(r.kept.length).toBeGreaterThan(0); // range(0, ...) divides by zero, n % i == 1 counts wrong
    expectStatsAddUp(r);
  }, 300_000);

  it("counts a mutant stopped by the time limit as killed but does not keep it (Mbpp/71's endless comb sort)", async () => {
    const p = problem("Mbpp/71");
    const r = await seedBugs(p, exec, { operators: ["flip-comparison"] });
    const s = r.stats["flip-comparison"];
    expect(s.limitKilled).toBeGreaterThanOrEqual(1);
    for (const bug of r.kept) expect(bug.suite.verdict).not.toBe("timeout");
    expectStatsAddUp(r);
    // the endless mutant was stopped at the mutant budget (20x the reference, at least 1 s), not the run limit
    const budget = mutantTimeoutMs(r.reference, exec.limits.timeoutMs);
    expect(budget).toBeLessThan(exec.limits.timeoutMs);
    expect(budget).toBeGreaterThanOrEqual(MIN_MUTANT_TIMEOUT_MS);
  }, 300_000);

  it("keeps nothing when the reference solution itself fails its tests", async () => {
    const p = problem("Mbpp/65");
    const broken = { ...p, solution: p.solution!.replace("total = 0", "total = 1") };
    const r = await seedBugs(broken, exec);
    expect(r.reference.verdict).toBe("fail");
    expect(r.kept).toEqual([]);
  }, 120_000);

  // generate --task all seeds each problem for error recovery and for quality evaluation (different caps)
  it("two seedings of one problem sharing SeedRuns run each piece of code once and judge as two separate seedings do", async () => {
    const p = problem("Mbpp/113");
    const alone = [await seedBugs(p, exec, ERROR_RECOVERY_SEEDS), await seedBugs(p, exec, QUALITY_SEEDS)];
    const spy = vi.spyOn(exec, "runTests");
    try {
      const shared = new SeedRuns();
      const both = await Promise.all([seedBugs(p, exec, ERROR_RECOVERY_SEEDS, shared), seedBugs(p, exec, QUALITY_SEEDS, shared)]);
      const codes = spy.mock.calls.map((c) => c[0]);
      expect(new Set(codes).size).toBe(codes.length); // no code run twice, the reference included
      const mutantsJudged = new Set([...alone[0]!.kept, ...alone[1]!.kept].map((b) => b.mutant.code));
      expect(codes.length).toBeLessThan(1 + alone.reduce((n, r) => n + Object.values(r.stats).reduce((m, s) => m + s.run, 0), 0));
      for (const code of mutantsJudged) expect(codes).toContain(code);
      for (const [i, r] of both.entries()) {
        expect(r.kept.map((b) => [b.mutant.code, b.failingTest, b.error])).toEqual(alone[i]!.kept.map((b) => [b.mutant.code, b.failingTest, b.error]));
        expect(r.stats).toEqual(alone[i]!.stats);
      }
    } finally {
      spy.mockRestore();
    }
  }, 300_000);
});
