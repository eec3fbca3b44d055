// Real data and the judge idioms at the default limits (issue 14): every reference of the public MBPP and
// CodeContests slices passes; the EvalPlus test forms and the CodeContests I/O idioms of fixtures/parity pass
// for correct programs and fail for the wrong ones. Real Docker.
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CodeRecord } from "../src/core/code-record.js";
import type { VerifyResult } from "../src/core/result.js";
import { verifyRecord, type RecordContext } from "../src/exec/verify-record.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { SandboxLimits } from "../src/sandbox/limits.js";

const limits = SandboxLimits.parse({}); // the defaults: 256 MB, 10 s per run
let provider: DockerProvider;
let ctx: RecordContext;

beforeAll(async () => {
  const image = await ensureImage({ build: true });
  provider = new DockerProvider({ spec: { image, limits }, isolation: "pool", size: 2 });
  ctx = { provider, image, limits };
}, 300_000);
afterAll(async () => provider?.close());

async function records(file: string): Promise<CodeRecord[]> {
  const text = await readFile(file, "utf8");
  return text
    .split("\n")
    .filter(Boolean)
    .map((l) => {
      const r = JSON.parse(l) as Record<string, unknown>;
      return CodeRecord.parse({ id: r.id, code: r.code ?? r.solution, tests: r.tests });
    });
}

async function verifyAll(recs: CodeRecord[]): Promise<VerifyResult[]> {
  const out: VerifyResult[] = [];
  let next = 0;
  await Promise.all(
    [0, 1].map(async () => {
      while (next < recs.length) out.push(await verifyRecord(recs[next++]!, ctx));
    }),
  );
  return out;
}

const expected = (id: string) => (id.endsWith("-wrong") ? "fail" : "pass");
const misses = (rs: VerifyResult[]) =>
  rs.filter((r) => r.verdict !== expected(r.id)).map((r) => `${r.id}: ${r.verdict} (${r.message ?? ""} ${r.tests.find((t) => t.status !== "pass")?.message ?? ""})`.slice(0, 400));

describe("public data: every reference passes (fixtures/public, byte-identical copies of the shared slices)", () => {
  for (const [file, count] of [["fixtures/public/mbpp_dev.jsonl", 60], ["fixtures/public/codecontests_dev.jsonl", 30]] as const) {
    it(file, async () => {
      const rs = await verifyAll(await records(file));
      expect(rs.length).toBe(count);
      expect(misses(rs)).toEqual([]);
    }, 600_000);
  }
});

describe("fixtures/parity: judge idioms and EvalPlus forms", () => {
  it("codecontests-idioms.jsonl: 30 correct programs pass (file-size stdin, atexit output, replaced stdout...), wrong ones fail", async () => {
    const recs = await records("fixtures/parity/codecontests-idioms.jsonl");
    expect(recs.filter((r) => !r.id.endsWith("-wrong")).length).toBeGreaterThanOrEqual(30);
    expect(misses(await verifyAll(recs))).toEqual([]);
  }, 600_000);
  it("evalplus-forms.jsonl: HumanEval+ check() and MBPP+ loops with large inputs pass for correct solutions, fail for wrong ones", async () => {
    const rs = await verifyAll(await records("fixtures/parity/evalplus-forms.jsonl"));
    expect(rs.length).toBe(32);
    expect(misses(rs)).toEqual([]);
    for (const r of rs) expect(r.message ?? "").not.toMatch(/no tests/);
  }, 600_000);
});
