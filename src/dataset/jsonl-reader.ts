import { createReadStream } from "node:fs";
import { access } from "node:fs/promises";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import type { z } from "zod";
import { VouchError } from "../core/errors.js";
import { describeIssues } from "../core/issues.js";

// One shard of a batch: the records whose ordinal is index-1 modulo count.
export interface Shard {
  index: number; // 1-based
  count: number;
}

export type JsonlItem<T> =
  | { line: number; ok: true; value: T; raw: unknown }
  | { line: number; ok: false; id?: string; error: string };

// Parses "i/N" (1 <= i <= N), the --shard flag.
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new VouchError("USAGE", `--shard must be i/N with 1 <= i <= N, not ${JSON.stringify(text)}`);
  }
  return { index, count };
}

// A record's schema issues as one line: "file.jsonl:3 tests.cases[0].output: expected string; ...".
export function formatIssues(file: string, line: number, error: z.ZodError): string {
  return describeIssues(error, "(record)", `${file}:${line} `);
}

// Streams a JSONL file, validating each line against a schema; bad lines become error items, never throws mid-stream.
// An input file that must exist before a batch starts (and before any sandbox): INPUT_INVALID naming it if not.
export async function assertInput(path: string): Promise<void> {
  await access(path).catch(() => {
    throw new VouchError("INPUT_INVALID", `input file not found: ${path}`, { path });
  });
}

export async function* readJsonl<S extends z.ZodType>(
  path: string,
  schema: S,
  opts: { shard?: Shard } = {},
): AsyncGenerator<JsonlItem<z.output<S>>> {
  await assertInput(path);
  const name = basename(path);
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  let line = 0;
  let ordinal = -1;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    ordinal++;
    if (opts.shard && ordinal % opts.shard.count !== opts.shard.index - 1) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      yield { line, ok: false, error: `${name}:${line}: invalid JSON: ${(e as Error).message}` };
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (parsed.success) {
      yield { line, ok: true, value: parsed.data, raw };
      continue;
    }
    const id = typeof raw === "object" && raw !== null && typeof (raw as { id?: unknown }).id === "string" ? (raw as { id: string }).id : undefined;
    yield { line, ok: false, ...(id ? { id } : {}), error: formatIssues(name, line, parsed.error) };
  }
}
