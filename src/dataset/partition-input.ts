import { createReadStream } from "node:fs";
import { access, open, type FileHandle } from "node:fs/promises";
import { basename } from "node:path";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { lineSplitter } from "../core/line-splitter.js";
import { TaskKind, TrajectoryResult } from "../core/trajectory-result.js";
import { describeIssues } from "../core/issues.js";
import { readJsonl } from "./jsonl-reader.js";

// The input of partition, streamed: trajectory records with their verification, either carried in a
// `verification` field (what `vouch generate` writes) or joined by id from a `vouch verify` results file.
// Every line becomes an item: a usable record, or an unusable one with its reason (never silently lost).

export type UnusableKind = "malformed-line" | "no-id" | "unknown-task" | "duplicate-id" | "no-result" | "invalid-result";

export type InputItem =
  | { ok: true; line: number; id: string; record: Record<string, unknown>; result: TrajectoryResult }
  | { ok: false; line: number; id?: string; kind: UnusableKind; reason: string };

interface Span {
  offset: number;
  length: number;
}

// Byte offsets of each id's last result line (a resumed verify appends redone records after the old ones),
// so that results are read one at a time instead of held in memory.
async function indexResults(path: string): Promise<Map<string, Span>> {
  const index = new Map<string, Span>();
  let start = 0;
  const split = lineSplitter((line, end) => {
    const m = /"id"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(line);
    if (m) index.set(JSON.parse(m[1]!) as string, { offset: start, length: end - 1 - start });
    start = end;
  });
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) split(chunk);
  split(Buffer.from("\n")); // the last line may lack its newline
  return index;
}

async function exists(path: string, what: string): Promise<void> {
  try {
    await access(path);
  } catch {
    throw new VouchError("INPUT_INVALID", `${what} not found: ${path}`, { path });
  }
}

// Streams the input as items, in order; the results file (when given) is indexed first, then read by id.
export async function* readPartitionInput(input: string, resultsPath?: string): AsyncGenerator<InputItem> {
  await exists(input, "input file");
  if (resultsPath) await exists(resultsPath, "results file");
  const index = resultsPath ? await indexResults(resultsPath) : undefined;
  const fh: FileHandle | undefined = resultsPath ? await open(resultsPath, "r") : undefined;
  const name = basename(input);
  const seen = new Set<string>();
  try {
    for await (const item of readJsonl(input, z.unknown())) {
      const line = item.line;
      if (!item.ok) {
        yield { ok: false, line, kind: "malformed-line", reason: item.error };
        continue;
      }
      const raw = item.value;
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
        yield { ok: false, line, kind: "malformed-line", reason: `${name}:${line}: not a JSON object` };
        continue;
      }
      const record = raw as Record<string, unknown>;
      const id = typeof record.id === "string" && record.id ? record.id : undefined;
      if (!id) {
        yield { ok: false, line, kind: "no-id", reason: `${name}:${line}: no string id` };
        continue;
      }
      if (!TaskKind.safeParse(record.task).success) {
        const known = TaskKind.options.join(", ");
        const reason = record.task === undefined ? "no task: not a trajectory record" : `unknown task ${JSON.stringify(record.task)}`;
        yield { ok: false, line, id, kind: "unknown-task", reason: `${name}:${line}: ${reason} (known: ${known})` };
        continue;
      }
      if (seen.has(id)) {
        yield { ok: false, line, id, kind: "duplicate-id", reason: `${name}:${line}: id ${id} already seen earlier in the input` };
        continue;
      }
      seen.add(id);
      yield await resultOf(record, id, line, name, index, fh, resultsPath);
    }
  } finally {
    await fh?.close();
  }
}

// The verification of one record: its line in the results file, else its `verification` field.
async function resultOf(
  record: Record<string, unknown>,
  id: string,
  line: number,
  name: string,
  index: Map<string, Span> | undefined,
  fh: FileHandle | undefined,
  resultsPath: string | undefined,
): Promise<InputItem> {
  let raw: unknown = record.verification;
  let where = `${name}:${line} verification`;
  const span = index?.get(id);
  if (span && fh && resultsPath) {
    const buf = Buffer.alloc(span.length);
    await fh.read(buf, 0, span.length, span.offset);
    where = `${basename(resultsPath)} (id ${id})`;
    try {
      raw = JSON.parse(buf.toString("utf8"));
    } catch (e) {
      return { ok: false, line, id, kind: "invalid-result", reason: `${where}: invalid JSON: ${(e as Error).message}` };
    }
  }
  if (raw === undefined) {
    const reason = resultsPath ? `no result for id ${id} in ${basename(resultsPath)} and no verification field` : `no verification field (give --results)`;
    return { ok: false, line, id, kind: "no-result", reason: `${name}:${line}: ${reason}` };
  }
  const parsed = TrajectoryResult.safeParse(raw);
  if (!parsed.success) {
    const issues = describeIssues(parsed.error, "(result)");
    return { ok: false, line, id, kind: "invalid-result", reason: `${where}: not a trajectory result: ${issues}` };
  }
  if (parsed.data.task !== record.task) {
    return { ok: false, line, id, kind: "invalid-result", reason: `${where}: result is for task ${parsed.data.task}, the record is ${String(record.task)}` };
  }
  const { verification: _v, ...rest } = record;
  return { ok: true, line, id, record: rest, result: parsed.data };
}
