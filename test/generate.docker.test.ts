import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { TaskKind, TrajectoryResult } from "../src/core/trajectory-result.js";
import type { GenerateSummary } from "../src/generate/summary.js";
import { feedbackOf } from "../src/generate/turn-feedback.js";
import type { ErrorRecoveryMulti } from "../src/tasks/error-recovery-multi/schema.js";
import { resolveTurns } from "../src/tasks/error-recovery-multi/verify.js";
import type { ErrorRecovery } from "../src/tasks/error-recovery/schema.js";
import { TASKS } from "../src/tasks/registry.js";
import { startFakeOpenAI, type FakeOpenAI } from "./support/fake-openai.js";
import { openTaskContext } from "./support/task-context.js";

// `vouch generate` end to end: the real engine, the fake endpoint replaying the authored recordings of
// fixtures/llm/generate-*.jsonl, the 24 annotated fixture problems.
const CLI = ["--import", "tsx", "src/cli/main.ts"];
const PROBLEMS = "fixtures/problems/annotated.jsonl";
const RECORDINGS = readdirSync("fixtures/llm").filter((f) => f.startsWith("generate-") && f.endsWith(".jsonl")).map((f) => join("fixtures/llm", f));
// the recordings this suite's generators answer from, each saying what its record's verification should give
const MINE = ["generate-implementation.jsonl", "generate-error-recovery.jsonl", "generate-repair.jsonl"].map((f) => join("fixtures/llm", f));

type Rec = Record<string, unknown> & { id: string; task: TaskKind; verification: TrajectoryResult };
interface Intent {
  record: string;
  verdict: "pass" | "fail";
  errorType?: string;
}

const readRecords = (file: string): Rec[] => readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Rec);
const intents = (): Intent[] => MINE.flatMap((f) => readFileSync(f, "utf8").split("\n").filter(Boolean).flatMap((l) => (JSON.parse(l) as { intent?: Intent[] }).intent ?? []));
// A record without what changes from run to run (timings, cache flags): what "the same record" means.
const stable = (r: Rec) => {
  const { verification: v, ...rest } = r;
  return { ...rest, verdict: v.verdict, errors: v.errors, steps: v.steps.map((s) => [s.index, s.label, s.errorType ?? ""]) };
};

let server: FakeOpenAI;
let dir: string;
let first: { exitCode: number; summary: GenerateSummary; records: Rec[] };

// Runs `vouch generate` on the fixture problems into `out` with the test's LLM and result caches.
async function runGenerate(out: string, keep: string) {
  const r = await execa(
    "node",
    [...CLI, "generate", PROBLEMS, "--task", "all", "--keep", keep, "--out", out, "--base-url", server.url, "--model", "fake-model",
      "--llm-cache-dir", join(dir, "llm"), "--cache-dir", join(dir, "results"), "--concurrency", "2", "--json"],
    { reject: false, env: { OPENAI_API_KEY: "test-key" } },
  );
  if (r.exitCode !== 0) console.error(r.stderr);
  return { exitCode: r.exitCode ?? -1, summary: JSON.parse(r.stdout) as GenerateSummary, records: readRecords(out) };
}

describe("vouch generate (real engine, fake endpoint)", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "vouch-generate-"));
    server = await startFakeOpenAI({ recordings: RECORDINGS });
    first = await runGenerate(join(dir, "all.jsonl"), "all");
  }, 1_500_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("writes records of all seven kinds, each schema-valid with its verification", () => {
    expect(first.exitCode).toBe(0);
    expect(new Set(first.records.map((r) => r.task))).toEqual(new Set(TaskKind.options));
    for (const r of first.records) {
      const { verification, ...rec } = r;
      const parsed = TASKS[r.task].schema.safeParse(rec);
      expect(parsed.success, `${r.id}: ${parsed.error?.message}`).toBe(true);
      expect(TrajectoryResult.parse(verification).id).toBe(r.id);
      expect(["pass", "fail"]).toContain(verification.verdict);
    }
    expect(new Set(first.records.map((r) => r.id)).size).toBe(first.records.length);
  });

  test("every verdict is the one the authored recording intended (flawed ones with the planted error type)", () => {
    const byId = new Map(first.records.map((r) => [r.id, r]));
    const all = intents();
    expect(all.filter((i) => i.verdict === "fail").length).toBeGreaterThanOrEqual(8);
    for (const i of all) {
      const r = byId.get(i.record);
      expect(r, `no record ${i.record}`).toBeDefined();
      const bad = r!.verification.steps.filter((s) => s.label === "wrong").map((s) => `${s.name}: ${s.evidence}`);
      expect(r!.verification.verdict, `${i.record}: ${bad.join(" | ")}`).toBe(i.verdict);
      if (i.errorType) expect(r!.verification.errors).toContain(i.errorType);
    }
    // no record of these kinds that no recording meant
    const mine = first.records.filter((r) => ["implementation", "error-recovery", "error-recovery-multi"].includes(r.task));
    expect(new Set(mine.map((r) => r.id))).toEqual(new Set(all.map((i) => i.record)));
  });

  test("every error-recovery-multi turn's feedback is what a fresh real run of that turn's (patched) code gives", async () => {
    const multi = first.records.filter((r) => r.task === "error-recovery-multi") as unknown as Array<ErrorRecoveryMulti & Rec>;
    expect(multi.length).toBeGreaterThanOrEqual(6);
    expect(multi.some((r) => r.turns.length >= 3)).toBe(true);
    expect(multi.some((r) => r.verification.verdict === "fail")).toBe(true); // one never converges
    expect(multi.filter((r) => r.turns.some((t) => t.patch !== undefined)).length).toBeGreaterThanOrEqual(2);
    const { ctx, close } = await openTaskContext(2);
    try {
      for (const r of multi) {
        const codes = resolveTurns(r.turns);
        for (const [k, t] of r.turns.entries()) {
          expect(codes[k]!.code, `${r.id} turn ${k}: ${codes[k]!.reason}`).toBeDefined();
          const suite = await ctx.exec!.runTests(codes[k]!.code!, r.tests);
          expect(t.feedback, `${r.id} turn ${k}`).toEqual(feedbackOf(suite));
          expect(t.feedback.all_pass).toBe(k === r.turns.length - 1 && r.verification.verdict === "pass");
        }
      }
    } finally {
      await close();
    }
  }, 600_000);

  test("a seeded bug whose first patch fails gets a patch conversation: the failing single-turn record stays beside it", () => {
    const patched = first.records.filter((r) => r.id.endsWith(":repair")) as unknown as Array<ErrorRecoveryMulti & Rec>;
    expect(patched.length).toBeGreaterThanOrEqual(2);
    for (const r of patched) {
      expect(r.task).toBe("error-recovery-multi");
      const single = first.records.find((x) => x.id === r.id.replace(/:repair$/, "")) as unknown as ErrorRecovery & Rec;
      expect(single.verification.verdict, r.id).toBe("fail"); // its first patch failed: kept as a negative example
      // turn 0 is the seeded bug with its seeded failure and the diagnosis; turn 1 the single-turn record's patch
      expect(r.turns[0]).toMatchObject({ code: single.buggy_code, reflection: single.diagnosis.text });
      expect(r.turns[0]!.feedback.tests.find((t) => t.name === single.failing_test)?.message).toBe(single.claimed_error);
      expect(r.turns[1]!.patch).toBe(single.patch);
      expect(r.turns[1]!.feedback.all_pass).toBe(false);
      expect(r.turns.slice(1).every((t) => t.patch !== undefined)).toBe(true);
      expect(r.tests).toEqual(single.tests);
      expect(r.verification.verdict, r.verification.steps.filter((s) => s.label === "wrong").map((s) => s.evidence).join(" | ")).toBe("pass");
    }
    const c = first.summary.byKind["error-recovery"]!.counters;
    expect(c["patch conversations"]).toBe(patched.length);
    expect(c["patch turns"]).toBe(patched.reduce((n, r) => n + r.turns.length, 0));
    expect(c["patch converged"]).toBe(patched.filter((r) => r.turns.at(-1)!.feedback.all_pass).length);
  });

  test("the summary counts candidates, skips with reasons, mutants per operator and token usage", () => {
    const s = first.summary;
    expect(s.problems).toBe(24);
    expect(s.written).toBe(first.records.length);
    expect(s.modelFailures).toEqual([]);
    expect(s.byKind.implementation!.skipped["a stdin/stdout program (no entry point the tests call)"]).toBe(6);
    const er = s.byKind["error-recovery"]!;
    const kept = Object.entries(er.counters).filter(([k]) => /^mutants\..+\.kept$/.test(k));
    expect(kept.length).toBeGreaterThanOrEqual(5);
    expect(kept.every(([op, n]) => n <= er.counters[op.replace(/kept$/, "killed")]!)).toBe(true);
    expect(s.usage!.promptTokens).toBeGreaterThan(0);
    expect(s.usage!.completionTokens).toBeGreaterThan(0);
    expect(s.usage!.reasks).toBeGreaterThanOrEqual(1); // the malformed reply, corrected on re-ask
  });

  test("a second run into a fresh output is served wholly from the cache and writes the same records", async () => {
    const before = server.requests();
    const again = await runGenerate(join(dir, "again.jsonl"), "all");
    expect(server.requests() - before).toBe(0);
    expect(again.exitCode).toBe(0);
    const sort = (rs: Rec[]) => [...rs].sort((a, b) => a.id.localeCompare(b.id)).map(stable);
    expect(sort(again.records)).toEqual(sort(first.records));
  }, 1_500_000);

  test("--keep passed writes only the records whose verification passed", async () => {
    const passed = await runGenerate(join(dir, "passed.jsonl"), "passed");
    expect(passed.records.every((r) => r.verification.verdict === "pass")).toBe(true);
    const want = first.records.filter((r) => r.verification.verdict === "pass").map((r) => r.id).sort();
    expect(passed.records.map((r) => r.id).sort()).toEqual(want);
    expect(want.length).toBeLessThan(first.records.length);
  }, 1_500_000);
});

// Failures along the way: a model failure is counted for its problem and the batch goes on; an unreachable
// endpoint stops the batch with what was written kept, and the next run resumes after it.
describe("vouch generate when the model or the endpoint fails (real engine)", () => {
  const ids = ["Mbpp/61", "Mbpp/65", "Mbpp/66"];
  const recordingOf = (id: string) =>
    readFileSync("fixtures/llm/generate-implementation.jsonl", "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { match: string[]; reply: string })
      .find((r) => r.match.includes(`Problem id: ${id}\n`) && !r.match.includes("Re-ask:"))!;
  let tmp: string;
  let input: string;
  const run = async (url: string, out: string) => {
    const r = await execa("node", [...CLI, "generate", input, "--task", "implementation", "--keep", "all", "--out", out, "--base-url", url,
      "--no-llm-cache", "--no-cache", "--concurrency", "1", "--json"], { reject: false });
    return { exitCode: r.exitCode, summary: JSON.parse(r.stdout) as GenerateSummary, ids: readRecords(out).map((x) => x.id) };
  };

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "vouch-generate-fail-"));
    input = join(tmp, "problems.jsonl");
    const lines = readFileSync(PROBLEMS, "utf8").split("\n").filter((l) => ids.some((id) => l.includes(`"id":"${id}"`) || l.includes(`"id": "${id}"`)));
    expect(lines).toHaveLength(3);
    writeFileSync(input, lines.join("\n") + "\n");
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  test("a reply still invalid after the re-ask is a model failure of that problem; the others are written", async () => {
    const bad = { match: ["Task: implementation\n", "Problem id: Mbpp/65\n"], reply: "{\"requirements\": [\"sum\"], \"code\": " };
    const s = await startFakeOpenAI({ recordings: [], inline: [recordingOf("Mbpp/61"), bad, { ...bad, match: [...bad.match, "Re-ask:"] }, recordingOf("Mbpp/66")] });
    try {
      const r = await run(s.url, join(tmp, "a.jsonl"));
      expect(r.exitCode).toBe(0);
      expect(r.ids.sort()).toEqual(["Mbpp/61:implementation", "Mbpp/66:implementation"]);
      expect(r.summary.modelFailures.map((f) => [f.problem, f.kind])).toEqual([["Mbpp/65", "implementation"]]);
      expect(r.summary.byKind.implementation!.modelFailures).toBe(1);
    } finally {
      await s.close();
    }
  }, 300_000);

  test("an unreachable endpoint stops the batch (exit 5) keeping what was written; the next run resumes after it", async () => {
    const out = join(tmp, "b.jsonl");
    const partial = await startFakeOpenAI({ recordings: [], inline: [recordingOf("Mbpp/61")] });
    try {
      const r = await run(partial.url, out);
      expect(r.exitCode).toBe(5);
      expect(r.summary.stopped?.code).toBe("LLM_UNREACHABLE");
      expect(r.ids).toEqual(["Mbpp/61:implementation"]);
    } finally {
      await partial.close();
    }
    const full = await startFakeOpenAI({ recordings: [], inline: ids.map(recordingOf) });
    try {
      const r = await run(full.url, out);
      expect(r.exitCode).toBe(0);
      expect(full.requests()).toBe(2); // Mbpp/61 is already in the output: not asked again
      expect(r.summary.byKind.implementation!.resumed).toBe(1);
      expect(r.ids.sort()).toEqual(ids.map((id) => `${id}:implementation`));
    } finally {
      await full.close();
    }
  }, 300_000);
});
