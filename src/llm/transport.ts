import OpenAI from "openai";
import { VouchError } from "../core/errors.js";
import type { LlmOptions } from "./options.js";
import type { TokenUsage } from "./types.js";
import type { UsageMeter } from "./usage.js";

// The chat-completions body Vouch sends (non-streaming).
export type ChatBody = OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming;

// One served reply: the assistant's text and the tokens the endpoint reported.
export interface Reply {
  text: string;
  usage: TokenUsage;
}

// The endpoint refused the response_format parameter (an endpoint without JSON-schema support).
export class ResponseFormatRejected extends Error {}

type Attempt = { ok: true; reply: Reply } | { ok: false; retry: boolean; status: string; retryAfterMs?: number; error: unknown };

const RETRY_STATUS = new Set([408, 409, 429]);

// The Retry-After of a response in ms (seconds or an HTTP date; retry-after-ms first), if any.
function retryAfterMs(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get("retry-after-ms"));
  if (headers?.get("retry-after-ms") && Number.isFinite(ms)) return ms;
  const v = headers?.get("retry-after");
  if (!v) return undefined;
  const s = Number(v);
  if (Number.isFinite(s)) return s * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

// Classifies one request's outcome: a reply, a retryable failure, or a final one.
async function attempt(openai: OpenAI, body: ChatBody, timeoutMs: number): Promise<Attempt> {
  try {
    const c = await openai.chat.completions.create(body, { timeout: timeoutMs, maxRetries: 0 });
    if (!c || typeof c !== "object" || !Array.isArray(c.choices)) {
      return { ok: false, retry: true, status: "malformed reply (no choices)", error: new Error("no choices") };
    }
    const text = c.choices[0]?.message?.content ?? "";
    const usage = { promptTokens: c.usage?.prompt_tokens ?? 0, completionTokens: c.usage?.completion_tokens ?? 0 };
    return { ok: true, reply: { text, usage } };
  } catch (e) {
    if (e instanceof OpenAI.APIConnectionTimeoutError) return { ok: false, retry: true, status: `timed out after ${timeoutMs} ms`, error: e };
    if (e instanceof OpenAI.APIConnectionError) return { ok: false, retry: true, status: `connection error (${e.message})`, error: e };
    if (e instanceof OpenAI.APIError && typeof e.status === "number") {
      const status = `HTTP ${e.status}: ${e.message}`;
      if (e.status === 400 && /response_format|json_schema/i.test(e.message)) throw new ResponseFormatRejected(e.message);
      const retry = RETRY_STATUS.has(e.status) || e.status >= 500;
      return { ok: false, retry, status, retryAfterMs: retryAfterMs(e.headers), error: e };
    }
    if (e instanceof SyntaxError) return { ok: false, retry: true, status: `malformed body (${e.message})`, error: e };
    throw e;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Exponential backoff with jitter: base * 2^n, scaled by a random factor in [0.5, 1), capped; Retry-After wins when longer.
export function backoffMs(n: number, opts: Pick<LlmOptions, "retryBaseMs" | "retryMaxMs">, retryAfter?: number): number {
  const exp = Math.min(opts.retryMaxMs, opts.retryBaseMs * 2 ** n) * (0.5 + Math.random() / 2);
  return retryAfter !== undefined ? Math.min(Math.max(exp, retryAfter), Math.max(opts.retryMaxMs, 60_000)) : exp;
}

// Sends one chat request, retrying 429, 5xx, time-outs, connection errors and malformed bodies with backoff.
// Throws LLM_UNREACHABLE naming the base URL and last status after maxRetries (or at once on a final 4xx).
export async function send(
  openai: OpenAI,
  body: ChatBody,
  opts: LlmOptions,
  meter: UsageMeter,
  purpose: string,
  limit: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<Reply> {
  for (let n = 0; ; n++) {
    meter.request(purpose);
    const a = await limit(() => attempt(openai, body, opts.timeoutMs));
    if (a.ok) {
      meter.tokens(purpose, a.reply.usage);
      return a.reply;
    }
    if (!a.retry || n >= opts.maxRetries) {
      const tries = n + 1;
      throw new VouchError(
        "LLM_UNREACHABLE",
        `LLM endpoint ${opts.baseUrl} failed for ${purpose} after ${tries} request${tries === 1 ? "" : "s"}: ${a.status}`,
        { baseUrl: opts.baseUrl, purpose, status: a.status, requests: tries },
        { cause: a.error },
      );
    }
    meter.retry();
    await sleep(backoffMs(n, opts, a.retryAfterMs));
  }
}
