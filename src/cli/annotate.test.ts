import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnnotatedProblem } from "../core/problem.js";
import { startFakeOpenAI, type FakeOpenAI } from "../../test/support/fake-openai.js";

// `vouch annotate` end to end against the fake OpenAI server (no Docker: every fixture problem has tests).
const CLI = ["--import", "tsx", "src/cli/main.ts"];
const PROBLEMS = "fixtures/problems/problems.jsonl";
const EXPECTED = "fixtures/problems/annotated.jsonl";
const MODEL = "recorded-model"; // the model the recordings stand for (fixtures/problems/make/annotated.mts)

let server: FakeOpenAI;
let dir: string;
beforeAll(async () => {
  server = await startFakeOpenAI({ recordings: ["fixtures/llm/annotate.jsonl"] });
  dir = await mkdtemp(join(tmpdir(), "vouch-annotate-"));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const lines = async (f: string) => (await readFile(f, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

function annotateCli(input: string, out: string, ...extra: string[]) {
  const env = { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", VOUCH_LLM_BASE_URL: "", VOUCH_MODEL: "", OPENAI_MODEL: "" };
  return execa("node", [...CLI, "annotate", input, "--out", out, "--model", MODEL, "--llm-cache-dir", join(dir, "cache"), "--json", ...extra], { reject: false, env });
}

describe("vouch annotate", () => {
  it("annotates the 24 fixture problems, reproducing fixtures/problems/annotated.jsonl; a re-run is served from the cache", async () => {
    const out = join(dir, "first.jsonl");
    const r = await annotateCli(PROBLEMS, out, "--base-url", server.url);
    expect(r.stderr).toBe("");
    expect(r.exitCode).toBe(0);
    const summary = JSON.parse(r.stdout) as { annotated: number; usage: { requests: number; reasks: number; byPurpose: Record<string, unknown> } };
    expect(summary.annotated).toBe(24);
    expect(summary.usage).toMatchObject({ requests: 25, reasks: 1 });
    expect(server.requests()).toBe(25);
    const written = await lines(out);
    for (const rec of written) expect(AnnotatedProblem.safeParse(rec).success).toBe(true);
    expect(written).toEqual(await lines(EXPECTED));

    const before = server.requests();
    const again = await annotateCli(PROBLEMS, join(dir, "second.jsonl"), "--base-url", server.url);
    expect(again.exitCode).toBe(0);
    expect(server.requests() - before).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ annotated: 24, usage: { requests: 0, cachedReplies: 24 } });
    expect(await lines(join(dir, "second.jsonl"))).toEqual(written);
  }, 60_000);

  it("resumes: ids already in the output are skipped", async () => {
    const out = join(dir, "resume.jsonl");
    const all = await readFile(EXPECTED, "utf8");
    await writeFile(out, all.split("\n").slice(0, 20).join("\n") + "\n");
    const r = await annotateCli(PROBLEMS, out, "--base-url", server.url);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ annotated: 4, resumed: 20 });
    expect((await lines(out)).map((x) => x.id)).toEqual((await lines(EXPECTED)).map((x) => x.id));
  }, 60_000);

  it("exits 2 on input lines no shape fits, naming file:line and the shapes tried, and annotates the rest", async () => {
    const input = join(dir, "mixed.jsonl");
    const good = (await readFile(PROBLEMS, "utf8")).split("\n")[0]!;
    await writeFile(input, [good, "{not json", JSON.stringify({ id: "x", title: "a record of no known shape" })].join("\n") + "\n");
    const r = await annotateCli(input, join(dir, "mixed-out.jsonl"), "--base-url", server.url);
    expect(r.exitCode).toBe(2);
    const s = JSON.parse(r.stdout) as { annotated: number; invalidLines: string[] };
    expect(s.annotated).toBe(1);
    expect(s.invalidLines[0]).toMatch(/^mixed\.jsonl:2 not JSON/);
    expect(s.invalidLines[1]).toMatch(/^mixed\.jsonl:3 no input shape fits \(tried vouch\/mbpp\/humaneval: .*; opencodereasoning: .*; tulu-personas-code: /);
  }, 60_000);

  it("exits 5 naming the base URL when the endpoint is unreachable", async () => {
    const dead = await startFakeOpenAI({ recordings: [] });
    const url = dead.url;
    await dead.close();
    const r = await annotateCli(PROBLEMS, join(dir, "dead.jsonl"), "--base-url", url, "--no-llm-cache", "--llm-max-retries", "1");
    expect(r.exitCode).toBe(5);
    expect(r.stderr).toContain(url);
    expect(r.stderr).toMatch(/connection error/);
  }, 60_000);
});
