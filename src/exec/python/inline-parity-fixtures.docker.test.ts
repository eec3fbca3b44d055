import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparable, openAssertJobs } from "../../../test/support/assert-jobs.js";
import type { ExecResult } from "../../sandbox/types.js";

// Every assert test program in the repository's fixtures (MBPP, EvalPlus forms, the blind trajectory sets written by
// other authors...), paired with every piece of code in the same record (references, buggy and fixed code, each
// turn's code), runs with the runner as the test side and with the harness's test process: the two reports, exits
// and streams must be equal on every pair (but for code random by design, which differs from itself under the harness).
const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;
let jobs: Awaited<ReturnType<typeof openAssertJobs>>;
const job = (code: string, tests: string, inlineTests: boolean): Promise<ExecResult> => jobs.job(code, tests, inlineTests);

beforeAll(async () => {
  jobs = await openAssertJobs(2, 5000);
}, 300_000);
afterAll(async () => jobs?.close());

function jsonlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? jsonlFiles(path) : name.endsWith(".jsonl") ? [path] : [];
  });
}

function pairsOf(record: unknown): Array<[string, string]> {
  const specs = new Set<string>();
  const codes = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.kind === "assert" && typeof o.code === "string") specs.add(o.code);
      Object.values(o).forEach(walk);
    } else if (typeof v === "string" && v.includes("def ") && v.includes("\n")) codes.add(v);
  };
  walk(record);
  return [...specs].flatMap((s) => [...codes].filter((c) => c !== s).map((c): [string, string] => [c, s]));
}

function corpus(): Array<[string, string]> {
  const seen = new Set<string>();
  const out: Array<[string, string]> = [];
  for (const file of jsonlFiles(FIXTURES)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        continue;
      }
      for (const pair of pairsOf(record)) {
        const key = JSON.stringify(pair);
        if (!seen.has(key)) out.push(pair), seen.add(key);
      }
    }
  }
  return out;
}

describe("runner-evaluated assert tests on every fixture test program", () => {
  it("give the harness's result on every (code, tests) pair of the fixtures", async () => {
    const pairs = corpus();
    expect(pairs.length).toBeGreaterThan(500);
    let inline = 0;
    let flaky = 0;
    const differ: string[] = [];
    const queue = [...pairs];
    const worker = async () => {
      for (let pair = queue.shift(); pair; pair = queue.shift()) {
        const [code, tests] = pair;
        const a = await job(code, tests, true);
        const b = await job(code, tests, false);
        if (a.inlineTests) inline++;
        const same = (x: ExecResult, y: ExecResult) => JSON.stringify(comparable(x)) === JSON.stringify(comparable(y));
        if (!same(a, b)) {
          // code that is random by design (a replay fixture's flaky solution) differs from itself: not compared
          if (!same(b, await job(code, tests, false))) {
            flaky++;
            continue;
          }
          differ.push(JSON.stringify({ tests: tests.slice(0, 200), inline: comparable(a), harness: comparable(b) }).slice(0, 1500));
        }
      }
    };
    await Promise.all([worker(), worker()]);
    expect(differ, differ.slice(0, 3).join("\n")).toEqual([]);
    expect(flaky).toBeLessThan(10);
    // the runner must really take most of them (MBPP and HumanEval forms), or this compares the harness with itself
    expect(inline / pairs.length).toBeGreaterThan(0.5);
  }, 600_000);
});
