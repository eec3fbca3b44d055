import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { math } from "./batch.js";
import { MathResult } from "./schema.js";

describe("math batch", () => {
  it("reports bad lines by file:line and field path, goes on, and resumes", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-math-"));
    const out = join(dir, "out.jsonl");
    const invalid: string[] = [];
    const s = await math({ input: "fixtures/math/invalid.jsonl", output: out, onInvalid: (_l, e) => invalid.push(e) });
    expect(s.evaluated).toBe(2);
    expect(invalid.join("\n")).toMatch(/invalid\.jsonl:2: invalid JSON/);
    expect(invalid.join("\n")).toMatch(/invalid\.jsonl:3 steps: /);
    expect(invalid.join("\n")).toMatch(/invalid\.jsonl:4 steps\[0\]\.expr: /);
    expect(invalid.join("\n")).toMatch(/invalid\.jsonl:5 id: /);
    const lines = (await readFile(out, "utf8")).trim().split("\n").map((l) => MathResult.parse(JSON.parse(l)));
    expect(lines.map((l) => l.id)).toEqual(["ok-1", "ok-2"]);
    expect(lines[1]!.final_answer.verdict).toBe("equivalent");
    const again = await math({ input: "fixtures/math/invalid.jsonl", output: out });
    expect(again.evaluated).toBe(0);
    expect(again.resumed).toBe(2);
  });
  it("duplicate ids are invalid lines", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-math-"));
    const input = join(dir, "in.jsonl");
    const rec = JSON.stringify({ id: "a", problem: "p", steps: ["1 + 1 = 2"] });
    await writeFile(input, `${rec}\n${rec}\n`);
    const s = await math({ input, output: join(dir, "out.jsonl") });
    expect(s.evaluated).toBe(1);
    expect(s.invalidLines[0]).toMatch(/:2 id: duplicate id "a"/);
  });
  it("a judge is asked only about undecided steps", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-math-"));
    const input = join(dir, "in.jsonl");
    await writeFile(input, JSON.stringify({ id: "j", problem: "p", steps: ["2 + 2 = 4", "So she is happy."] }) + "\n");
    const asked: number[] = [];
    await math({
      input,
      output: join(dir, "out.jsonl"),
      judge: async (_step, ctx) => {
        asked.push(ctx.index);
        return { label: "inconsistent-step", evidence: "the judge says so" };
      },
    });
    const r = MathResult.parse(JSON.parse(await readFile(join(dir, "out.jsonl"), "utf8")));
    expect(asked).toEqual([1]);
    expect(r.steps[1]).toMatchObject({ label: "inconsistent-step", by: "judge" });
    expect(r.first_error_step).toBe(1);
  });
});
