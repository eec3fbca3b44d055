import { createReadStream } from "node:fs";
import { assertInput } from "./jsonl-reader.js";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import type { Problem } from "../core/problem.js";
import { readParquetRows } from "./parquet-rows.js";
import { toProblem } from "./problem-shapes.js";

// One input problem, or the reason its line (row) gives none: "file:line no input shape fits (...)".
export type ProblemItem = { ok: true; line: number; problem: Problem; shape: string } | { ok: false; line: number; error: string };

// The records of a JSONL file with their line numbers; an unparsable line is an error item.
async function* jsonlRecords(path: string): AsyncGenerator<{ line: number; record: unknown } | { line: number; error: string }> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    try {
      yield { line, record: JSON.parse(text) as unknown };
    } catch (e) {
      yield { line, error: `not JSON (${(e as Error).message})` };
    }
  }
}

// Streams problems from JSONL or Parquet (by extension), mapping each record with the first shape that fits.
// A record no shape fits is an error item naming file:line and the shapes tried; the stream goes on.
export async function* readProblems(path: string): AsyncGenerator<ProblemItem> {
  await assertInput(path);
  const name = basename(path);
  const parquet = /\.parquet$/i.test(path);
  const source = parquet ? readParquetRows(path) : jsonlRecords(path);
  for await (const item of source) {
    const { line } = item;
    if ("error" in item) {
      yield { ok: false, line, error: `${name}:${line} ${item.error}` };
      continue;
    }
    const r = toProblem(item.record, `${name.replace(/\.\w+$/, "")}/${line}`);
    yield r.ok ? { ok: true, line, problem: r.problem, shape: r.shape } : { ok: false, line, error: `${name}:${line} ${r.error}` };
  }
}
