import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkToAsserts } from "./problem-shapes.js";
import { readProblems, type ProblemItem } from "./read-problems.js";

const SHAPES = "fixtures/problems/shapes";

async function all(path: string): Promise<ProblemItem[]> {
  const out: ProblemItem[] = [];
  for await (const item of readProblems(path)) out.push(item);
  return out;
}

async function problems(path: string) {
  const items = await all(path);
  expect(items.filter((i) => !i.ok)).toEqual([]);
  return items.flatMap((i) => (i.ok ? [i] : []));
}

describe("readProblems and the input shapes", () => {
  it("reads MBPP as first released: text, code, test_list as assert tests, entry point from the asserts", async () => {
    const ps = await problems(`${SHAPES}/mbpp-original.jsonl`);
    expect(ps.map((p) => [p.problem.id, p.problem.entry_point, p.shape])).toEqual([
      ["123", "amicable_numbers_sum", "vouch/mbpp/humaneval"],
      ["167", "next_power_of_2", "vouch/mbpp/humaneval"],
      ["172", "count_occurance", "vouch/mbpp/humaneval"],
    ]);
    const p = ps[1]!.problem;
    expect(p.prompt).toMatch(/^Write a python function to find the smallest power of 2/);
    expect(p.solution).toMatch(/def next_power_of_2/);
    expect(p.tests).toMatchObject({ kind: "assert", code: expect.stringMatching(/^assert next_power_of_2\(0\) == 1\n/) });
  });

  it("reads HumanEval: solution = prompt + canonical body, check(candidate) turned into one assert per line", async () => {
    const ps = await problems(`${SHAPES}/humaneval.jsonl`);
    expect(ps).toHaveLength(3);
    const p = ps[0]!.problem;
    expect(p.entry_point).toBe("tup_string");
    expect(p.solution).toMatch(/^def tup_string\(tup1\):\n {4}""" Write a function[\s\S]*\n {4}return ''\.join\(tup1\)\n$/);
    const code = p.tests?.kind === "assert" ? p.tests.code : "";
    expect(code.split("\n").filter(Boolean)).toHaveLength(3);
    expect(code).not.toContain("candidate");
    expect(code).toMatch(/^assert tup_string\(\('e', 'x'/);
  });

  it("keeps a check() that is more than plain asserts whole, and calls it as one test", () => {
    const test = "def check(candidate):\n    for x in range(3):\n        assert candidate(x) == x\n";
    expect(checkToAsserts(test, "f")).toBe(`${test.trimEnd()}\n\ncheck(f)\n`);
  });

  it("reads OpenCodeReasoning-like records: statement in input, fenced solution, public_tests or input_output cases", async () => {
    const ps = await problems(`${SHAPES}/opencodereasoning.jsonl`);
    expect(ps.map((p) => p.shape)).toEqual(["opencodereasoning", "opencodereasoning", "opencodereasoning"]);
    for (const { problem } of ps) {
      expect(problem.entry_point).toBeUndefined();
      expect(problem.solution).not.toContain("```");
      expect(problem.tests?.kind).toBe("io");
    }
    expect(ps[2]!.problem.tests).toMatchObject({ kind: "io", cases: [{ input: expect.any(String) }, {}, {}] });
  });

  it("reads tulu-personas-like records: prompt, solution from the assistant's python block, no tests", async () => {
    const ps = await problems(`${SHAPES}/tulu-personas.jsonl`);
    expect(ps.map((p) => [p.problem.id, p.problem.entry_point, p.shape, p.problem.tests])).toEqual([
      ["personahub_q1n3v0", "square_Sum", "tulu-personas-code", undefined],
      ["personahub_7d2kxm", "all_Characters_Same", "tulu-personas-code", undefined],
      ["personahub_m4t9ra", "second_smallest", "tulu-personas-code", undefined],
    ]);
    expect(ps[0]!.problem.solution).toMatch(/^def square_Sum\(n\):/);
  });

  it("reads Parquet row group by row group, JSON text columns decoded", async () => {
    const ps = await problems(`${SHAPES}/problems.parquet`);
    expect(ps.map((p) => [p.line, p.problem.id, p.problem.entry_point])).toEqual([
      [1, "Mbpp/388", "highest_Power_of_2"],
      [2, "Mbpp/422", "find_Average_Of_Cube"],
      [3, "Mbpp/441", "surfacearea_cube"],
      [4, "Mbpp/458", "rectangle_area"],
    ]);
    expect(ps[3]!.problem.tests).toMatchObject({ kind: "assert", code: expect.stringContaining("assert rectangle_area(10,20)==200") });
    expect(ps[3]!.problem.meta).toMatchObject({ upstream: expect.any(String) });
  });

  it("gives a record no shape fits a per-line error naming file:line and every shape tried; the batch goes on", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-shapes-"));
    try {
      const f = join(dir, "odd.jsonl");
      await writeFile(f, ['{"title": "no shape"}', "[1, 2]", "{oops", '{"prompt": "p", "tests": {"kind": "assert", "code": "assert f(1) == 1\\n"}}'].join("\n") + "\n");
      const items = await all(f);
      expect(items.map((i) => (i.ok ? `ok ${i.problem.id} ${i.problem.entry_point}` : i.error))).toEqual([
        expect.stringMatching(/^odd\.jsonl:1 no input shape fits \(tried vouch\/mbpp\/humaneval: no prompt or text; opencodereasoning: no statement.*; tulu-personas-code: no prompt and no user message\)$/),
        "odd.jsonl:2 not a JSON object",
        expect.stringMatching(/^odd\.jsonl:3 not JSON/),
        "ok odd/4 f",
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
