// Code out of an assistant message: fenced blocks, full code or a diff. Pure.

export interface Fence {
  lang: string;
  body: string;
}

/** What an assistant message carries: full code, a diff against the previous code, or nothing. */
export type ExtractedCode = { code: string } | { patch: string } | undefined;

const FENCE = /^[ \t]*(`{3,}|~{3,})[ \t]*([\w+-]*)[^\n]*\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;

// Every fenced block of a message, in order, with its language tag (lower case, "" when none).
export function fences(text: string): Fence[] {
  return [...text.matchAll(FENCE)].map((m) => ({ lang: m[2]!.toLowerCase(), body: m[3]! }));
}

// The message's prose: everything outside fenced blocks (a reflection, an explanation).
export function prose(text: string): string {
  return text.replace(FENCE, "").replace(/\n{3,}/g, "\n\n").trim();
}

// Whether a block is a unified diff (by its tag, or by its headers and hunks).
function isDiff(f: Fence): boolean {
  if (f.lang === "diff" || f.lang === "patch") return true;
  return /^@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@/m.test(f.body) && /^(?:--- |\+\+\+ |@@ )/.test(f.body.trimStart());
}

const PYTHON_TAGS = new Set(["python", "py", "python3", ""]);

// Whether a block looks like a test run or its output rather than a solution (a REPL session, test code only).
function isNotSolution(body: string): boolean {
  const lines = body.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));
  if (lines.length === 0) return true;
  if (lines.every((l) => /^(assert\s|print\(|>>>|\.\.\.|\s)/.test(l))) return true;
  return !/^(def |class |import |from |async def |[A-Za-z_][\w, ]*\s*=|if |for |while |@)/m.test(body);
}

// A diff as a one-file patch of solution.py: headers renamed, or added when the diff has only hunks.
function asSolutionPatch(diff: string): string {
  const body = diff.replace(/^(?:diff --git .*\n)?(?:index .*\n)?/, "");
  const hunksAt = body.search(/^@@ /m);
  if (hunksAt < 0) return body;
  const hunks = body.slice(hunksAt);
  return `--- a/solution.py\n+++ b/solution.py\n${hunks.endsWith("\n") ? hunks : `${hunks}\n`}`;
}

// The code an assistant message proposes. A diff block wins (the message patches the previous code); otherwise the
// python block that defines the entry point, else the last python block that looks like a solution.
export function extractCode(text: string, entryPoint?: string): ExtractedCode {
  const blocks = fences(text);
  const diff = blocks.find(isDiff);
  if (diff) return { patch: asSolutionPatch(diff.body) };
  const py = blocks.filter((b) => PYTHON_TAGS.has(b.lang) && !isNotSolution(b.body));
  if (py.length === 0) return undefined;
  const defining = entryPoint ? py.filter((b) => new RegExp(`^\\s*(?:async\\s+)?def\\s+${entryPoint}\\s*\\(`, "m").test(b.body)) : [];
  const pick = (defining.length ? defining : py).at(-1)!;
  return { code: pick.body };
}
