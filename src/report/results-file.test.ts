import { readFileSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { latestResults } from "./results-file.js";

// Lines of a real verify run (fixtures/report/README.md).
const lines = readFileSync("fixtures/report/results.jsonl", "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
const traj = lines.filter((r) => r.task);
const code = lines.find((r) => !r.task)!;

describe("latestResults", () => {
  it("keeps the last result per id in first-seen order, code and trajectory results apart, other lines listed", async () => {
    const [a, b] = [traj[0]!, traj[1]!];
    const infra = { ...a, verdict: "infra-error", message: "the sandbox failed" };
    const sameIdCode = { ...code, id: a.id };
    const file = join(await mkdtemp(join(tmpdir(), "vouch-results-")), "out.jsonl");
    await writeFile(file, [infra, b, sameIdCode, { hello: 1 }, a].map((r) => JSON.stringify(r)).join("\n") + "\n");
    const { entries, unread } = await latestResults(file);
    expect(entries.map((e) => [e.kind, e.result.id, e.result.verdict, e.line])).toEqual([
      ["trajectory", a.id, a.verdict, 5],
      ["trajectory", b.id, b.verdict, 2],
      ["code", a.id, code.verdict, 3],
    ]);
    expect(unread).toHaveLength(1);
    expect(unread[0]).toMatchObject({ line: 4 });
    expect(unread[0]!.reason).toContain("not a result");
  });
});
