// `vouch annotate` on problems without tests (tulu-3-sft-personas-code shape), end to end: the (recorded) model
// proposes asserts, the reference runs them in the real sandbox, only the passing ones are kept, then the problem
// is annotated. The recordings are authored (fixtures/llm/annotate.jsonl tests, fixtures/llm/annotate-tulu.jsonl).
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "../../test/support/fake-openai.js";
import { openTaskContext } from "../../test/support/task-context.js";
import { AnnotatedProblem } from "../core/problem.js";
import type { TrajectoryContext } from "../tasks/verify-trajectory.js";

const CLI = ["--import", "tsx", "src/cli/main.ts"];
const INPUT = "fixtures/problems/shapes/tulu-personas.jsonl";

let server: FakeOpenAI;
let dir: string;
let ctx: TrajectoryContext;
let close: () => Promise<void>;
beforeAll(async () => {
  server = await startFakeOpenAI({ recordings: ["fixtures/llm/annotate.jsonl", "fixtures/llm/annotate-tulu.jsonl"] });
  dir = await mkdtemp(join(tmpdir(), "vouch-annotate-tulu-"));
  ({ ctx, close } = await openTaskContext(1));
}, 600_000);
afterAll(async () => {
  await close?.();
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("vouch annotate on problems without tests (real engine, fake endpoint)", () => {
  it("keeps only the proposed tests the reference passes, then annotates; the output is ready for vouch generate", async () => {
    const out = join(dir, "annotated.jsonl");
    const env = { ...process.env, OPENAI_API_KEY: "", OPENAI_BASE_URL: "", VOUCH_LLM_BASE_URL: "", VOUCH_MODEL: "", OPENAI_MODEL: "" };
    const r = await execa("node", [...CLI, "annotate", INPUT, "--out", out, "--base-url", server.url, "--model", "recorded-model", "--no-llm-cache", "--json"], { reject: false, env });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ annotated: 3 });
    expect(server.requests()).toBe(6); // per problem: one test proposal, one annotation
    const written = (await readFile(out, "utf8")).split("\n").filter(Boolean).map((l) => AnnotatedProblem.parse(JSON.parse(l)));
    expect(written.map((p) => p.id)).toEqual(["personahub_q1n3v0", "personahub_7d2kxm", "personahub_m4t9ra"]);
    for (const p of written) {
      expect(p.tests?.kind).toBe("assert");
      expect(p.provenance).toMatchObject({ tests_model: "recorded-model" });
      const suite = await ctx.exec!.runTests(p.solution!, p.tests!);
      expect(suite.verdict, p.id).toBe("pass"); // every kept assert passes the reference, for real
      const [kept, proposed] = p.provenance!.tests_kept!.split("/").map(Number);
      expect(suite.tests.length).toBe(kept);
      expect(kept).toBeLessThan(proposed!); // each set of proposals had a wrong one
    }
    // the wrong proposals were dropped: 2*5*6*11/3 is 220, not 210
    expect(written[0]!.tests!.kind === "assert" && written[0]!.tests!.code).not.toContain("square_Sum(5) == 210");
    expect(written.map((p) => p.annotations.difficulty.level)).toEqual(["easy", "easy", "easy"]);
  }, 300_000);
});
