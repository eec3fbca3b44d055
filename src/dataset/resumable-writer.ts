import { createReadStream } from "node:fs";
import { mkdir, open, stat, truncate, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";

export interface ResumableWriter {
  /** Ids already in the file when it was opened, plus those written since. */
  readonly done: ReadonlySet<string>;
  write(record: { id: string } & Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

// Scans an existing output: ids of complete lines, and the byte length up to the last newline.
async function scan(path: string): Promise<{ ids: Set<string>; completeBytes: number; size: number }> {
  const ids = new Set<string>();
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    return { ids, completeBytes: 0, size: 0 };
  }
  let offset = 0;
  let completeBytes = 0;
  let pending: Buffer[] = [];
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, start)) {
      pending.push(chunk.subarray(start, i));
      const text = Buffer.concat(pending).toString("utf8");
      pending = [];
      try {
        const id = (JSON.parse(text) as { id?: unknown }).id;
        if (typeof id === "string") ids.add(id);
      } catch {
        // a damaged complete line is left as it is, and its record is redone
      }
      completeBytes = offset + i + 1;
      start = i + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
    offset += chunk.length;
  }
  return { ids, completeBytes, size };
}

// Opens a JSONL output for appending; a partial last line (a crash mid-write) is cut off so its record is redone.
export async function openResumableWriter(path: string): Promise<ResumableWriter> {
  await mkdir(dirname(path), { recursive: true });
  const { ids, completeBytes, size } = await scan(path);
  if (size > completeBytes) await truncate(path, completeBytes);
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
