// Are the verdicts right? Every fixture batch, verified for real, against the verdict its id names.
import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { VerifyResult } from "../src/core/result.js";
import { verify } from "../src/pipeline/verify.js";
import { ensureImage } from "../src/sandbox/image.js";

const special: Record<string, string> = {
  "demo/syntax-error": "error",
  "demo/import-error": "error",
  "demo/infinite-loop": "timeout",
  "demo/memory-hog": "memory-limit",
  "demo/output-flood": "output-limit",
  "pytest/roman-one-failing": "fail",
};

// The verdict a fixture id promises: "-wrong"/"#wrong" ids fail, named edge cases as listed, the rest pass.
function expected(id: string): string {
  return special[id] ?? (/[-#]wrong$/.test(id) ? "fail" : "pass");
}

async function run(file: string, timeoutMs = 3_000): Promise<VerifyResult[]> {
  const dir = await mkdtemp(join(tmpdir(), "vouch-fixtures-"));
  const output = join(dir, "out.jsonl");
  await verify({ input: file, output, cacheDir: false, limits: { timeoutMs } });
  return (await readFile(output, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l) as VerifyResult);
}

describe("fixture batches give the verdicts they promise (real Docker)", () => {
  beforeAll(async () => {
    await ensureImage({ build: true });
  }, 600_000);

  for (const name of ["demo", "pytest", "bench-mbpp"]) {
    it(`${name}.jsonl`, async () => {
      const results = await run(`fixtures/verify/${name}.jsonl`);
      const wrong = results.filter((r) => r.verdict !== expected(r.id)).map((r) => `${r.id}: ${r.verdict} (${r.message ?? ""})`);
      expect(wrong).toEqual([]);
      expect(results.length).toBeGreaterThanOrEqual(name === "bench-mbpp" ? 180 : 4);
      if (name === "demo") {
        const pseudo = results.find((r) => r.id === "demo/pseudo-fix");
        expect(pseudo?.hidden?.verdict).toBe("fail");
        expect(results.find((r) => r.id === "demo/syntax-error")?.message).toMatch(/SyntaxError.*line 2/);
      }
      if (name === "pytest") {
        const failing = results.find((r) => r.id === "pytest/roman-one-failing");
        expect(failing?.tests.filter((t) => t.status === "fail").map((t) => t.name)).toEqual(["test_roman.py::test_subtractive_forms"]);
      }
    }, 120_000);
  }
});
