import type { TestResult } from "../../core/result.js";
import { BUILTINS } from "../../analysis/index.js";
import type { AssertSite } from "../shared/assert-site.js";
import { messageValues, normalizeTestName, parseErrorText, VOUCH_ASSERT } from "../shared/feedback.js";

const squash = (s: string) => s.replace(/\s+/g, "").replace(/"/g, "'").toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// The argument text of the first call in an assert statement ("assertf([1,2])==3" -> "[1,2]").
function callArgs(stmt: string): string | undefined {
  const call = /^assert(?:not)?\(?([A-Za-z_][\w.]*)\((.*)\)(?:==|!=|is|<|>|in|,|$)/.exec(stmt);
  return call && call[2]!.length >= 2 ? call[2] : undefined;
}

// What a reflection on these failures could point at: the exception types (other than a bare assert), the
// messages (an assert's own message too, "Test 1 failed"), the values in them (got/expected, quoted names),
// the failing test's statement and call arguments, and, where a failing assert inside a test function was
// located (`sites`), that assert, its call's arguments and the value the entry point returned there.
export function failureEvidence(failing: readonly TestResult[], sites?: ReadonlyMap<string, AssertSite>): string[] {
  const out = new Set<string>();
  const addStatement = (stmt: string) => {
    if (!stmt.startsWith("assert")) return;
    out.add(stmt.slice("assert".length));
    const args = callArgs(stmt);
    if (args) out.add(args);
  };
  for (const t of failing) {
    const err = parseErrorText(t.message ?? "");
    if (err.type && err.type !== "AssertionError") out.add(err.type);
    if (err.message && (err.type !== "AssertionError" || !VOUCH_ASSERT.test(err.message))) out.add(err.message);
    for (const v of messageValues(err.message)) out.add(v);
    addStatement(normalizeTestName(t.name));
    const site = sites?.get(t.name);
    if (site) {
      addStatement(normalizeTestName(site.text).replace(/,'[^']*'$|,"[^"]*"$/, ""));
      if (site.got !== undefined) out.add(site.got);
    }
  }
  return [...out].filter((e) => e.trim().length > 0);
}

// What is observable of any assertion failure, however bare: that an assert failed, and which test ran it.
export function genericEvidence(failing: readonly TestResult[]): string[] {
  const out = new Set<string>();
  for (const t of failing) {
    const err = parseErrorText(t.message ?? "");
    if (err.type === "AssertionError" || t.status === "fail") out.add("AssertionError").add("assert");
    const stmt = normalizeTestName(t.name);
    if (!stmt.startsWith("assert") && stmt.length >= 4) out.add(stmt); // check(f), test_x.py::T::test_a
    const last = t.name.split("::").pop()!;
    if (last !== t.name && /^test\w+/.test(last)) out.add(last);
  }
  return [...out];
}

// Whether a reflection mentions one of the pieces of evidence: a short word or number as a whole word,
// anything longer ignoring spacing and case. Returns the piece it mentions.
export function mentionedEvidence(reflection: string, evidence: readonly string[]): string | undefined {
  const flat = squash(reflection);
  for (const e of evidence) {
    if (/^[\w.-]+$/.test(e) && e.length <= 6) {
      if (new RegExp(`(^|[^\\w.])${escape(e)}([^\\w]|$)`, "i").test(reflection)) return e;
    } else if (flat.includes(squash(e))) return e;
  }
  return undefined;
}

// Exception types a reflection names as what happened that no failing test raised.
export function inventedExceptions(reflection: string, failing: readonly TestResult[]): string[] {
  const real = new Set(failing.map((t) => parseErrorText(t.message ?? "").type || (t.status === "fail" ? "AssertionError" : "")));
  // a type named as what did not happen or could happen ("no IndexError", "rather than a crash such as KeyError") is not a claim
  const denied = (i: number) => /\b(?:no|not|never|without|rather than|instead of|such as|like|or|avoid\w*|prevent\w*|could|would|might)\b[^.]{0,20}$/i.test(reflection.slice(Math.max(0, i - 30), i));
  const named = new Set([...reflection.matchAll(/\b([A-Z][A-Za-z]*(?:Error|Exception))\b/g)].filter((m) => !denied(m.index!)).map((m) => m[1]!).filter((n) => BUILTINS.has(n)));
  return [...named].filter((n) => !real.has(n) && n !== "Exception");
}

// A literal as a reflection writes a value: a number, a quoted string, a list/tuple/dict/set, True/False/None.
const LIT = String.raw`(-?\d+(?:\.\d+)?|'[^']*'|"[^"]*"|\[[^\]]*\]|\([^)]*\)|\{[^}]*\}|True|False|None)`;

// The got/expected values a reflection says the failure showed ("got 7", "returned 7", "7 where 9 was
// expected", "expected 9").
export function claimedValues(reflection: string): { got: string[]; expected: string[] } {
  const got: string[] = [];
  const expected: string[] = [];
  const text = reflection.replace(/`/g, "");
  // "got 7"; "returned 7 instead of / but ..." (a bare "returns 0" may be reasoning about another input)
  for (const m of text.matchAll(new RegExp(String.raw`\bgot\s+${LIT}`, "gi"))) got.push(m[1]!);
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:returned|returns|gave|gives|produced|yielded)\s+${LIT},?\s+(?:instead of|rather than|but|where|while|when|not)\b`, "gi"))) got.push(m[1]!);
  // "7 where 9 was expected", "2 windows where 3 were expected" (a value may carry its unit word)
  for (const m of text.matchAll(new RegExp(String.raw`${LIT}(?:\s+[A-Za-z]+)?\s+(?:where|when|but|while|instead of|rather than)\s+(?:the\s+)?${LIT}(?:\s+[A-Za-z]+)?\s+(?:was|is|were)\s+expected`, "gi"))) {
    got.push(m[1]!);
    expected.push(m[2]!);
  }
  for (const m of text.matchAll(new RegExp(String.raw`\bexpected\s+(?:value\s+)?(?:is\s+|was\s+|of\s+)?${LIT}`, "gi"))) expected.push(m[1]!);
  return { got, expected };
}

// The real got/expected values of the failures, where known: Vouch's `got X, expected Y` for a plain assert, the
// values an assert's own message states in its own words ("expected 3 windows, got 2"), or the located failing
// assert's returned value and the literal it compares with.
function realValues(failing: readonly TestResult[], sites?: ReadonlyMap<string, AssertSite>): { got: string[]; expected: string[] } {
  const got: string[] = [];
  const expected: string[] = [];
  for (const t of failing) {
    const message = parseErrorText(t.message ?? "").message;
    const m = /got (.+?), expected (.+)$/.exec(message);
    if (m && VOUCH_ASSERT.test(message)) {
      got.push(m[1]!.trim());
      expected.push(m[2]!.trim());
    } else if (message) {
      const own = claimedValues(message);
      got.push(...own.got);
      expected.push(...own.expected);
    }
    const site = sites?.get(t.name);
    if (site?.got !== undefined) got.push(site.got);
    const cmp = site && /==\s*(.+?)\s*(?:,\s*(?:'[^']*'|"[^"]*")\s*)?$/.exec(site.text);
    if (cmp) expected.push(cmp[1]!);
  }
  return { got, expected };
}

const sameValue = (a: string, b: string) => squash(a) === squash(b) || (Number.isFinite(Number(a)) && Number(a) === Number(b));

// The got/expected values a reflection states that the failures really showed ("got 2" when a message says
// "expected 3 windows, got 2"), as "got X" / "expected Y".
export function citedValues(reflection: string, failing: readonly TestResult[], sites?: ReadonlyMap<string, AssertSite>): string[] {
  const claimed = claimedValues(reflection);
  const real = realValues(failing, sites);
  return [
    ...claimed.got.filter((g) => real.got.some((r) => sameValue(g, r))).map((g) => `got ${g}`),
    ...claimed.expected.filter((e) => real.expected.some((r) => sameValue(e, r))).map((e) => `expected ${e}`),
  ];
}

// Values a reflection says the failure showed that it did not show (only where the real ones are known).
export function inventedValues(reflection: string, failing: readonly TestResult[], sites?: ReadonlyMap<string, AssertSite>): string[] {
  const claimed = claimedValues(reflection);
  const real = realValues(failing, sites);
  const same = sameValue;
  const out: string[] = [];
  if (real.got.length) for (const g of claimed.got) if (!real.got.some((r) => same(g, r)) && !real.expected.some((r) => same(g, r))) out.push(`got ${g}`);
  if (real.expected.length) for (const e of claimed.expected) if (!real.expected.some((r) => same(e, r)) && !real.got.some((r) => same(e, r))) out.push(`expected ${e}`);
  return out;
}

export type ReflectionVerdict = { label: "correct" | "unverifiable"; evidence: string } | { label: "wrong"; evidence: string };

// A reflection against its turn's real failures: it must cite something observable of them. Citing a specific
// fact (a value, a message, the failing statement) or the bare facts of an assertion failure (that an assert
// failed, the test that ran) counts; naming an exception that did not happen while citing nothing real is a
// pseudo-explanation, and so is citing nothing when specific facts were there to cite; when only the bare facts
// exist and the reflection cites none of them, nothing decides: unverifiable.
export function judgeReflection(reflection: string, failing: readonly TestResult[], sites?: ReadonlyMap<string, AssertSite>): ReflectionVerdict {
  const what = failing.map((t) => `${t.name}: ${t.status}${t.message ? ` (${t.message})` : ""}`).join("; ");
  const specific = failureEvidence(failing, sites);
  const hit = mentionedEvidence(reflection, specific);
  if (hit) return { label: "correct", evidence: `refers to the real failure: mentions ${JSON.stringify(hit)}` };
  const generic = genericEvidence(failing);
  const g = mentionedEvidence(reflection, generic) ?? (generic.includes("assert") && /\bassert(?:ion)?s?\b/i.test(reflection) ? "assert" : undefined);
  const values = inventedValues(reflection, failing, sites);
  const cited = citedValues(reflection, failing, sites);
  if (cited.length && !values.length) return { label: "correct", evidence: `refers to the real failure: states ${cited.join(", ")}, as it showed` };
  if (values.length) return { label: "wrong", evidence: `says the failure showed ${values.join(", ")}, which it did not, and cites nothing of the real failure (${what})` };
  const invented = inventedExceptions(reflection, failing);
  if (invented.length && !(g && g !== "assert")) return { label: "wrong", evidence: `names ${invented.join(", ")}, which no test raised, and nothing of the real failure (${what})` };
  if (g) return { label: "correct", evidence: `refers to what is observable of the failure: mentions ${JSON.stringify(g)}` };
  if (specific.length) return { label: "wrong", evidence: `mentions nothing of the real failure (${what})` };
  return { label: "unverifiable", evidence: `the failure shows nothing specific to cite (${what}) and the reflection cites none of it` };
}
