import { mkdtemp, readdir, writeFile, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { VerifyResult } from "../core/result.js";
import { cacheKey, ResultCache } from "./result-cache.js";

const result = (verdict: VerifyResult["verdict"], key: string): VerifyResult => ({
  id: "r",
  verdict,
  tests: [],
  durationMs: 3,
  truncated: false,
  attempts: 1,
  cached: false,
  image: "img",
  key,
});

describe("ResultCache", () => {
  it("keys on content: any change to the parts changes the key", () => {
    const parts = { image: "sha256:1", code: "x", tests: { kind: "assert", code: "assert 1" }, limits: { timeoutMs: 1 } };
    expect(cacheKey(parts)).toBe(cacheKey(structuredClone(parts)));
    expect(cacheKey({ ...parts, code: "y" })).not.toBe(cacheKey(parts));
    expect(cacheKey({ ...parts, image: "sha256:2" })).not.toBe(cacheKey(parts));
    expect(cacheKey({ ...parts, limits: { timeoutMs: 2 } })).not.toBe(cacheKey(parts));
  });

  it("round-trips a result and never stores an infra-error", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-cache-"));
    const cache = new ResultCache(dir);
    const k1 = cacheKey("a");
    const k2 = cacheKey("b");
    await cache.set(k1, result("fail", k1));
    await cache.set(k2, result("infra-error", k2));
    expect(await cache.get(k1)).toMatchObject({ verdict: "fail", key: k1 });
    expect(await cache.get(k2)).toBeUndefined();
    expect(await readdir(dir)).toEqual([k1.slice(0, 2)]);
  });

  it("keeps writing when the cache folder is removed during a run", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-cache-"));
    const cache = new ResultCache(dir);
    const k = cacheKey("c");
    await cache.set(k, result("pass", k));
    await rm(dir, { recursive: true });
    await cache.set(k, result("fail", k));
    expect(await cache.get(k)).toMatchObject({ verdict: "fail" });
  });

  it("treats a damaged entry as a miss", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-cache-"));
    const k = cacheKey("c");
    await mkdir(join(dir, k.slice(0, 2)), { recursive: true });
    await writeFile(join(dir, k.slice(0, 2), `${k}.json`), '{"id": "r", "verdict": "pa');
    expect(await new ResultCache(dir).get(k)).toBeUndefined();
  });
});
