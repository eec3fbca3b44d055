import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { partitionCommand } from "./partition.js";
import { partition } from "../dataset/partition.js";

// Pure: runs over fixtures/partition/, whose results.jsonl was produced by a real `vouch verify` run on the
// Docker engine (fixtures/partition/make.py) and committed. No Docker here.

const FIX = "fixtures/partition";
const input = join(FIX, "trajectories.jsonl");
const results = join(FIX, "results.jsonl");

const readLines = async (p: string) => (await readFile(p, "utf8")).split("\n").filter((l) => l.trim());
const readJsonl = async (p: string) => (await readLines(p)).map((l) => JSON.parse(l) as Record<string, unknown>);
const tmp = () => mkdtemp(join(tmpdir(), "vouch-partition-"));

interface Planted {
  duplicates: { id: string; duplicateOf: string }[];
  kept: string[];
  unusable: number;
  excluded: string[];
}

describe("vouch partition on the fixtures", async () => {
  const planted = JSON.parse(await readFile(join(FIX, "planted.json"), "utf8")) as Planted;
  const outDir = await tmp();
  const m = await partition({ input, results, outDir, curriculum: true });
  const files = Object.fromEntries(
    await Promise.all(["sft", "process", "correction", "duplicates", "excluded", "unusable", "curriculum"].map(async (f) => [f, await readJsonl(join(outDir, `${f}.jsonl`))] as const)),
  );

  it("accounts for every input line exactly once", async () => {
    const lines = await readLines(input);
    const a = m.accounting;
    expect(a.input).toBe(lines.length);
    expect(a.kept + a.duplicates + a.excluded + a.unusable).toBe(a.input);
    expect(a.balanced).toBe(true);
    // by line number: each input line is in exactly one of kept (some subset), duplicates, excluded, unusable
    const kept = new Set([...files.sft!, ...files.process!, ...files.correction!].map((r) => r.id as string));
    expect(kept.size).toBe(a.kept);
    const elsewhere = [...files.duplicates!, ...files.excluded!, ...files.unusable!].map((r) => r.line as number);
    expect(new Set(elsewhere).size).toBe(elsewhere.length);
    expect(elsewhere.length + kept.size).toBe(lines.length);
  });

  it("removes the planted near-duplicates, and only them", () => {
    const found = files.duplicates!.map((d) => ({ id: d.id, duplicateOf: d.duplicateOf }));
    expect(found).toEqual(planted.duplicates);
    for (const d of files.duplicates!) expect(d.similarity).toBeGreaterThanOrEqual(0.8);
    const exact = files.duplicates!.find((d) => String(d.id).endsWith("~copy"));
    expect(exact?.similarity).toBe(1);
    // same problem and prose with another solution is no duplicate
    for (const id of planted.kept) expect(files.process!.some((r) => r.id === id)).toBe(true);
  });

  it("puts each kind of unusable line and the schema failure aside with a reason", () => {
    expect(m.accounting.unusable).toBe(planted.unusable);
    expect(Object.keys(m.unusableReasons).sort()).toEqual(["duplicate-id", "malformed-line", "no-id", "no-result", "unknown-task"]);
    for (const u of files.unusable!) expect(String(u.reason)).toMatch(/^trajectories\.jsonl:\d+: /);
    expect(files.excluded!.map((e) => e.id)).toEqual(planted.excluded);
  });

  it("splits into subsets with the counts of the fixture batch", () => {
    expect(m.subsets).toEqual({ sft: 45, process: 104, correction: 53 });
    const sum = (k: "sft" | "process" | "correction") => Object.values(m.byKind).reduce((n, c) => n + c[k], 0);
    expect([sum("sft"), sum("process"), sum("correction")]).toEqual([m.subsets.sft, m.subsets.process, m.subsets.correction]);
    expect(files.sft!.length).toBe(m.subsets.sft);
    expect(files.process!.length).toBe(m.subsets.process);
    expect(files.correction!.length).toBe(m.subsets.correction);
  });

  it("writes subsets training code can use directly", () => {
    for (const r of files.sft!) expect(r.record).not.toHaveProperty("expect");
    for (const r of files.process!) {
      const steps = r.steps as { label: string; evidence: string }[];
      expect(steps.some((s) => s.label !== "unverifiable")).toBe(true);
      for (const s of steps) expect(typeof s.evidence).toBe("string");
    }
    for (const r of files.correction!) {
      const c = r.correction as { step: number; evidence: string; fix?: unknown };
      expect(c.step).toBe(r.firstWrongStep);
      expect(c.evidence.length).toBeGreaterThan(0);
      if (String(r.task).startsWith("error-recovery")) expect(c.fix).toBeDefined();
    }
  });

  it("orders the curriculum easy to hard with a share of easy records later", () => {
    const stages = files.curriculum!.map((r) => r.stage as number);
    expect([...stages].sort((a, b) => a - b)).toEqual(stages);
    expect(files.curriculum!.length).toBe(m.subsets.sft + m.subsets.process);
    const buckets = (s: number) => files.curriculum!.filter((r) => r.stage === s).map((r) => (r.difficulty as { bucket: string }).bucket);
    expect(new Set(buckets(1))).toEqual(new Set(["easy"]));
    for (const s of [2, 3]) {
      const b = buckets(s);
      expect(b.filter((x) => x === "easy").length).toBeGreaterThan(0);
      expect(b.filter((x) => x === "easy").length / b.length).toBeLessThanOrEqual(0.2 + 0.02);
    }
  });

  it("gives the same output when the verification is carried in each record", async () => {
    const byId = new Map((await readJsonl(results)).map((r) => [r.id, r]));
    const lines = (await readFile(input, "utf8")).split("\n").filter((l) => l.trim());
    const embedded = lines.map((l) => {
      try {
        const r = JSON.parse(l) as Record<string, unknown>;
        return byId.has(r.id) ? JSON.stringify({ ...r, verification: byId.get(r.id) }) : l;
      } catch {
        return l;
      }
    });
    const dir = await tmp();
    await writeFile(join(dir, "in.jsonl"), embedded.join("\n") + "\n");
    const m2 = await partition({ input: join(dir, "in.jsonl"), outDir: join(dir, "out"), curriculum: true });
    expect({ ...m2.accounting, subsets: m2.subsets, byKind: m2.byKind }).toEqual({ ...m.accounting, subsets: m.subsets, byKind: m.byKind });
    expect(await readFile(join(dir, "out", "curriculum.jsonl"), "utf8")).toBe(await readFile(join(outDir, "curriculum.jsonl"), "utf8"));
  });

  it("joins a results file with CRLF line ends and no final newline the same (every result read by its offset)", async () => {
    const dir = await tmp();
    const crlf = join(dir, "results.jsonl");
    await writeFile(crlf, (await readLines(results)).join("\r\n"));
    const m2 = await partition({ input, results: crlf, outDir: join(dir, "out"), curriculum: true });
    expect({ ...m2.accounting, subsets: m2.subsets, byKind: m2.byKind, unusable: m2.unusableReasons }).toEqual({ ...m.accounting, subsets: m.subsets, byKind: m.byKind, unusable: m.unusableReasons });
    expect(await readFile(join(dir, "out", "process.jsonl"), "utf8")).toBe(await readFile(join(outDir, "process.jsonl"), "utf8"));
  });
});

describe("partitionCommand", () => {
  it("exits 2 when lines were unusable, prints the table and the sum check", async () => {
    const out: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((s: string) => (out.push(s), true)) as typeof process.stdout.write;
    try {
      expect(await partitionCommand(input, { results, outDir: await tmp() })).toBe(2);
    } finally {
      process.stdout.write = write;
    }
    const text = out.join("");
    expect(text).toMatch(/^all kinds +111 +45 +104 +53 +6 +1$/m);
    expect(text).toMatch(/sum check: 116 input = 104 kept \+ 6 duplicates \+ 1 excluded \+ 5 unusable: ok/);
  });

  it("rejects a bad flag as a usage error naming it", async () => {
    await expect(partitionCommand(input, { outDir: await tmp(), dedupThreshold: "1.5" })).rejects.toThrow(/--dedup-threshold/);
  });
});
