import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { countLines } from "./count-lines.js";

describe("countLines", () => {
  it("counts non-blank lines, with or without a final newline, CRLF included", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-count-"));
    const cases: Array<[string, number]> = [
      ["", 0],
      ["a\n", 1],
      ["a\nb", 2],
      ["a\r\n\r\n  \nb\r\n", 2],
      ["\n\n", 0],
    ];
    for (const [i, [text, n]] of cases.entries()) {
      const p = join(dir, `${i}.jsonl`);
      await writeFile(p, text);
      expect(await countLines(p), JSON.stringify(text)).toBe(n);
    }
  });
});
