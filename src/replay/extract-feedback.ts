import type { TestSpec } from "../core/test-spec.js";
import type { RecordedTestOutcome } from "../tasks/error-recovery-multi/schema.js";
import { normalizeTestName, parseErrorText } from "../tasks/shared/feedback.js";
import type { KnownTest } from "./known-tests.js";
import { tallyOf } from "./extract-tally.js";
import { countsFromZero, resolveTest } from "./resolve-test.js";
import type { ReplayFeedback } from "./schema.js";

// Test feedback out of free text (user or tool messages): tracebacks, per-test lines in several styles, pytest and
// unittest summaries, "expected X, got Y" pairs, bare exception lines, "all tests passed". Pure.

export interface ExtractOptions {
  /** The tests the turns run, to tie references in the text to real tests. */
  known: readonly KnownTest[];
  kind: TestSpec["kind"];
}

const EXC = /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Iteration|Timeout))\b(?::\s*(.*))?$/;
const FRAME = /File "(?:[^"]*[/\\])?solution\.py", line (\d+)/;
const PASS_WORD = /^(?:passed|pass|ok|accepted|success|succeeded|✓|✔|✅)$/i;
const FAIL_WORD = /^(?:failed|fail|failure|error|errored|wrong answer|✗|✘|❌|×)$/i;
// "PASSED name", "[FAIL] name", "✓ name", "FAILED: name - msg"
const LEADING = /^\s*(?:\[(PASS(?:ED)?|FAIL(?:ED)?|ERROR|OK)\]|(PASSED|FAILED|ERROR|PASS|FAIL)\b:?|([✓✔✅✗✘❌×]))\s*(.+)$/;
// "Test 2 failed: msg", "Test #3: PASSED", "test case 1 - pass"
const ORDINAL = /^\s*((?:test|case)(?:\s*case)?\s*#?\s*\d+)\s*(?:\([^)]*\))?\s*[:\-–]?\s*(passed|failed|pass|fail|ok|error|wrong answer|accepted)\b[\s:.\-–]*(.*)$/i;
// "name ... ok", "name -> FAILED", "name: PASS"
const TRAILING = /^\s*(.+?)\s*(?:\.\.\.|->|→|:|—|–|-)\s*(PASSED|FAILED|ERROR|ok|FAIL|PASS|passed|failed)\s*$/;
const ALL_PASS = /\ball\s+(?:\d+\s+)?(?:of\s+the\s+|the\s+)?(?:visible\s+|unit\s+)?(?:tests?|test cases|assertions|checks)\s+(?:have\s+|now\s+)?(?:pass(?:ed|es)?|succeed(?:ed)?|are passing|are green)\b/i;
const NOT_ALL = /\bnot\s+all\b|\bsome\s+(?:tests?|test cases)\s+fail/i;
const FAIL_PHRASE = /^(?:the\s+)?(?:tests?|test cases?)\s+(?:have\s+|still\s+)?failed\b|^(?:your|the)\s+(?:code|solution)\s+(?:still\s+)?fails\b/i;
const EXPECTED_GOT = /\bexpected(?:\s+output)?\s*[:=]?\s*(.+?)[,;]?\s+(?:but\s+)?(?:got|actual(?:\s+output)?|received|returned|output)\s*[:=]?\s*(.+?)\.?$/i;
const GOT_EXPECTED = /\b(?:got|returned|output)\s*[:=]?\s*(.+?)[,;]?\s+(?:but\s+|while\s+|instead of\s+|, )?expected\s*[:=]?\s*(.+?)\.?$/i;

interface Draft {
  tests: RecordedTestOutcome[];
  errors: string[];
  unnamedFailures: number;
}

// An assert message in the run's words: pytest's "assert 5 == 6" and unittest's "5 != 6" say got 5, expected 6.
function assertMessage(message: string): string {
  const m = message.replace(/\n[\s\S]*$/, "").trim();
  const py = /^assert (.+?) == (.+)$/.exec(m);
  if (py) return `got ${py[1]}, expected ${py[2]}`;
  const ut = /^(.+?) != (.+)$/.exec(m);
  if (ut && !/^got /.test(m)) return `got ${ut[1]}, expected ${ut[2]}`;
  return m;
}

// "Type: message (at solution.py:N)" from error text (a traceback, or one line).
function errorMessage(text: string): string | undefined {
  const e = parseErrorText(text);
  if (!e.type) return undefined;
  const message = e.type === "AssertionError" ? assertMessage(e.message) : e.message;
  return `${e.type}${message ? `: ${message}` : ""}${e.line !== undefined ? ` (at solution.py:${e.line})` : ""}`;
}

// A failure's message as a failing-test message: an exception, or an expected/got pair in the run's own words.
function failureMessage(text: string, kind: TestSpec["kind"]): string | undefined {
  const t = text.trim().replace(/^[-–:]\s*/, "");
  if (!t) return undefined;
  const exc = errorMessage(t);
  if (exc) return exc;
  const pair = expectedGot(t);
  if (pair) return pairMessage(pair, kind);
  return undefined;
}

function expectedGot(line: string): { expected: string; got: string } | undefined {
  const a = EXPECTED_GOT.exec(line);
  if (a) return { expected: a[1]!.trim(), got: a[2]!.trim() };
  const b = GOT_EXPECTED.exec(line);
  return b ? { expected: b[2]!.trim(), got: b[1]!.trim() } : undefined;
}

function pairMessage(p: { expected: string; got: string }, kind: TestSpec["kind"]): string {
  if (kind === "io") return `expected ${JSON.stringify(unquote(p.expected))} got ${JSON.stringify(unquote(p.got))}`;
  return `AssertionError: got ${p.got}, expected ${p.expected}`;
}

const unquote = (s: string) => (/^(["'`]).*\1$/.test(s) ? s.slice(1, -1) : s);

// Adds one failing or passing outcome, tied to a real test when the reference names one.
function add(d: Draft, ref: string | undefined, pass: boolean, message: string | undefined, o: ExtractOptions, zero: boolean): void {
  const name = ref === undefined ? undefined : resolveTest(ref, o.known, zero);
  if (name !== undefined) {
    const prev = d.tests.find((t) => t.name === name);
    const status = pass ? "pass" : message && !/^AssertionError\b/.test(message) && parseErrorText(message).type ? "error" : "fail";
    if (prev) {
      if (!prev.message && message) prev.message = message;
      return;
    }
    d.tests.push({ name, status, ...(message && !pass ? { message } : {}) });
  } else if (!pass) {
    if (message) d.errors.push(message);
    else d.unnamedFailures++;
  }
}

// The statement of a traceback's frame that is one of the tests (the failing assert), if any.
function frameTest(block: string[], o: ExtractOptions): string | undefined {
  for (const l of block) {
    const s = l.trim();
    if (!s || s.startsWith("File ") || s.startsWith("Traceback")) continue;
    const n = normalizeTestName(s);
    const k = o.known.find((t) => t.statement && normalizeTestName(t.statement).startsWith(n) && n.length > 6);
    if (k) return k.name;
  }
  return undefined;
}

// Extracts the feedback a text reports.
export function extractFeedback(text: string, o: ExtractOptions): ReplayFeedback {
  const lines = text.split("\n").filter((l) => !/^\s*(`{3,}|~{3,})/.test(l)).map((l) => l.replace(/^E\s{2,}/, ""));
  const zero = countsFromZero(text);
  const d: Draft = { tests: [], errors: [], unnamedFailures: 0 };
  let allPass: boolean | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const s = line.trim();
    if (!s) continue;
    if (/^Traceback \(most recent call last\):/.test(s)) {
      let j = i + 1;
      while (j < lines.length && (/^\s/.test(lines[j]!) || !lines[j]!.trim())) j++;
      const block = lines.slice(i, j + 1);
      const msg = errorMessage(block.join("\n"));
      if (msg) add(d, frameTest(block, o), false, msg, o, zero);
      i = j;
      continue;
    }
    const lead = LEADING.exec(line);
    const ord = lead ? undefined : ORDINAL.exec(line);
    const trail = lead || ord ? undefined : TRAILING.exec(line);
    if (lead || ord || trail) {
      const word = lead ? (lead[1] ?? lead[2] ?? lead[3])! : ord ? ord[2]! : trail![2]!;
      const pass = PASS_WORD.test(word);
      if (pass || FAIL_WORD.test(word)) {
        let ref = lead ? lead[4]! : ord ? ord[1]! : trail![1]!;
        let msgText = ord ? ord[3]! : "";
        const dash = /^(.*?)\s+[-–]\s+(.+)$/.exec(ref);
        if (lead && dash && failureMessage(dash[2]!, o.kind)) [ref, msgText] = [dash[1]!, dash[2]!];
        // an indented block under the line is its message
        let j = i + 1;
        const below: string[] = [];
        while (j < lines.length && /^\s+\S/.test(lines[j]!) && !LEADING.test(lines[j]!)) below.push(lines[j++]!.trim());
        if (below.length) {
          msgText = [msgText, ...below].filter(Boolean).join("\n");
          i = j - 1;
        }
        add(d, ref, pass, pass ? undefined : failureMessage(msgText, o.kind), o, zero);
        continue;
      }
    }
    if (NOT_ALL.test(s) || FAIL_PHRASE.test(s)) allPass = false;
    else if (ALL_PASS.test(s)) allPass ??= true;
    const exc = EXC.exec(s);
    if (exc) {
      const frame = lines.slice(Math.max(0, i - 4), i).map((l) => FRAME.exec(l)).filter(Boolean).pop();
      const msg = errorMessage(s);
      if (msg) add(d, undefined, false, frame && !/\(at solution\.py:\d+\)$/.test(msg) ? `${msg} (at solution.py:${frame[1]})` : msg, o, zero);
      continue;
    }
    const pair = expectedGot(s);
    if (pair && !/^(?:input|args?)\b/i.test(s)) add(d, undefined, false, pairMessage(pair, o.kind), o, zero);
    else if (/^expected(?: output)?\s*:/i.test(s) && /^(?:got|actual(?: output)?|received|output)\s*:/i.test(lines[i + 1]?.trim() ?? "")) {
      const expected = s.replace(/^[^:]*:\s*/, "");
      const got = lines[++i]!.trim().replace(/^[^:]*:\s*/, "");
      add(d, undefined, false, pairMessage({ expected, got }, o.kind), o, zero);
    }
  }
  return finish(d, allPass, tallyOf(text));
}

// Drops unnamed errors that repeat a named test's message and settles all_pass from everything found.
function finish(d: Draft, allPass: boolean | undefined, tally: { passed?: number; failed?: number }): ReplayFeedback {
  const named = new Set(d.tests.map((t) => t.message).filter(Boolean));
  const errors = [...new Set(d.errors)].filter((e) => !named.has(e));
  const failing = d.tests.some((t) => t.status !== "pass") || errors.length > 0 || d.unnamedFailures > 0 || (tally.failed ?? 0) > 0;
  let all_pass = allPass;
  if (failing) all_pass = false;
  else if (all_pass === undefined && tally.failed === 0 && (tally.passed ?? 0) > 0) all_pass = true;
  return { tests: d.tests, errors, ...(all_pass !== undefined ? { all_pass } : {}), ...tally };
}
