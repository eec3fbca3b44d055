import { createReadStream } from "node:fs";
import { mkdir, open, rename, stat, truncate, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { lineSplitter } from "../core/line-splitter.js";

export interface ResumableWriter {
  /** Ids already in the file when it was opened, plus those written since. */
  readonly done: ReadonlySet<string>;
  write(record: { id: string } & Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export interface ResumableWriterOptions {
  /** Records to do again on resume (e.g. infra errors): their lines are dropped when the file is opened. */
  redo?: (record: Record<string, unknown>) => boolean;
}

interface Scan {
  ids: Set<string>;
  completeBytes: number;
  size: number;
  redo: number;
}

// Scans an existing output: ids of complete lines, lines to redo, and the byte length up to the last newline.
async function scan(path: string, redo: ResumableWriterOptions["redo"]): Promise<Scan> {
  const out: Scan = { ids: new Set(), completeBytes: 0, size: 0, redo: 0 };
  try {
    out.size = (await stat(path)).size;
  } catch {
    return out;
  }
  const onLine = lineSplitter((text, end) => {
    out.completeBytes = end;
    const rec = parse(text);
    if (rec && redo?.(rec)) out.redo++;
    else if (typeof rec?.id === "string") out.ids.add(rec.id);
    // a damaged complete line is left as it is, and its record is redone
  });
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) onLine(chunk);
  return out;
}

function parse(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// Rewrites the file without the lines to redo (only when there are some).
async function dropRedoLines(path: string, redo: NonNullable<ResumableWriterOptions["redo"]>): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const fh = await open(tmp, "w");
  const kept: string[] = [];
  const onLine = lineSplitter((text) => {
    const rec = parse(text);
    if (!(rec && redo(rec))) kept.push(text + "\n");
  });
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      onLine(chunk);
      if (kept.length) await fh.write(kept.splice(0).join(""));
    }
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}

// Opens a JSONL output for appending. A partial last line (a crash mid-write) is cut off and lines the caller
// wants redone are dropped, so their records are done again; every complete line is kept.
export async function openResumableWriter(path: string, opts: ResumableWriterOptions = {}): Promise<ResumableWriter> {
  await mkdir(dirname(path), { recursive: true });
  const { ids, completeBytes, size, redo } = await scan(path, opts.redo);
  if (size > completeBytes) await truncate(path, completeBytes);
  if (redo > 0 && opts.redo) await dropRedoLines(path, opts.redo);
  const fh: FileHandle = await open(path, "a");
  let chain: Promise<void> = Promise.resolve();
  return {
    done: ids,
    write(record) {
      ids.add(record.id);
      const line = JSON.stringify(record) + "\n";
      chain = chain.then(() => fh.appendFile(line));
      return chain;
    },
    async close() {
      await chain.catch(() => undefined);
      await fh.close();
    },
  };
}
