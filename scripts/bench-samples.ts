// Bench inputs: N distinct, correct assert-style programs made from the MBPP slice (fixtures/public/mbpp_dev.jsonl).
// There is no HumanEval data here (and it is not fetched): the 164 "HumanEval-like" references are the MBPP
// references, cycled and made unique by a leading comment with the sample's index, so no cache can answer.
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { once } from "node:events";

export const MBPP_SLICE = "fixtures/public/mbpp_dev.jsonl";

export interface BenchSample {
  id: string;
  language: "python";
  code: string;
  entry_point: string;
  tests: { kind: "assert"; code: string };
}

interface MbppRow {
  id: string;
  entry_point: string;
  solution: string;
  tests: { kind: "assert"; code: string };
}

async function mbppRows(file = MBPP_SLICE): Promise<MbppRow[]> {
  const text = await readFile(file, "utf8");
  return text.split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as MbppRow);
}

// The i-th sample: problem i mod 60, its reference with "# bench sample i (salt)" on top.
export function sampleAt(rows: MbppRow[], i: number, salt: string): BenchSample {
  const r = rows[i % rows.length]!;
  return {
    id: `bench/${i}`,
    language: "python",
    code: `# bench sample ${i} (${salt})\n${r.solution}`,
    entry_point: r.entry_point,
    tests: r.tests,
  };
}

export async function benchSamples(n: number, salt: string): Promise<BenchSample[]> {
  const rows = await mbppRows();
  return Array.from({ length: n }, (_, i) => sampleAt(rows, i, salt));
}

// Writes n samples as JSONL, streaming (the 100,000-record batch is never held in memory).
export async function writeBenchJsonl(file: string, n: number, salt: string): Promise<void> {
  const rows = await mbppRows();
  const out = createWriteStream(file);
  for (let i = 0; i < n; i++) {
    if (!out.write(JSON.stringify(sampleAt(rows, i, salt)) + "\n")) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

// The program a human-eval style harness runs for a sample: the code, then its asserts.
export const programOf = (s: BenchSample) => `${s.code}\n\n${s.tests.code}\n`;
