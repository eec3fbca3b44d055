// JUnit XML: the report format every CI system reads. Generic (suites of cases); verify and replay map to it.

import { z } from "zod";
import type { VerifyResult } from "../core/result.js";
import { TaskKind, type TrajectoryResult } from "../core/trajectory-result.js";

// What went wrong in a case: a short type, a one-line message, and optional long text (evidence, output).
export const JunitOutcome = z.object({ type: z.string(), message: z.string(), text: z.string().optional() });
export type JunitOutcome = z.infer<typeof JunitOutcome>;

/** One test case: a failure (the thing checked was wrong), an error (it could not be checked) or skipped. */
export const JunitCase = z.object({
  name: z.string(),
  classname: z.string(),
  timeMs: z.number(),
  failure: JunitOutcome.optional(),
  error: JunitOutcome.optional(),
  skipped: z.string().optional(),
});
export type JunitCase = z.infer<typeof JunitCase>;

/** A named group of cases (one per task kind, or the code records). */
export const JunitSuite = z.object({ name: z.string(), cases: z.array(JunitCase) });
export type JunitSuite = z.infer<typeof JunitSuite>;

// Characters XML 1.0 cannot carry at all (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/U+FFFF).
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Escapes text for an attribute or element body; unrepresentable characters become a visible \uXXXX.
export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

// Attribute text: newlines are kept as character references so parsers do not normalise them to spaces.
const attr = (s: string) => xmlEscape(s).replace(/\n/g, "&#10;");
const seconds = (ms: number) => (Math.max(0, ms) / 1000).toFixed(3);

// The XML of one outcome element (failure or error), with its message and optional long text.
function outcome(tag: "failure" | "error", o: JunitOutcome): string {
  const open = `<${tag} type="${attr(o.type)}" message="${attr(o.message)}"`;
  return o.text === undefined ? `${open}/>` : `${open}>${xmlEscape(o.text)}</${tag}>`;
}

// One <testcase> element.
function testcase(c: JunitCase): string {
  const head = `    <testcase name="${attr(c.name)}" classname="${attr(c.classname)}" time="${seconds(c.timeMs)}"`;
  const body: string[] = [];
  if (c.failure) body.push(`      ${outcome("failure", c.failure)}`);
  if (c.error) body.push(`      ${outcome("error", c.error)}`);
  if (c.skipped !== undefined) body.push(`      <skipped message="${attr(c.skipped)}"/>`);
  return body.length ? `${head}>\n${body.join("\n")}\n    </testcase>` : `${head}/>`;
}

// Counts of a list of cases, as the JUnit attributes want them.
function counts(cases: JunitCase[]) {
  return {
    tests: cases.length,
    failures: cases.filter((c) => c.failure).length,
    errors: cases.filter((c) => c.error).length,
    skipped: cases.filter((c) => c.skipped !== undefined).length,
    timeMs: cases.reduce((a, c) => a + Math.max(0, c.timeMs), 0),
  };
}

// The whole JUnit XML document: <testsuites> with one <testsuite> per suite, counts in the attributes.
export function junitXml(suites: JunitSuite[]): string {
  const all = counts(suites.flatMap((s) => s.cases));
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="vouch" tests="${all.tests}" failures="${all.failures}" errors="${all.errors}" skipped="${all.skipped}" time="${seconds(all.timeMs)}">`,
  ];
  for (const s of suites) {
    const c = counts(s.cases);
    const head = `  <testsuite name="${attr(s.name)}" tests="${c.tests}" failures="${c.failures}" errors="${c.errors}" skipped="${c.skipped}" time="${seconds(c.timeMs)}"`;
    out.push(s.cases.length ? `${head}>\n${s.cases.map(testcase).join("\n")}\n  </testsuite>` : `${head}/>`);
  }
  out.push(`</testsuites>`);
  return out.join("\n") + "\n";
}

const TEXT_MAX = 4000;
const clip = (s: string, n = TEXT_MAX) => (s.length > n ? `${s.slice(0, n)}... (${s.length - n} more characters)` : s);
// A message on one line (JUnit viewers show the message attribute as a single line).
export const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ");

// A trajectory result as a case: a failure names the first wrong step's error type and evidence; infra-error is an error.
function trajectoryCase(r: TrajectoryResult): JunitCase {
  const base = { name: r.id, classname: `vouch.${r.task}`, timeMs: r.durationMs };
  if (r.verdict === "infra-error") return { ...base, error: { type: "infra-error", message: oneLine(r.message ?? "the sandbox failed; the record was not verified") } };
  if (r.verdict === "pass") return base;
  const first = r.steps.find((s) => s.index === r.firstWrongStep);
  const wrong = r.steps.filter((s) => s.label === "wrong").map((s) => `step ${s.index} (${s.name}): ${s.errorType ?? "wrong"}: ${s.evidence}`);
  const stages = r.stages.filter((s) => s.status === "fail" || s.status === "error").map((s) => `${s.stage} ${s.status}: ${s.findings.join("; ")}`);
  const text = clip([...wrong, ...stages].join("\n"));
  if (!first) return { ...base, failure: { type: r.errors[0] ?? "fail", message: oneLine(clip(r.message ?? stages[0] ?? "failed", 300)), text } };
  const message = `first wrong step ${first.index} (${oneLine(first.name)}): ${oneLine(clip(first.evidence, 300))}`;
  return { ...base, failure: { type: first.errorType ?? "wrong", message, text } };
}

// A code-record result as a case: a failing verdict is a failure listing the failing tests; infra-error is an error.
function codeCase(r: VerifyResult): JunitCase {
  const base = { name: r.id, classname: "vouch.code", timeMs: r.durationMs };
  if (r.verdict === "infra-error") return { ...base, error: { type: "infra-error", message: oneLine(r.message ?? "the sandbox failed; the record was not verified") } };
  const hiddenBad = r.hidden && r.hidden.verdict !== "pass" && r.hidden.verdict !== "infra-error";
  if (r.verdict === "pass" && !hiddenBad) return base;
  const failing = [...r.tests.map((t) => ({ ...t, where: "" })), ...(r.hidden?.tests ?? []).map((t) => ({ ...t, where: "hidden " }))]
    .filter((t) => t.status !== "pass" && t.status !== "skipped")
    .map((t) => `${t.where}${t.name}: ${t.status}${t.message ? ` (${t.message})` : ""}`);
  const text = clip([...failing, r.stderr ? `stderr:\n${r.stderr}` : ""].filter(Boolean).join("\n"));
  const type = r.verdict === "pass" ? `hidden-${r.hidden!.verdict}` : r.verdict;
  return { ...base, failure: { type, message: oneLine(clip(r.message ?? failing[0] ?? type, 300)), text } };
}

// Verify results as JUnit suites: one per task kind (in the registry's order), then one for code records.
export function verifyJunit(results: Iterable<VerifyResult | TrajectoryResult>): JunitSuite[] {
  const byKind = new Map<string, JunitCase[]>();
  const code: JunitCase[] = [];
  for (const r of results) {
    if ("task" in r) (byKind.get(r.task) ?? byKind.set(r.task, []).get(r.task)!).push(trajectoryCase(r));
    else code.push(codeCase(r));
  }
  const suites = TaskKind.options.filter((k) => byKind.has(k)).map((k) => ({ name: k, cases: byKind.get(k)! }));
  return code.length ? [...suites, { name: "code", cases: code }] : suites;
}
