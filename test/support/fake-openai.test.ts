import { afterEach, describe, expect, it } from "vitest";
import { startFakeOpenAI, type FakeOpenAI } from "./fake-openai.js";

let server: FakeOpenAI | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

// Posts a chat request with these user messages straight over HTTP (no client in between).
async function post(url: string, users: string[], extra: Record<string, unknown> = {}) {
  const res = await fetch(`${url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: [{ role: "system", content: "Task: ignored in system" }, ...users.map((content) => ({ role: "user", content }))], ...extra }),
  });
  const text = await res.text();
  return { status: res.status, text, headers: res.headers };
}

const content = (text: string) => (JSON.parse(text) as { choices: Array<{ message: { content: string } }> }).choices[0]!.message.content;

describe("fake OpenAI server", () => {
  it("picks the recording with the most matching strings, ties to the first, over user messages only", async () => {
    server = await startFakeOpenAI({
      recordings: [],
      inline: [
        { match: ["Task: planning"], reply: "general" },
        { match: ["Task: planning"], reply: "general-second" },
        { match: ["Task: planning", "Problem id: Mbpp/61"], reply: "specific" },
        { match: ["Task: planning", "Problem id: Mbpp/61", "Re-ask:"], reply: "reask" },
      ],
    });
    expect(content((await post(server.url, ["Task: planning\nProblem id: Mbpp/2"])).text)).toBe("general");
    expect(content((await post(server.url, ["Task: planning\nProblem id: Mbpp/61"])).text)).toBe("specific");
    expect(content((await post(server.url, ["Task: planning\nProblem id: Mbpp/61", "Re-ask: bad"])).text)).toBe("reask");
    const none = await post(server.url, ["Task: annotate"]);
    expect(none.status).toBe(404);
    expect(none.text).toContain("Task: annotate");
    expect(server.requests()).toBe(4);
  });

  it("serves a recording's failures one per request, then its reply; counts and logs every request", async () => {
    server = await startFakeOpenAI({
      recordings: [],
      inline: [{ match: ["x"], reply: "{}", failures: [{ status: 429, retryAfterS: 2 }, { body: "<html>oops" }, { status: 500 }], usage: { prompt_tokens: 7, completion_tokens: 3 } }],
    });
    const a = await post(server.url, ["x"]);
    expect([a.status, a.headers.get("retry-after")]).toEqual([429, "2"]);
    expect(await post(server.url, ["x"])).toMatchObject({ status: 200, text: "<html>oops" });
    expect((await post(server.url, ["x"])).status).toBe(500);
    const ok = await post(server.url, ["x"], { response_format: { type: "json_object" } });
    expect(JSON.parse(ok.text)).toMatchObject({ object: "chat.completion", usage: { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 } });
    expect(server.log().map((l) => l.status)).toEqual([429, 200, 500, 200]);
    expect(server.requests()).toBe(4);
  });

  it("rejects response_format with a 400 naming it when asked to", async () => {
    server = await startFakeOpenAI({ recordings: [], inline: [{ match: ["x"], reply: "{}" }], rejectResponseFormat: true });
    const r = await post(server.url, ["x"], { response_format: { type: "json_object" } });
    expect(r.status).toBe(400);
    expect(r.text).toContain("response_format");
    expect((await post(server.url, ["x"])).status).toBe(200);
  });
});
