import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { VouchError } from "../core/errors.js";
import type { ChatMessage } from "./types.js";

const PROMPTS_DIR = fileURLToPath(new URL("../../prompts/", import.meta.url));
const USER_MARK = /^=== user ===$/m;
const VARIABLE = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

// A prompt template (prompts/<name>.txt): a system part, a line "=== user ===", a user part; {{name}} variables.
export interface PromptTemplate {
  name: string;
  system: string;
  user: string;
  /** Content hash of the template: part of cache keys and provenance, so an edit re-asks. */
  version: string;
  variables: string[];
}

// Parses a template's text; a template without the user mark is all user message.
export function parsePrompt(name: string, text: string): PromptTemplate {
  const m = USER_MARK.exec(text);
  const system = m ? text.slice(0, m.index).trim() : "";
  const user = (m ? text.slice(m.index + m[0].length) : text).trim();
  const variables = [...new Set([...text.matchAll(VARIABLE)].map((v) => v[1]!))];
  return { name, system, user, version: createHash("sha256").update(text).digest("hex").slice(0, 12), variables };
}

const loaded = new Map<string, PromptTemplate>();

// Loads prompts/<name>.txt (from the package's own prompts folder unless `dir` is given).
export function loadPrompt(name: string, dir = PROMPTS_DIR): PromptTemplate {
  const key = `${dir}\0${name}`;
  let t = loaded.get(key);
  if (!t) {
    let text: string;
    try {
      text = readFileSync(`${dir}/${name}.txt`, "utf8");
    } catch (e) {
      throw new VouchError("INTERNAL", `prompt template ${name} not found in ${dir}`, { name }, { cause: e });
    }
    t = parsePrompt(name, text);
    loaded.set(key, t);
  }
  return t;
}

function fill(t: PromptTemplate, text: string, vars: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (_all, v: string) => {
    const value = vars[v];
    if (value === undefined) throw new VouchError("INTERNAL", `prompt ${t.name}: no value for {{${v}}}`, { name: t.name, variable: v });
    return value;
  });
}

// The chat messages of a template with its variables filled in; a variable without a value is Vouch's bug.
export function renderPrompt(t: PromptTemplate, vars: Readonly<Record<string, string>>): ChatMessage[] {
  const user: ChatMessage = { role: "user", content: fill(t, t.user, vars) };
  return t.system ? [{ role: "system", content: fill(t, t.system, vars) }, user] : [user];
}
