import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { ChatMessage, TokenUsage } from "./types.js";

// What decides a reply: the base URL is left out, so the same model behind another host shares the cache.
export interface CacheKeyParts {
  model: string;
  messages: ChatMessage[];
  temperature: number;
  schemaName: string;
  jsonSchema: unknown;
}

// One cached reply: the raw text (re-validated on use) and the tokens it cost when it was fetched.
export const CachedReply = z.object({
  raw: z.string(),
  usage: z.object({ promptTokens: z.number(), completionTokens: z.number() }),
});
export type CachedReply = z.infer<typeof CachedReply>;

// The cache key: sha256 of the canonical JSON of the parts.
export function cacheKey(p: CacheKeyParts): string {
  const canonical = JSON.stringify([p.model, p.messages.map((m) => [m.role, m.content]), p.temperature, p.schemaName, p.jsonSchema]);
  return createHash("sha256").update(canonical).digest("hex");
}

// A directory of replies, one JSON file per key (two-level fan-out); writes are atomic (tmp + rename).
export class ReplyCache {
  constructor(readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  // The cached reply, or undefined (absent or unreadable: a miss).
  async get(key: string): Promise<CachedReply | undefined> {
    try {
      const parsed = CachedReply.safeParse(JSON.parse(await readFile(this.path(key), "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async put(key: string, value: CachedReply & { usage: TokenUsage }): Promise<void> {
    const file = this.path(key);
    await mkdir(join(this.dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
    await writeFile(tmp, JSON.stringify(value));
    await rename(tmp, file);
  }
}
