// A local HTTP server speaking the OpenAI chat-completions protocol, replaying recorded replies (fixtures/llm/*.jsonl).
// Tests point the Llm client at it: no real model is involved; the replies are authored recordings.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { z } from "zod";

// One scripted failure, served to one matching request before the recording's reply.
export const FakeFailure = z.union([
  z.object({ status: z.number().int(), retryAfterS: z.number().optional() }),
  z.object({ delayMs: z.number().int().min(0) }),
  z.object({ body: z.string() }),
]);
export type FakeFailure = z.infer<typeof FakeFailure>;

// One recorded reply: served when every `match` string occurs in the request's user messages.
export const Recording = z.object({
  match: z.array(z.string()).min(1),
  reply: z.string(),
  failures: z.array(FakeFailure).optional(),
  usage: z.object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() }).optional(),
});
export type Recording = z.infer<typeof Recording>;

export interface FakeOpenAIOptions {
  /** JSONL files of recordings. */
  recordings: string[];
  /** Extra recordings given inline (after the files' ones in tie order). */
  inline?: Recording[];
  /** Answer any request that carries `response_format` with a 400 naming it (an endpoint without JSON-schema support). */
  rejectResponseFormat?: boolean;
  /** Delay before every reply (to hold requests in flight, e.g. to observe a client's concurrency limit). */
  latencyMs?: number;
}

export interface FakeOpenAI {
  /** Base URL ending in /v1. */
  url: string;
  /** Requests received on /v1/chat/completions, failures included. */
  requests(): number;
  log(): Array<{ body: unknown; status: number }>;
  /** Most requests in flight at once (to check a client's concurrency limit). */
  maxInFlight(): number;
  close(): Promise<void>;
}

interface Entry {
  rec: Recording;
  served: number;
}

// Reads recordings from JSONL files; a malformed line is an error naming file:line.
export function loadRecordings(files: string[]): Recording[] {
  const out: Recording[] = [];
  for (const file of files) {
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => {
        if (!line.trim()) return;
        const r = Recording.safeParse(JSON.parse(line));
        if (!r.success) throw new Error(`${file}:${i + 1}: not a recording: ${r.error.message}`);
        out.push(r.data);
      });
  }
  return out;
}

// The recording with the most match strings all found in `text` (ties: first in order).
function pick(entries: Entry[], text: string): Entry | undefined {
  let best: Entry | undefined;
  for (const e of entries) {
    if (!e.rec.match.every((m) => text.includes(m))) continue;
    if (!best || e.rec.match.length > best.rec.match.length) best = e;
  }
  return best;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
}

// The chat-completions reply object for one recorded message.
function completion(rec: Recording, model: string, promptChars: number): unknown {
  const usage = rec.usage ?? {
    prompt_tokens: Math.ceil(promptChars / 4),
    completion_tokens: Math.ceil(rec.reply.length / 4),
  };
  return {
    id: `chatcmpl-fake-${Math.random().toString(36).slice(2, 10)}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", content: rec.reply }, finish_reason: "stop", logprobs: null }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

// Starts the server on a free local port.
export async function startFakeOpenAI(opts: FakeOpenAIOptions): Promise<FakeOpenAI> {
  const entries: Entry[] = [...loadRecordings(opts.recordings), ...(opts.inline ?? [])].map((rec) => ({ rec, served: 0 }));
  const log: Array<{ body: unknown; status: number }> = [];
  let count = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readBody(req);
    if (req.method !== "POST" || !req.url?.endsWith("/v1/chat/completions")) {
      return sendJson(res, 404, { error: { message: `no route ${req.method} ${req.url}`, type: "not_found" } });
    }
    count++;
    let body: { model?: string; messages?: Array<{ role: string; content: unknown }>; response_format?: unknown };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      log.push({ body: text, status: 400 });
      return sendJson(res, 400, { error: { message: "request body is not JSON", type: "invalid_request_error" } });
    }
    const entry = { body: body as unknown, status: 200 };
    log.push(entry);
    const reply = (status: number, value: unknown, headers?: Record<string, string>) => {
      entry.status = status;
      sendJson(res, status, value, headers);
    };
    if (opts.rejectResponseFormat && body.response_format !== undefined) {
      return reply(400, { error: { message: "response_format is not supported by this server", type: "invalid_request_error", param: "response_format" } });
    }
    const user = (body.messages ?? []).filter((m) => m.role === "user").map((m) => String(m.content)).join("\n");
    const found = pick(entries, user);
    if (!found) {
      return reply(404, { error: { message: `no recording matches the request: ${user.slice(0, 200)}`, type: "not_found" } });
    }
    const failure = found.rec.failures?.[found.served];
    found.served++;
    if (failure && "status" in failure) {
      const headers: Record<string, string> = failure.retryAfterS !== undefined ? { "retry-after": String(failure.retryAfterS) } : {};
      return reply(failure.status, { error: { message: `scripted failure ${failure.status}`, type: "server_error" } }, headers);
    }
    if (failure && "body" in failure) {
      entry.status = 200;
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(failure.body);
    }
    if (failure && "delayMs" in failure) {
      await new Promise((r) => setTimeout(r, failure.delayMs));
      if (res.destroyed) return;
    }
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    if (res.destroyed) return;
    const promptChars = (body.messages ?? []).reduce((n, m) => n + String(m.content).length, 0);
    reply(200, completion(found.rec, body.model ?? "fake-model", promptChars));
  };

  const server = createServer((req, res) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let done = false;
    const finish = () => {
      if (!done) inFlight--;
      done = true;
    };
    res.on("close", finish);
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { message: String(e), type: "fake_server_bug" } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests: () => count,
    log: () => log,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
