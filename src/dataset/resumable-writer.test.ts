import { appendFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openResumableWriter } from "./resumable-writer.js";

const tmp = async () => join(await mkdtemp(join(tmpdir(), "vouch-writer-")), "sub", "out.jsonl");

describe("openResumableWriter", () => {
  it("creates the folder, and 200 concurrent writes give 200 intact lines", async () => {
    const p = await tmp();
    const w = await openResumableWriter(p);
    await Promise.all(Array.from({ length: 200 }, (_, i) => w.write({ id: `r${i}`, pad: "x".repeat(i * 50) })));
    await w.close();
    const lines = (await readFile(p, "utf8")).trim().split("\n");
    expect(lines).toHaveLength(200);
    expect(new Set(lines.map((l) => JSON.parse(l).id)).size).toBe(200);
  });

  it("resumes: knows the ids already written and cuts a partial last line", async () => {
    const p = await tmp();
    const w = await openResumableWriter(p);
    await w.write({ id: "a" });
    await w.write({ id: "b" });
    await w.close();
    await appendFile(p, '{"id": "c", "verd');
    const again = await openResumableWriter(p);
    expect([...again.done].sort()).toEqual(["a", "b"]);
    await again.write({ id: "c" });
    await again.close();
    expect((await readFile(p, "utf8")).split("\n")).toEqual(['{"id":"a"}', '{"id":"b"}', '{"id":"c"}', ""]);
  });

  it("keeps a damaged complete line as it is and redoes its record", async () => {
    const p = await tmp();
    const w0 = await openResumableWriter(p);
    await w0.close();
    await writeFile(p, '{"id":"a"}\nnot json\n');
    const w = await openResumableWriter(p);
    expect([...w.done]).toEqual(["a"]);
    await w.close();
  });

  it("drops lines the caller wants redone (infra errors), keeping every other line", async () => {
    const p = await tmp();
    const w0 = await openResumableWriter(p);
    await w0.write({ id: "a", verdict: "pass" });
    await w0.write({ id: "b", verdict: "infra-error" });
    await w0.write({ id: "c", verdict: "fail" });
    await w0.close();
    const w = await openResumableWriter(p, { redo: (r) => r.verdict === "infra-error" });
    expect([...w.done].sort()).toEqual(["a", "c"]);
    await w.write({ id: "b", verdict: "pass" });
    await w.close();
    const lines = (await readFile(p, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { id: "a", verdict: "pass" },
      { id: "c", verdict: "fail" },
      { id: "b", verdict: "pass" },
    ]);
  });
});
