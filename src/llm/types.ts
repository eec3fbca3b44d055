import type { z } from "zod";

// One chat message as the OpenAI chat-completions protocol carries it.
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

// One structured request: the reply must parse as JSON into `schema`.
export interface CompleteRequest<T> {
  /** What the call is for ("annotate", "generate:planning", "repair:implementation"): logs, usage per purpose. */
  purpose: string;
  messages: ChatMessage[];
  /** The reply's shape; sent as a JSON-schema response format where the endpoint supports it. */
  schema: z.ZodType<T>;
  /** Name of the schema in the response format ("planning_reply"). */
  schemaName: string;
  /** Overrides the client's temperature for this call. */
  temperature?: number;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface CompleteResult<T> {
  value: T;
  /** The reply text the value was parsed from. */
  raw: string;
  /** Served from the disk cache: no request was sent. */
  cached: boolean;
  usage: TokenUsage;
}

// Totals of a run, for the summary.
export interface LlmUsage extends TokenUsage {
  requests: number;
  cachedReplies: number;
  retries: number;
  /** Re-asks after a reply that did not parse or did not fit the schema. */
  reasks: number;
  /** In US dollars, when prices are known (flags or environment); else undefined. */
  costUsd?: number;
  byPurpose: Record<string, TokenUsage & { requests: number; cachedReplies: number }>;
}

// An OpenAI-compatible endpoint behind retries, a concurrency limit and a disk cache (src/llm/client.ts).
// complete() throws VouchError LLM_UNREACHABLE after the retries, LLM_REPLY_INVALID when the re-ask fails too.
export interface Llm {
  readonly model: string;
  complete<T>(req: CompleteRequest<T>): Promise<CompleteResult<T>>;
  usage(): LlmUsage;
}
