// `vouch verify --junit --fail-on` as a CI job runs it, on real trajectory fixtures and the real engine.
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureImage } from "../sandbox/image.js";

const CLI = ["--import", "tsx", "src/cli/main.ts"];
const IDS = ["er-sound-divisor", "er-flaw-invented-message", "er-flaw-edits-tests"];
const code = [
  { id: "code-ok", code: "def f():\n    return 1\n", tests: { kind: "assert", code: "assert f() == 1" } },
  { id: "code-bad", code: "def f():\n    return 2\n", tests: { kind: "assert", code: "assert f() == 1" } },
];

// Parses JUnit XML with Python's strict parser into {suites: [{name, attrs, cases: [{name, failure?, error?}]}]}.
function parseJunit(xml: string): any {
  const py = `
import sys, json, xml.etree.ElementTree as E
r = E.fromstring(sys.stdin.buffer.read())
def out(c, tag):
    e = c.find(tag)
    return None if e is None else {"type": e.get("type"), "message": e.get("message"), "text": e.text or ""}
print(json.dumps({"attrs": r.attrib, "suites": [{"name": s.get("name"), "attrs": s.attrib, "cases": [
  {"name": c.get("name"), "classname": c.get("classname"), "failure": out(c, "failure"), "error": out(c, "error")} for c in s]} for s in r]}))`;
  return JSON.parse(execFileSync("/usr/bin/python3", ["-c", py], { input: xml }).toString());
}

describe("vouch verify --junit --fail-on (real Docker)", () => {
  let dir = "";
  let file = "";
  beforeAll(async () => {
    await ensureImage({ build: true });
    dir = await mkdtemp(join(tmpdir(), "vouch-gate-"));
    file = join(dir, "in.jsonl");
    const fixtures = (await readFile("fixtures/trajectories/error-recovery.jsonl", "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    const picked = IDS.map((id) => fixtures.find((r) => r.id === id)!);
    await writeFile(file, [...picked, ...code].map((r) => JSON.stringify(r)).join("\n") + "\n");
  }, 600_000);

  it("exits 1 on a hallucinated step, names the record, and writes JUnit that matches the results", async () => {
    const out = join(dir, "out.jsonl");
    const r = await execa("node", [...CLI, "verify", file, "--out", out, "--no-cache", "--json", "--junit", join(dir, "a.xml"), "--fail-on", "hallucinated-step"], { reject: false });
    expect(r.exitCode, r.stderr).toBe(1);
    const results = (await readFile(out, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    const hallucinated = results.filter((x) => x.steps?.some((s: any) => s.errorType === "hallucinated-step")).map((x) => x.id);
    expect(hallucinated.length).toBeGreaterThan(0);
    for (const id of hallucinated) expect(r.stderr).toContain(id);
    for (const id of results.map((x) => x.id).filter((id) => !hallucinated.includes(id))) expect(r.stderr).not.toContain(`${id}:`);

    const j = parseJunit(await readFile(join(dir, "a.xml"), "utf8"));
    expect(j.suites.map((s: any) => s.name)).toEqual(["error-recovery", "code"]);
    expect(Number(j.attrs.tests)).toBe(results.length);
    expect(Number(j.attrs.failures)).toBe(results.filter((x) => x.verdict !== "pass").length);
    for (const res of results.filter((x) => x.task)) {
      const c = j.suites[0].cases.find((k: any) => k.name === res.id);
      if (res.verdict === "pass") expect(c.failure).toBeNull();
      else {
        const first = res.steps.find((s: any) => s.index === res.firstWrongStep);
        expect(c.failure.type).toBe(first.errorType);
        expect(c.failure.message).toContain(`first wrong step ${first.index}`);
        expect(c.failure.text).toContain(first.evidence.slice(0, 80));
      }
    }
    const bad = j.suites[1].cases.find((k: any) => k.name === "code-bad");
    expect(bad.failure.type).toBe(results.find((x) => x.id === "code-bad").verdict);
  });

  it("gates a resumed run on the whole output, and passes when no gated error type is present", async () => {
    const out = join(dir, "out.jsonl"); // written by the test above: every record is resumed now
    const clean = await execa("node", [...CLI, "verify", file, "--out", out, "--json", "--junit", join(dir, "b.xml"), "--fail-on", "pseudo-fix,timeout"], { reject: false });
    expect(clean.exitCode, clean.stderr).toBe(0);
    expect(Number(parseJunit(await readFile(join(dir, "b.xml"), "utf8")).attrs.tests)).toBe(IDS.length + code.length);
    const again = await execa("node", [...CLI, "verify", file, "--out", out, "--json", "--fail-on", "scope-violation"], { reject: false });
    expect(again.exitCode).toBe(1);
    expect(again.stderr).toContain("er-flaw-edits-tests");
  });

  it("gates a fully resumed run's --min-pass-rate on the whole output, not on an empty batch", async () => {
    const out = join(dir, "out.jsonl"); // every record is resumed: this run verifies nothing
    const results = (await readFile(out, "utf8")).trim().split("\n").map((l) => JSON.parse(l));
    const rate = results.filter((x) => x.verdict === "pass").length / results.length;
    const under = await execa("node", [...CLI, "verify", file, "--out", out, "--json", "--min-pass-rate", String(rate - 0.01)], { reject: false });
    expect(under.exitCode, under.stderr).toBe(0);
    const over = await execa("node", [...CLI, "verify", file, "--out", out, "--json", "--min-pass-rate", String(rate + 0.01)], { reject: false });
    expect(over.exitCode).toBe(1);
    expect(over.stderr).toContain("--min-pass-rate");
  });

  it("rejects an unknown error type as a usage error naming --fail-on", async () => {
    const r = await execa("node", [...CLI, "verify", file, "--out", join(dir, "x.jsonl"), "--fail-on", "hallucinated-step,made-up"], { reject: false });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("--fail-on");
  });
});
