// `vouch replay` as a user runs it (real engine): exit codes, --json, --junit, and resuming after a crash.
import { appendFile, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureImage } from "../sandbox/image.js";

const CLI = ["--import", "tsx", "src/cli/main.ts", "replay"];
const PICK = ["rp-real-divisor", "rp-real-pytest-pow2", "rp-invented-wrong-type-seq"];
const run = (args: string[]) => execa("node", [...CLI, ...args], { reject: false });
const ids = async (path: string) => (await readFile(path, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l).id as string);

describe("vouch replay CLI (real Docker)", () => {
  let dir = "";
  let input = "";
  beforeAll(async () => {
    await ensureImage({ build: true });
    dir = await mkdtemp(join(tmpdir(), "vouch-replay-cli-"));
    input = join(dir, "in.jsonl");
    const all = (await readFile("fixtures/replay/trajectories.jsonl", "utf8")).trim().split("\n");
    await writeFile(input, PICK.map((id) => all.find((l) => JSON.parse(l).id === id)!).join("\n") + "\n");
  }, 600_000);

  it("exit 1 when a trajectory diverges; --json prints the summary only; --junit has one case per trajectory", async () => {
    const out = join(dir, "a.jsonl");
    const r = await run([input, "--out", out, "--json", "--junit", join(dir, "a.xml"), "--concurrency", "2"]);
    expect(r.exitCode).toBe(1);
    const s = JSON.parse(r.stdout);
    expect(s.byVerdict).toMatchObject({ reproduced: 2, diverged: 1 });
    expect(s.firstDivergedTurn).toEqual({ "0": 1 });
    expect(r.stderr).not.toMatch(/replay: \d/); // no progress under --json
    const xml = await readFile(join(dir, "a.xml"), "utf8");
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toMatch(/<failure type="diverged" message="turn 0 diverged: [^"]*claimed TypeError/);
  }, 300_000);

  it("resumes: ids already in the output are skipped, a line cut by a crash is repaired and redone", async () => {
    const out = join(dir, "b.jsonl");
    const first = await run([input, "--out", out, "--json"]);
    expect(first.exitCode).toBe(1);
    const again = await run([input, "--out", out, "--json"]);
    expect(JSON.parse(again.stdout)).toMatchObject({ total: 3, replayed: 0, resumed: 3 });
    expect(again.exitCode).toBe(0);
    // a crash mid-write: the last line is cut; the next run keeps the complete lines and redoes that record
    const text = await readFile(out, "utf8");
    const keep = text.split("\n").filter(Boolean).slice(0, 2);
    await writeFile(out, keep.join("\n") + "\n");
    await appendFile(out, text.split("\n").filter(Boolean)[2]!.slice(0, 40));
    const resumed = await run([input, "--out", out, "--json"]);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ total: 3, replayed: 1, resumed: 2 });
    expect((await ids(out)).sort()).toEqual([...PICK].sort());
  }, 300_000);

  it("exit 2 for bad lines, while the rest of the batch goes on; a transcript without tests is unreplayable", async () => {
    const bad = join(dir, "bad.jsonl");
    const good = (await readFile(input, "utf8")).split("\n")[0]!;
    const noTests = { id: "no-tests", messages: [{ role: "user", content: "Reverse a string." }, { role: "assistant", content: "```python\ndef rev(s):\n    return s[::-1]\n```" }] };
    await writeFile(bad, [good, "{not json", JSON.stringify({ id: "x", task: "planning" }), JSON.stringify(noTests)].join("\n") + "\n");
    const out = join(dir, "c.jsonl");
    const r = await run([bad, "--out", out, "--json"]);
    expect(r.exitCode).toBe(2);
    const s = JSON.parse(r.stdout);
    expect(s.invalidLines.map((l: { line: number }) => l.line)).toEqual([2, 3]);
    expect(s.invalidLines[1].error).toMatch(/not "planning"/);
    expect(s.byVerdict).toMatchObject({ reproduced: 1, unreplayable: 1 });
    const lines = (await readFile(out, "utf8")).split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(lines.find((l) => l.id === "no-tests")).toMatchObject({ verdict: "unreplayable", reason: expect.stringMatching(/no tests/) });
  }, 300_000);

  it("a bad flag is a usage error (exit 2) naming the flag", async () => {
    const r = await run([input, "--out", join(dir, "d.jsonl"), "--repeat", "0"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("--repeat");
  });
});
