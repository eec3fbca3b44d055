import type { Command } from "cac";
import { z } from "zod";
import { cacheDir } from "../core/cache-dir.js";
import { parseFlags } from "../cli/flags.js";
import { VouchError } from "../core/errors.js";

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

// The LLM flags shared by `vouch annotate` and `vouch generate`, as cac hands them over (camel-cased).
export const LlmFlags = z.object({
  baseUrl: z.string().optional(),
  model: z.string().optional(),
  apiKeyEnv: z.string().min(1).default(LLM_DEFAULTS.apiKeyEnv),
  temperature: z.coerce.number().min(0).max(2).optional(),
  llmConcurrency: z.coerce.number().int().min(1).max(256).optional(),
  llmTimeoutMs: z.coerce.number().int().min(1).optional(),
  llmMaxRetries: z.coerce.number().int().min(0).max(20).optional(),
  llmCacheDir: z.string().optional(),
  llmCache: z.boolean().default(true),
  priceIn: z.coerce.number().min(0).optional(),
  priceOut: z.coerce.number().min(0).optional(),
});
export type LlmFlags = z.output<typeof LlmFlags>;

// Adds the LLM flags to a cac command (annotate, generate).
export function addLlmOptions(cmd: Command): Command {
  return cmd
    .option("--base-url <url>", "OpenAI-compatible endpoint (env VOUCH_LLM_BASE_URL or OPENAI_BASE_URL; default OpenAI)")
    .option("--model <name>", `Model name (env VOUCH_MODEL or OPENAI_MODEL; default ${LLM_DEFAULTS.model})`)
    .option("--api-key-env <var>", "Environment variable holding the API key (a local server needs none)", { default: LLM_DEFAULTS.apiKeyEnv })
    .option("--temperature <t>", `Sampling temperature (default ${LLM_DEFAULTS.temperature})`)
    .option("--llm-concurrency <n>", `Requests in flight at once (default ${LLM_DEFAULTS.concurrency})`)
    .option("--llm-timeout-ms <ms>", `Time limit per request, retried when exceeded (default ${LLM_DEFAULTS.timeoutMs})`)
    .option("--llm-max-retries <n>", `Retries of a failed request (429, 5xx, time-out) before giving up (default ${LLM_DEFAULTS.maxRetries})`)
    .option("--llm-cache-dir <dir>", "Reply cache directory (default $VOUCH_CACHE_DIR/llm or ~/.cache/vouch/llm)")
    .option("--no-llm-cache", "Neither read nor write the reply cache")
    .option("--price-in <usd>", "USD per 1M prompt tokens, for the cost in the summary (env VOUCH_PRICE_IN)")
    .option("--price-out <usd>", "USD per 1M completion tokens (env VOUCH_PRICE_OUT)");
}

function num(text: string | undefined): number | undefined {
  return text === undefined || text === "" ? undefined : Number(text);
}

// The client options from the LLM flags and the usual environment variables (flags win).
export function llmOptionsFromFlags(raw: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): LlmOptions {
  const f = parseFlags(LlmFlags, raw);
  const priceIn = f.priceIn ?? num(env.VOUCH_PRICE_IN);
  const priceOut = f.priceOut ?? num(env.VOUCH_PRICE_OUT);
  const input: LlmOptionsInput = {
    baseUrl: f.baseUrl ?? env.VOUCH_LLM_BASE_URL ?? env.OPENAI_BASE_URL ?? undefined,
    apiKey: env[f.apiKeyEnv] || undefined,
    model: f.model ?? env.VOUCH_MODEL ?? env.OPENAI_MODEL ?? undefined,
    temperature: f.temperature,
    concurrency: f.llmConcurrency,
    timeoutMs: f.llmTimeoutMs,
    maxRetries: f.llmMaxRetries,
    cacheDir: f.llmCache ? (f.llmCacheDir ?? undefined) : false,
    prices: priceIn !== undefined || priceOut !== undefined ? { inPerMTok: priceIn ?? 0, outPerMTok: priceOut ?? 0 } : undefined,
  };
  const parsed = LlmOptions.safeParse(input);
  if (parsed.success) return parsed.data;
  // A bad value from the environment (e.g. OPENAI_BASE_URL not a URL) is a usage error naming the option.
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? "");
  const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new VouchError("USAGE", `--${flag} (or its environment variable): ${issue.message} (got ${JSON.stringify(input[key as keyof LlmOptionsInput])})`);
}
