import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { VerifyResult } from "../core/result.js";

// Where results are cached unless --cache-dir says otherwise.
export function defaultCacheDir(): string {
  return process.env.VOUCH_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "vouch", "results");
}

// A content key: same image, code, tests and limits give the same verdict.
export function cacheKey(parts: unknown): string {
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

// Results on disk, one small JSON file per key; infra errors are never stored.
export class ResultCache {
  constructor(private readonly dir: string) {}

  private path(key: string): string {
    return join(this.dir, key.slice(0, 2), `${key}.json`);
  }

  async get(key: string): Promise<VerifyResult | undefined> {
    try {
      const parsed = VerifyResult.safeParse(JSON.parse(await readFile(this.path(key), "utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, result: VerifyResult): Promise<void> {
    if (result.verdict === "infra-error") return;
    const p = this.path(key);
    await mkdir(dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.tmp`;
    await writeFile(tmp, JSON.stringify(result));
    await rename(tmp, p);
  }
}
