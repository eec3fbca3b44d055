import { z } from "zod";
import { cacheDir } from "../core/cache-dir.js";

// Every default of the LLM client, named once.
export const LLM_DEFAULTS = {
  baseUrl: "https://api.openai.com/v1",
  model: "gpt-4o-mini",
  /** Local servers (vLLM, llama.cpp, Ollama) need no key, but the protocol wants one: this placeholder is sent. */
  apiKey: "sk-no-key-needed",
  apiKeyEnv: "OPENAI_API_KEY",
  temperature: 0.2,
  concurrency: 4,
  maxRetries: 5,
  timeoutMs: 120_000,
  retryBaseMs: 500,
  retryMaxMs: 30_000,
} as const;

// USD per one million tokens, in and out.
export const LlmPrices = z.object({ inPerMTok: z.number().min(0), outPerMTok: z.number().min(0) });
export type LlmPrices = z.infer<typeof LlmPrices>;

// The client's options, with the defaults applied in one place.
export const LlmOptions = z.object({
  baseUrl: z.url().default(LLM_DEFAULTS.baseUrl),
  apiKey: z.string().min(1).default(LLM_DEFAULTS.apiKey),
  model: z.string().min(1).default(LLM_DEFAULTS.model),
  temperature: z.number().min(0).max(2).default(LLM_DEFAULTS.temperature),
  concurrency: z.number().int().min(1).max(256).default(LLM_DEFAULTS.concurrency),
  /** Disk cache directory; false turns the cache off; absent: $VOUCH_CACHE_DIR/llm or ~/.cache/vouch/llm. */
  cacheDir: z.union([z.string().min(1), z.literal(false)]).optional(),
  maxRetries: z.number().int().min(0).max(20).default(LLM_DEFAULTS.maxRetries),
  timeoutMs: z.number().int().min(1).default(LLM_DEFAULTS.timeoutMs),
  /** First backoff delay; doubles per retry, with jitter (tests make it small). */
  retryBaseMs: z.number().min(0).default(LLM_DEFAULTS.retryBaseMs),
  retryMaxMs: z.number().min(0).default(LLM_DEFAULTS.retryMaxMs),
  prices: LlmPrices.optional(),
});
export type LlmOptionsInput = z.input<typeof LlmOptions>;
export type LlmOptions = z.output<typeof LlmOptions>;

// The default cache directory: $VOUCH_CACHE_DIR/llm, else ~/.cache/vouch/llm (src/core/cache-dir.ts).
export function defaultLlmCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return cacheDir("llm", env);
}
