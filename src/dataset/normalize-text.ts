import { BUILTINS, parsePython, walk, type SyntaxNode } from "../analysis/index.js";

// Normalisation before near-duplicate detection: what a rename, a reformat or a reworded comment changes is
// taken out, so that MinHash compares what the record says and does.

const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif",
  "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
  "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "self", "cls",
]);

// A docstring: a string that is the first statement of a module, class or function body.
function isDocstring(n: SyntaxNode): boolean {
  if (n.type !== "expression_statement" || n.namedChildCount !== 1 || n.namedChildren[0]!.type !== "string") return false;
  const parent = n.parent;
  if (!parent) return false;
  const first = parent.namedChildren.find((c) => c.type !== "comment");
  return first?.id === n.id && (parent.type === "module" || parent.type === "block");
}

// Python code as tokens: comments and docstrings dropped, local names canonicalised in order of first
// appearance (v0, v1, ...), builtins, keywords and attribute names kept; layout is gone with the tokens.
// Pass one `names` map to several calls (code versions, then prose) to canonicalise them alike.
export function normalizeCode(code: string, names = new Map<string, string>()): string[] {
  if (!code.trim()) return [];
  const root = parsePython(code).rootNode;
  const skip = new Set<number>();
  const out: string[] = [];
  for (const n of walk(root)) {
    if (n.type === "comment" || isDocstring(n)) {
      for (const d of walk(n)) skip.add(d.id);
      continue;
    }
    if (skip.has(n.id)) continue;
    if (n.type === "string") {
      out.push(n.text.replace(/\s+/g, " "));
      for (const d of walk(n)) skip.add(d.id);
      continue;
    }
    if (n.childCount > 0) continue; // leaves only
    const text = n.text;
    if (!text.trim()) continue;
    const isAttr = n.type === "identifier" && n.parent?.type === "attribute" && n.parent.childForFieldName("attribute")?.id === n.id;
    if (n.type === "identifier" && !isAttr && !BUILTINS.has(text) && !KEYWORDS.has(text)) {
      if (!names.has(text)) names.set(text, `v${names.size}`);
      out.push(names.get(text)!);
    } else out.push(text);
  }
  return out;
}

// Prose as lower-case words: punctuation, code quotes and spacing are gone; numbers kept; a word that is a
// code name canonicalised by normalizeCode (in `names`) becomes its canonical name, so renames cancel out.
export function normalizeProse(text: string, names: ReadonlyMap<string, string> = new Map()): string[] {
  return text
    .replace(/[`'"“”‘’]/g, "")
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0)
    .map((w) => names.get(w) ?? w.toLowerCase());
}

// The k-shingles (k consecutive tokens) of a sequence, tagged; a sequence shorter than k is one shingle.
export function shingles(tokens: readonly string[], k: number, tag = ""): string[] {
  if (tokens.length === 0) return [];
  if (tokens.length <= k) return [`${tag}${tokens.join(" ")}`];
  const out: string[] = [];
  for (let i = 0; i + k <= tokens.length; i++) out.push(`${tag}${tokens.slice(i, i + k).join(" ")}`);
  return out;
}
