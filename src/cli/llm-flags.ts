import type { Command } from "cac";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { LLM_DEFAULTS, LlmOptions, type LlmOptionsInput } from "../llm/options.js";
import { parseFlags } from "./flags.js";

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
