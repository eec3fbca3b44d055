import OpenAI from "openai";
import { ReplyCache } from "./cache.js";
import { createLimit } from "./limit.js";
import { defaultLlmCacheDir, LlmOptions, type LlmOptionsInput } from "./options.js";
import { completeStructured, type StructuredContext } from "./structured.js";
import type { Llm } from "./types.js";
import { UsageMeter } from "./usage.js";

// An Llm on an OpenAI-compatible endpoint: Vouch's own retries (the package's are off), a concurrency limit,
// a disk cache, usage counts. Options are normalised once here (defaults in src/llm/options.ts).
export function createLlm(options: LlmOptionsInput): Llm {
  const opts = LlmOptions.parse(options);
  const meter = new UsageMeter(opts.prices);
  const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultLlmCacheDir());
  const ctx: StructuredContext = {
    openai: new OpenAI({ baseURL: opts.baseUrl, apiKey: opts.apiKey, maxRetries: 0, timeout: opts.timeoutMs }),
    opts,
    meter,
    cache: cacheDir ? new ReplyCache(cacheDir) : undefined,
    limit: createLimit(opts.concurrency),
    responseFormat: true,
  };
  return {
    model: opts.model,
    complete: (req) => completeStructured(ctx, req),
    usage: () => meter.snapshot(),
  };
}
