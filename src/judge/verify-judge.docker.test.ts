// `vouch verify --judge` end to end: real trajectory fixtures run in the real sandbox, then the judge stage against
// the local fake endpoint replaying the authored replies of fixtures/llm/judge-replies.jsonl (docs/judge.md).
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../test/support/fake-openai.js";
import { ensureImage } from "../sandbox/image.js";
import { processScoreOf } from "../tasks/cascade.js";

const CLI = ["--import", "tsx", "src/cli/main.ts"];
const IDS = ["er-flaw-edits-tests", "er-sound-divisor", "impl/755-sound"];

describe("vouch verify --judge (real Docker, recorded judge)", () => {
  let dir = "";
  let server: FakeOpenAI;
  beforeAll(async () => {
    await ensureImage({ build: true });
    server = await startFakeOpenAI({ recordings: ["fixtures/llm/judge-replies.jsonl"] });
    dir = await mkdtemp(join(tmpdir(), "vouch-judge-"));
    const all = (await Promise.all(["error-recovery", "implementation"].map((k) => readFile(`fixtures/trajectories/${k}.jsonl`, "utf8"))))
      .flatMap((t) => t.trim().split("\n"))
      .map((l) => JSON.parse(l) as { id: string });
    await writeFile(join(dir, "in.jsonl"), IDS.map((id) => JSON.stringify(all.find((r) => r.id === id))).join("\n") + "\n");
  }, 600_000);
  afterAll(() => server?.close());

  const run = (out: string, extra: string[] = []) =>
    execa("node", [...CLI, "verify", join(dir, "in.jsonl"), "--out", join(dir, out), "--judge", "--json", "--concurrency", "2", ...extra], {
      reject: false,
      env: { OPENAI_BASE_URL: server.url, VOUCH_JUDGE_MODEL: "recorded-judge", VOUCH_CACHE_DIR: join(dir, "cache") },
    });

  it("judges only what execution left unverifiable, apart and weighted; a re-run asks the endpoint nothing", async () => {
    const first = await run("a.jsonl");
    expect(first.exitCode).toBe(0);
    const results = (await readFile(join(dir, "a.jsonl"), "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    const byId = new Map(results.map((r) => [r.id, r]));
    // the diagnosis that blames the tests: left undecided by the run (the patch edits the tests), judged wrong
    const edits = byId.get("er-flaw-edits-tests");
    expect(edits.steps[1]).toMatchObject({ label: "wrong", errorType: "hallucinated-step", source: "judge", model: "recorded-judge" });
    expect(edits.stages.at(-1)).toMatchObject({ stage: "judge", status: "fail" });
    expect(edits.processScore).toBe(processScoreOf(edits.steps, 0.5));
    expect(edits.processScore).toBeGreaterThan(processScoreOf(edits.steps.map((s: object) => ({ ...s, source: undefined })), 0.5));
    // a sound record whose steps execution decided: the judge is not asked
    const sound = byId.get("er-sound-divisor");
    expect(sound.stages.at(-1)).toMatchObject({ stage: "judge", status: "skipped" });
    expect(sound.steps.some((s: { source?: string }) => s.source)).toBe(false);
    expect(byId.get("impl/755-sound").steps[0]).toMatchObject({ label: "correct", source: "judge" });
    const summary = JSON.parse(first.stdout);
    expect(summary.trajectories.judged).toMatchObject({ wrong: 1, correct: 1, ignored: 0, left: 0, models: ["recorded-judge"] });
    expect(summary.judgeUsage.requests).toBe(2);

    const sent = server.requests();
    const again = await run("b.jsonl", ["--no-cache"]);
    expect(again.exitCode).toBe(0);
    expect(server.requests()).toBe(sent);
    expect(JSON.parse(again.stdout).judgeUsage).toMatchObject({ requests: 0, cachedReplies: 2 });
  }, 300_000);
});
