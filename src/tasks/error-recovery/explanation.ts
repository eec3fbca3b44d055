import { parseDiff } from "../../analysis/index.js";

const TOKEN = /[A-Za-z_]\w*|\d+(?:\.\d+)?|==|!=|<=|>=|\/\/|\*\*|->|\+=|-=|[-+*/%<>=]|'[^']*'|"[^"]*"/g;
// words too common in prose to count as naming code outside backticks
const PROSE = new Set(["a", "i", "in", "is", "not", "and", "or", "if", "else", "for", "to", "return", "the", "of", "as", "with", "at", "by", "on", "be", "it", "no", "none", "true", "false", "while", "from"]);

const squash = (s: string) => s.replace(/\s+/g, "").replace(/"/g, "'");

// The lines a patch removes and adds (solution code only, without their +/- prefixes).
export function changedLines(patch: string): { removed: string[]; added: string[] } {
  const removed: string[] = [];
  const added: string[] = [];
  for (const fp of parseDiff(patch)) {
    for (const h of fp.hunks) {
      for (const l of h.lines) {
        if (l.startsWith("-")) removed.push(l.slice(1));
        else if (l.startsWith("+")) added.push(l.slice(1));
      }
    }
  }
  return { removed, added };
}

// Tokens whose count differs between the removed and the added lines: what the patch really changes.
export function deltaTokens(patch: string): string[] {
  const { removed, added } = changedLines(patch);
  const count = (lines: string[]) => {
    const m = new Map<string, number>();
    for (const l of lines) for (const t of l.replace(/#.*$/, "").match(TOKEN) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
    return m;
  };
  const r = count(removed);
  const a = count(added);
  const out: string[] = [];
  for (const t of new Set([...r.keys(), ...a.keys()])) if ((r.get(t) ?? 0) !== (a.get(t) ?? 0)) out.push(t);
  if (out.length) return out;
  // the same tokens in another order (arguments swapped): the tokens whose position changed
  const rs = removed.join("\n").match(TOKEN) ?? [];
  const as = added.join("\n").match(TOKEN) ?? [];
  for (let i = 0; i < Math.max(rs.length, as.length); i++) {
    if (rs[i] !== as[i]) for (const t of [rs[i], as[i]]) if (t !== undefined && !out.includes(t)) out.push(t);
  }
  return out;
}

// The backticked code spans of a text.
export function codeSpans(text: string): string[] {
  return [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim()).filter(Boolean);
}

// Whether the explanation names a token: inside a code span, or as a word in the prose (operators of two
// characters anywhere; one-character operators and very common words only in code spans).
function names(explanation: string, spans: string[], token: string): boolean {
  const inSpan = spans.some((s) => (/^\w+$/.test(token) ? new RegExp(`(^|\\W)${token}(\\W|$)`).test(s) : squash(s).includes(squash(token))));
  if (inSpan) return true;
  if (/^[A-Za-z_]\w*$/.test(token)) return !PROSE.has(token.toLowerCase()) && new RegExp(`(^|[^\\w])${token}([^\\w]|$)`).test(explanation);
  if (/^\d/.test(token)) return new RegExp(`(^|[^\\w.])${token.replace(".", "\\.")}([^\\w]|$)`).test(explanation);
  if (/^['"]/.test(token)) return token.length > 2 && explanation.includes(token.slice(1, -1));
  return token.length >= 2 && explanation.includes(token);
}

/** old → new pairs the explanation states ("change `a` to `b`", "replace `a` with `b`", "`a` → `b`", "use `b` instead of `a`"). */
export function statedChanges(explanation: string): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = [];
  const verb = /(?:chang|replac|swap|turn|switch|convert|renam|correct|fix|updat|rewrit|mov)\w*\s+(?:[\w\s-]{0,40}?\s)?`([^`]+)`\s*(?:to|with|into|for)\s+(?:[\w\s-]{0,20}?\s)?`([^`]+)`/gi;
  for (const m of explanation.matchAll(verb)) out.push({ from: m[1]!, to: m[2]! });
  for (const m of explanation.matchAll(/`([^`]+)`\s*(?:→|->|=>)\s*`([^`]+)`/g)) out.push({ from: m[1]!, to: m[2]! });
  for (const m of explanation.matchAll(/`([^`]+)`\s+instead of\s+`([^`]+)`/gi)) out.push({ from: m[2]!, to: m[1]! });
  return out;
}

export type ExplanationCheck =
  | { verdict: "ok"; evidence: string }
  | { verdict: "inconsistent"; evidence: string }
  | { verdict: "pseudo"; evidence: string };

// Checks an explanation against its patch: every stated change is one the patch makes (old text on a removed
// line, new text on an added line), every code span exists in the code it talks about (`context`: buggy and
// patched code, tests, error text, or a line the patch adds), and it names at least one token the patch really changes.
export function checkExplanation(explanation: string, patch: string, context: readonly string[]): ExplanationCheck {
  const { removed, added } = changedLines(patch);
  const rem = squash(removed.join("\n"));
  const add = squash(added.join("\n"));
  for (const { from, to } of statedChanges(explanation)) {
    if (!add.includes(squash(to))) return { verdict: "inconsistent", evidence: `the explanation says \`${from}\` becomes \`${to}\`, but no line the patch adds contains \`${to}\` (added: ${JSON.stringify(added.map((l) => l.trim()))})` };
    if (!rem.includes(squash(from)) && !squash(context[0] ?? "").includes(squash(from))) {
      return { verdict: "inconsistent", evidence: `the explanation says \`${from}\` is replaced, but the buggy code has no \`${from}\`` };
    }
  }
  const spans = codeSpans(explanation);
  const hay = squash([...context, ...added].join("\n"));
  for (const s of spans) {
    if (/^[\w.]+$/.test(s) && s.length < 3) continue; // a bare short name or number is not a claim about the code
    if (!hay.includes(squash(s))) return { verdict: "inconsistent", evidence: `the explanation quotes \`${s}\`, which is in neither the buggy code, the patched code nor the tests` };
  }
  const delta = deltaTokens(patch);
  const named = delta.filter((t) => names(explanation, spans, t));
  // a code span that is new code (on an added line, not on a removed one) names the change as a whole
  named.push(...spans.filter((sp) => sp.length >= 3 && add.includes(squash(sp)) && !rem.includes(squash(sp))));
  if (named.length === 0) return { verdict: "pseudo", evidence: `the explanation names nothing the patch changes (changed tokens: ${delta.map((t) => `\`${t}\``).join(", ") || "none"})` };
  return { verdict: "ok", evidence: `names what the patch changes: ${named.map((t) => `\`${t}\``).join(", ")}` };
}
