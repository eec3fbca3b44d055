import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isVouchError } from "../core/errors.js";
import { parseShard, readJsonl, type JsonlItem } from "./jsonl-reader.js";

const Rec = z.object({ id: z.string(), tests: z.object({ cases: z.array(z.object({ output: z.string() })) }) });

async function file(text: string): Promise<string> {
  const p = join(await mkdtemp(join(tmpdir(), "vouch-jsonl-")), "in.jsonl");
  await writeFile(p, text);
  return p;
}

async function all<T>(it: AsyncIterable<JsonlItem<T>>): Promise<JsonlItem<T>[]> {
  const out: JsonlItem<T>[] = [];
  for await (const x of it) out.push(x);
  return out;
}

const good = (id: string) => JSON.stringify({ id, tests: { cases: [{ output: "1" }] } });

describe("readJsonl", () => {
  it("reports invalid JSON and schema errors with file, line and dot-path, and goes on", async () => {
    const p = await file([good("a"), "{nope", "", JSON.stringify({ id: "b", tests: { cases: [{ output: 3 }] } }), good("c")].join("\n") + "\n");
    const items = await all(readJsonl(p, Rec));
    expect(items.map((i) => [i.line, i.ok])).toEqual([
      [1, true],
      [2, false],
      [4, false],
      [5, true],
    ]);
    const [, json, schema] = items;
    expect(json && !json.ok && json.error).toMatch(/^in\.jsonl:2: invalid JSON/);
    expect(schema && !schema.ok && schema.error).toMatch(/^in\.jsonl:4 tests\.cases\[0\]\.output: /);
    expect(schema && !schema.ok && schema.id).toBe("b");
  });

  it("handles CRLF line ends and a last line without a newline", async () => {
    const p = await file(`${good("a")}\r\n${good("b")}`);
    const items = await all(readJsonl(p, Rec));
    expect(items.map((i) => (i.ok ? i.value.id : "bad"))).toEqual(["a", "b"]);
  });

  it("takes disjoint shards that together cover every line, malformed ones included", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => (i === 3 ? "{bad" : good(`r${i}`)));
    const p = await file(lines.join("\n"));
    const shards = await Promise.all([1, 2, 3].map(async (index) => (await all(readJsonl(p, Rec, { shard: { index, count: 3 } }))).map((i) => i.line)));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(new Set(shards.flat()).size).toBe(10);
  });

  it("fails with INPUT_INVALID for a missing file", async () => {
    const err = await all(readJsonl("/nonexistent/in.jsonl", Rec)).catch((e: unknown) => e);
    expect(isVouchError(err) && err.code).toBe("INPUT_INVALID");
  });

  it("parses --shard i/N and rejects the rest", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    for (const bad of ["0/4", "5/4", "x", "1/0"]) expect(() => parseShard(bad)).toThrow(/--shard/);
  });
});
