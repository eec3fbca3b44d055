import type { z } from "zod";
import { describeIssues } from "../core/issues.js";

// The first balanced {...} starting at `from`, strings and escapes respected; undefined when unbalanced.
function balancedObject(text: string, from: number): string | undefined {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return text.slice(from, i + 1);
  }
  return undefined;
}

// The first JSON object in a reply: inside ```json fences first, else anywhere in the prose.
export function extractJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  const fenced = [...text.matchAll(/```(?:json|JSON)?\s*\n([\s\S]*?)```/g)].map((m) => m[1]!);
  for (const source of [...fenced, text]) {
    for (let i = source.indexOf("{"); i >= 0; i = source.indexOf("{", i + 1)) {
      const candidate = balancedObject(source, i);
      if (candidate === undefined) break;
      try {
        return { ok: true, value: JSON.parse(candidate) };
      } catch {
        // not JSON from this brace: try the next one
      }
    }
  }
  return { ok: false, error: "the reply holds no JSON object" };
}


// Parses a reply text into the schema: the value, or the reason it does not fit.
export function parseReply<T>(text: string, schema: z.ZodType<T>): { ok: true; value: T } | { ok: false; error: string } {
  const json = extractJson(text);
  if (!json.ok) return json;
  const parsed = schema.safeParse(json.value);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: describeIssues(parsed.error) };
}
