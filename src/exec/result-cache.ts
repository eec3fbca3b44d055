import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { z } from "zod";
import { cacheDir } from "../core/cache-dir.js";
import { VerifyResult } from "../core/result.js";

// Where results are cached unless --cache-dir says otherwise.
export function defaultCacheDir(): string {
  return cacheDir("results");
}

// A content key: same image, code, tests and limits give the same verdict.
export function cacheKey(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

interface Cacheable {
  verdict: string;
}

// Results on disk, one small JSON file per key; infra errors are never stored. The schema checks what is read
// (a stale or foreign file is a miss): VerifyResult by default, TrajectoryResult for trajectories.
export class ResultCache<T extends Cacheable = VerifyResult> {
  private readonly schema: z.ZodType<T>;
  private readonly made = new Set<string>(); // the fan-out folders made by this process (one mkdir each, not one per result)
  constructor(
    private readonly dir: string,
    schema?: z.ZodType<T>,
  ) {
    this.schema = schema ?? (VerifyResult as unknown as z.ZodType<T>);
  }

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<T | undefined> {
    try {
      const parsed = this.schema.safeParse(JSON.parse(await readFile(this.path(key), "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, result: T): Promise<void> {
    if (result.verdict === "infra-error") return;
    const p = this.path(key);
    const dir = dirname(p);
    if (!this.made.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.made.add(dir);
    }
    const tmp = `${p}.${process.pid}.tmp`;
    const text = JSON.stringify(result);
    await writeFile(tmp, text).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
      await mkdir(dir, { recursive: true }); // the folder went away since (a cache cleared mid-run)
      await writeFile(tmp, text);
    });
    await rename(tmp, p);
  }
}
