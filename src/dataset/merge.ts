import { createReadStream } from "node:fs";
import { access, open, rename, rm } from "node:fs/promises";
import { VouchError } from "../core/errors.js";
import { createInterface } from "node:readline";

// Merges shard outputs into one JSONL, keeping the first record per id; written to a temp file, then renamed.
export async function mergeJsonl(inputs: string[], output: string): Promise<{ written: number; duplicates: number }> {
  for (const input of inputs) {
    await access(input).catch(() => {
      throw new VouchError("INPUT_INVALID", `shard output not found: ${input}`, { path: input });
    });
  }
  const seen = new Set<string>();
  let written = 0;
  let duplicates = 0;
  const tmp = `${output}.${process.pid}.tmp`;
  const fh = await open(tmp, "w");
  try {
    for (const input of inputs) {
      for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
        if (!line.trim()) continue;
        let id: unknown;
        try {
          id = (JSON.parse(line) as { id?: unknown }).id;
        } catch {
          continue; // a partial line from a crashed shard
        }
        if (typeof id !== "string") continue;
        if (seen.has(id)) {
          duplicates++;
          continue;
        }
        seen.add(id);
        await fh.write(line + "\n");
        written++;
      }
    }
  } catch (e) {
    await fh.close();
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  await rename(tmp, output);
  return { written, duplicates };
}
