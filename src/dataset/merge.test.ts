import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeJsonl } from "./merge.js";

describe("mergeJsonl", () => {
  it("keeps the first record per id, skips partial lines, and counts duplicates", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-merge-"));
    await writeFile(join(dir, "a.jsonl"), '{"id":"1","v":"a"}\n{"id":"2","v":"a"}\n');
    await writeFile(join(dir, "b.jsonl"), '{"id":"2","v":"b"}\n{"id":"3","v":"b"}\n{"id":"4","v');
    const out = join(dir, "all.jsonl");
    expect(await mergeJsonl([join(dir, "a.jsonl"), join(dir, "b.jsonl")], out)).toEqual({ written: 3, duplicates: 1 });
    expect((await readFile(out, "utf8")).trim().split("\n").map((l) => JSON.parse(l))).toEqual([
      { id: "1", v: "a" },
      { id: "2", v: "a" },
      { id: "3", v: "b" },
    ]);
  });

  it("names a missing shard output as invalid input", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-merge-"));
    await expect(mergeJsonl([join(dir, "nope.jsonl")], join(dir, "all.jsonl"))).rejects.toMatchObject({ code: "INPUT_INVALID" });
  });
});
