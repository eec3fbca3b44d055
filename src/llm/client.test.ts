import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { startFakeOpenAI, type FakeOpenAI, type FakeOpenAIOptions } from "../../test/support/fake-openai.js";
import { createLlm } from "./client.js";
import type { LlmOptionsInput } from "./options.js";

const FAILURES = join(import.meta.dirname, "../../fixtures/llm/failures.jsonl");
const Answer = z.object({ answer: z.number(), reason: z.string() });

let server: FakeOpenAI | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

// A fake server on the failure recordings and a client on it (no cache unless asked, fast backoff).
async function setup(o: Partial<LlmOptionsInput> = {}, s: Partial<FakeOpenAIOptions> = {}) {
  server = await startFakeOpenAI({ recordings: [FAILURES], ...s });
  const llm = createLlm({ baseUrl: server.url, model: "fake-model", cacheDir: false, retryBaseMs: 5, timeoutMs: 2000, ...o });
  return { llm, server };
}

function ask(scenario: string, extra = "") {
  return {
    purpose: "probe",
    schema: Answer,
    schemaName: "probe_reply",
    messages: [
      { role: "system" as const, content: "Reply with JSON." },
      { role: "user" as const, content: `Task: probe\nProblem id: probe/1\nScenario: ${scenario}\n${extra}` },
    ],
  };
}

async function tmp(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), "vouch-llm-"));
  dirs.push(d);
  return d;
}

describe("createLlm against the fake OpenAI server", () => {
  it("parses a reply into the schema, sends the JSON-schema response format, counts tokens", async () => {
    const { llm, server } = await setup();
    const r = await llm.complete(ask("ok"));
    expect(r.value).toEqual({ answer: 6, reason: expect.stringContaining("lcm") });
    expect(r.cached).toBe(false);
    const body = server.log()[0]!.body as { response_format: { type: string; json_schema: { name: string; schema: { properties: object } } }; model: string };
    expect(body.model).toBe("fake-model");
    expect(body.response_format.type).toBe("json_schema");
    expect(body.response_format.json_schema.name).toBe("probe_reply");
    expect(Object.keys(body.response_format.json_schema.schema.properties)).toEqual(["answer", "reason"]);
    const u = llm.usage();
    expect(u).toMatchObject({ requests: 1, promptTokens: 120, completionTokens: 30, retries: 0 });
    expect(u.byPurpose.probe).toMatchObject({ requests: 1, promptTokens: 120 });
  });

  it("retries a 429 and counts the retry", async () => {
    const { llm, server } = await setup();
    expect((await llm.complete(ask("rate-limited"))).value.answer).toBe(10);
    expect(server.log().map((l) => l.status)).toEqual([429, 200]);
    expect(llm.usage()).toMatchObject({ requests: 2, retries: 1 });
  });

  it("retries two 5xx replies, then succeeds", async () => {
    const { llm, server } = await setup();
    expect((await llm.complete(ask("server-errors"))).value.answer).toBe(3);
    expect(server.log().map((l) => l.status)).toEqual([500, 503, 200]);
    expect(llm.usage().retries).toBe(2);
  });

  it("retries a reply slower than timeoutMs", async () => {
    const { llm, server } = await setup({ timeoutMs: 300 });
    expect((await llm.complete(ask("slow"))).value.answer).toBe(120);
    expect(server.requests()).toBe(2);
    expect(llm.usage().retries).toBe(1);
  });

  it("retries a non-JSON HTTP body", async () => {
    const { llm, server } = await setup();
    expect((await llm.complete(ask("malformed-body"))).value.answer).toBe(8);
    expect(server.requests()).toBe(2);
  });

  it("gives up after maxRetries with LLM_UNREACHABLE naming the base URL and the last status", async () => {
    const { llm, server } = await setup({ maxRetries: 2 });
    const err = await llm.complete(ask("down")).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "LLM_UNREACHABLE" });
    expect((err as Error).message).toContain(server.url);
    expect((err as Error).message).toContain("HTTP 502");
    expect(server.requests()).toBe(3);
  });

  it("fails at once, with the server's message, when no recording matches (a 404 is not retried)", async () => {
    const { llm, server } = await setup();
    const err = await llm.complete(ask("nothing-recorded")).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "LLM_UNREACHABLE" });
    expect((err as Error).message).toContain("no recording matches");
    expect(server.requests()).toBe(1);
  });

  it("extracts the JSON object from fenced and bare prose", async () => {
    const { llm } = await setup();
    expect((await llm.complete(ask("prose"))).value).toEqual({ answer: 10, reason: "digits 1, 2, 3, 4 sum to 10 {not 9}" });
    expect((await llm.complete(ask("bare-prose"))).value.answer).toBe(4);
    expect(llm.usage().reasks).toBe(0);
  });

  it("re-asks once with the schema issues when a reply violates the schema", async () => {
    const { llm, server } = await setup();
    const r = await llm.complete(ask("reask-ok"));
    expect(r.value.answer).toBe(7);
    expect(llm.usage().reasks).toBe(1);
    const second = server.log()[1]!.body as { messages: Array<{ role: string; content: string }> };
    expect(second.messages.at(-2)).toEqual({ role: "assistant", content: '{"answer": "seven", "reason": "7 is prime"}' });
    expect(second.messages.at(-1)!.content).toMatch(/^Re-ask: your reply did not match the required JSON schema: answer: .*number/);
  });

  it("throws LLM_REPLY_INVALID naming the purpose and the issues when the re-ask fails too", async () => {
    const { llm, server } = await setup();
    const err = await llm.complete(ask("reask-fails")).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "LLM_REPLY_INVALID" });
    expect((err as Error).message).toContain("probe");
    expect((err as Error).message).toMatch(/answer: .*number/);
    expect((err as Error).message).toMatch(/reason/);
    expect(server.requests()).toBe(2);
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    const { llm, server } = await setup({ concurrency: 2 }, { latencyMs: 60 });
    const all = await Promise.all(Array.from({ length: 7 }, (_, i) => llm.complete(ask("concurrent", `call ${i}`))));
    expect(all.every((r) => r.value.answer === 1)).toBe(true);
    expect(server.requests()).toBe(7);
    expect(server.maxInFlight()).toBe(2);
  });

  it("serves an identical second call from the disk cache; another temperature or prompt misses", async () => {
    const cacheDir = await tmp();
    const { llm, server } = await setup({ cacheDir });
    await llm.complete(ask("ok"));
    const again = await llm.complete(ask("ok"));
    expect(again.cached).toBe(true);
    expect(server.requests()).toBe(1);
    // a fresh client on the same directory: still no request
    const other = createLlm({ baseUrl: server.url, model: "fake-model", cacheDir });
    expect((await other.complete(ask("ok"))).value.answer).toBe(6);
    expect(server.requests()).toBe(1);
    expect(other.usage()).toMatchObject({ requests: 0, cachedReplies: 1 });
    await llm.complete({ ...ask("ok"), temperature: 0.9 });
    expect(server.requests()).toBe(2);
    await llm.complete(ask("ok", "one more line"));
    expect(server.requests()).toBe(3);
  });

  it("misses the cache when the schema changes (the cached reply is re-validated)", async () => {
    const cacheDir = await tmp();
    const { llm, server } = await setup({ cacheDir });
    await llm.complete(ask("ok"));
    const Stricter = z.object({ answer: z.number().min(100), reason: z.string() });
    await expect(llm.complete({ ...ask("ok"), schema: Stricter })).rejects.toMatchObject({ code: "LLM_REPLY_INVALID" });
    expect(server.requests()).toBe(3); // a request and its re-ask, no cache hit
  });

  it("falls back to JSON extraction when the endpoint rejects response_format, and remembers it", async () => {
    const { llm, server } = await setup({}, { rejectResponseFormat: true });
    expect((await llm.complete(ask("ok"))).value.answer).toBe(6);
    expect((await llm.complete(ask("prose"))).value.answer).toBe(10);
    const statuses = server.log().map((l) => [l.status, (l.body as { response_format?: unknown }).response_format !== undefined]);
    expect(statuses).toEqual([[400, true], [200, false], [200, false]]);
  });
});
