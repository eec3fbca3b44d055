import { z } from "zod";
import { VouchError } from "../core/errors.js";
import type { ReplyCache } from "./cache.js";
import { cacheKey } from "./cache.js";
import { parseReply } from "./extract.js";
import type { LlmOptions } from "./options.js";
import { ResponseFormatRejected, send, type ChatBody, type Reply } from "./transport.js";
import type OpenAI from "openai";
import type { ChatMessage, CompleteRequest, CompleteResult } from "./types.js";
import type { UsageMeter } from "./usage.js";

// What one client shares across its calls; `responseFormat` turns false once the endpoint refuses it.
export interface StructuredContext {
  openai: OpenAI;
  opts: LlmOptions;
  meter: UsageMeter;
  cache?: ReplyCache;
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  responseFormat: boolean;
}

// The JSON schema of a reply schema as the model should write it (input side: defaults may be left out).
export function replyJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
}

// The re-ask turn after a reply that did not fit: the validation error, and what to send back.
export function reaskMessage(issues: string): ChatMessage {
  return {
    role: "user",
    content: `Re-ask: your reply did not match the required JSON schema: ${issues}. Reply with the corrected JSON object only.`,
  };
}

// One request, with the JSON-schema response format while the endpoint accepts it; without it after a refusal.
async function ask(ctx: StructuredContext, purpose: string, messages: ChatMessage[], temperature: number, name: string, schema: unknown): Promise<Reply> {
  const body: ChatBody = { model: ctx.opts.model, messages, temperature };
  if (ctx.responseFormat) {
    const withFormat: ChatBody = { ...body, response_format: { type: "json_schema", json_schema: { name, schema: schema as Record<string, unknown>, strict: false } } };
    try {
      return await send(ctx.openai, withFormat, ctx.opts, ctx.meter, purpose, ctx.limit);
    } catch (e) {
      if (!(e instanceof ResponseFormatRejected)) throw e;
      ctx.responseFormat = false; // remembered for this client: JSON is extracted from the text from now on
    }
  }
  return send(ctx.openai, body, ctx.opts, ctx.meter, purpose, ctx.limit);
}

// A structured completion: cache, request, parse into the schema, one re-ask with the issues, else LLM_REPLY_INVALID.
export async function completeStructured<T>(ctx: StructuredContext, req: CompleteRequest<T>): Promise<CompleteResult<T>> {
  const temperature = req.temperature ?? ctx.opts.temperature;
  const jsonSchema = replyJsonSchema(req.schema);
  const key = cacheKey({ model: ctx.opts.model, messages: req.messages, temperature, schemaName: req.schemaName, jsonSchema });
  const hit = await ctx.cache?.get(key);
  if (hit) {
    const parsed = parseReply(hit.raw, req.schema);
    if (parsed.ok) {
      ctx.meter.cached(req.purpose);
      return { value: parsed.value, raw: hit.raw, cached: true, usage: hit.usage };
    }
  }
  const first = await ask(ctx, req.purpose, req.messages, temperature, req.schemaName, jsonSchema);
  let final = first;
  let parsed = parseReply(first.text, req.schema);
  const usage = { ...first.usage };
  if (!parsed.ok) {
    ctx.meter.reask();
    const again: ChatMessage[] = [...req.messages, { role: "assistant", content: first.text }, reaskMessage(parsed.error)];
    final = await ask(ctx, req.purpose, again, temperature, req.schemaName, jsonSchema);
    usage.promptTokens += final.usage.promptTokens;
    usage.completionTokens += final.usage.completionTokens;
    const second = parseReply(final.text, req.schema);
    if (!second.ok) {
      throw new VouchError(
        "LLM_REPLY_INVALID",
        `${req.purpose}: the model's reply did not match ${req.schemaName} after a re-ask: ${second.error}`,
        { purpose: req.purpose, schemaName: req.schemaName, issues: second.error, first: parsed.error, reply: final.text.slice(0, 2000) },
      );
    }
    parsed = second;
  }
  await ctx.cache?.put(key, { raw: final.text, usage });
  return { value: parsed.value, raw: final.text, cached: false, usage };
}
