import type { TestResult } from "../../core/result.js";

// Error text and per-test feedback, normalised and compared: what a trajectory says a run gave against what
// the run really gave. Shared by error-recovery, error-recovery-multi and `vouch replay`. Pure.

/** An error as text: the exception type ("" when the failure is not an exception, e.g. an io output mismatch),
 *  its message, and the solution.py line it was raised at when the text says so. */
export interface ErrorText {
  type: string;
  message: string;
  line?: number;
  /** The text claims the error has no message at all ("AssertionError:" with nothing after the colon, or a
   *  recorded message ""), as opposed to claiming no message (then only the type is checked). */
  emptyMessage?: boolean;
}

/** One test as a trajectory records it. */
export interface RecordedTest {
  name: string;
  status: "pass" | "fail" | "error";
  message?: string;
}

const EXC_LINE = /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning|Iteration|Timeout|Group))\s*(?::\s?([\s\S]*))?$/;
// a Vouch location suffix: "(at solution.py:4)" or "(at solution.py:4 in f)"
const AT_SUFFIX = /\s*\(at ([^():]+):(\d+)(?: in [\w.<>]+)?\)\s*$/;
// a traceback frame in the solution file
const FRAME = /File "(?:[^"]*\/)?solution\.py", line (\d+)/g;

// Parses error text as people and Vouch write it: "Type: message", "Type: message (at solution.py:3)",
// a whole traceback (its last exception line; its last solution.py frame gives the line), "exit code 1: Type: msg",
// "the solution does not load: Type: msg". Text that names no exception type keeps type "".
export function parseErrorText(text: string): ErrorText {
  let t = text.trim();
  let line: number | undefined;
  const frames = [...t.matchAll(FRAME)];
  if (frames.length) line = Number(frames[frames.length - 1]![1]);
  // a traceback (or a report with frames); an exception line whose message goes on over several lines is not one
  const isTraceback = /^Traceback|^\s*File "/m.test(t);
  if (t.includes("\n") && (isTraceback || !EXC_LINE.test(t.split("\n")[0]!.trim()))) {
    // a traceback (or a SyntaxError report with its caret): the exception line is the last unindented line
    const lines = t.split("\n").filter((l) => l.trim() && !/^\s/.test(l) && !/^Traceback/.test(l) && !/^File "/.test(l));
    t = (lines[lines.length - 1] ?? "").trim();
  }
  t = t.replace(/^the solution does not load:\s*/, "").replace(/^exit code \d+:\s*/, "").replace(/^killed by \w+:\s*/, "");
  const at = AT_SUFFIX.exec(t);
  if (at) {
    if (/solution\.py$/.test(at[1]!)) line = Number(at[2]);
    t = t.slice(0, at.index);
  }
  const m = EXC_LINE.exec(t);
  if (!m) return { type: "", message: t, ...(line !== undefined ? { line } : {}) };
  const type = m[1]!.split(".").pop()!;
  let message = (m[2] ?? "").trim();
  if (m[2] !== undefined && message === "" && !text.includes("\n")) return { type, message, emptyMessage: true, ...(line !== undefined ? { line } : {}) };
  // SyntaxError says where in its own message: "(solution.py, line 3)"
  const syn = /\(solution\.py, line (\d+)\)\s*$/.exec(message);
  if (syn) {
    line ??= Number(syn[1]);
    message = message.slice(0, syn.index).trim();
  }
  return { type, message, ...(line !== undefined ? { line } : {}) };
}

// Splits "a, b, {c, d}" at top-level commas (brackets and quotes respected).
export function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = "";
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quote) {
      cur += ch;
      if (ch === "\\" && i + 1 < s.length) cur += s[++i];
      else if (ch === quote) quote = "";
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if ("([{".includes(ch)) depth++;
    else if (")]}".includes(ch)) depth--;
    if (ch === sep && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

// Set literals print in hash order: "{'c', 'a'}" and "{'a', 'c'}" are the same set, so elements are sorted.
export function sortSetLiterals(s: string): string {
  let out = "";
  let i = 0;
  while (i < s.length) {
    const ch = s[i]!;
    if (ch !== "{") {
      out += ch;
      i++;
      continue;
    }
    // find the matching brace
    let depth = 0;
    let j = i;
    let quote = "";
    for (; j < s.length; j++) {
      const c = s[j]!;
      if (quote) {
        if (c === "\\") j++;
        else if (c === quote) quote = "";
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === "{") depth++;
      else if (c === "}" && --depth === 0) break;
    }
    if (j >= s.length) {
      out += s.slice(i);
      break;
    }
    const inner = sortSetLiterals(s.slice(i + 1, j));
    const parts = splitTopLevel(inner, ",").map((p) => p.trim());
    const isSet = inner.trim() !== "" && !parts.some((p) => splitTopLevel(p, ":").length > 1);
    out += isSet ? `{${parts.filter((p) => p !== "").sort().join(", ")}}` : `{${inner}}`;
    i = j + 1;
  }
  return out;
}

// The comparable form of an error message: no memory addresses, temp paths, location suffixes or
// traceback line numbers; one quote style; sets sorted; whitespace collapsed; no final period.
export function normalizeMessage(msg: string): string {
  let m = msg.trim().replace(AT_SUFFIX, "");
  m = m.replace(/\b0x[0-9a-fA-F]{4,}\b/g, "0x?");
  m = m.replace(/(?:\/(?:tmp|work|var|private|home)[^\s'",)]*)/g, "<path>");
  m = m.replace(/File "[^"]*", line \d+/g, 'File "<file>", line ?');
  m = m.replace(/"/g, "'");
  m = sortSetLiterals(m);
  m = m.replace(/\s+/g, " ").replace(/\s*([,:;()[\]{}])\s*/g, "$1").replace(/\.$/, "");
  return m;
}

// The message Vouch's assert harness writes for a bare `assert a == b` (Python itself gives none).
export const VOUCH_ASSERT = /^got [\s\S]+, expected [\s\S]+$/;

// Whether a claimed error is the real one: same exception type, same message after normalising (a claim
// without a message is checked on its type only), and the same solution.py line when both say one.
export function sameError(claimed: ErrorText, actual: ErrorText): { same: boolean; why: string } {
  const real = `${actual.type ? `${actual.type}: ` : ""}${actual.message}`;
  if (claimed.emptyMessage && !claimed.type) {
    // a message recorded as "": the error had none (the type is not claimed)
    if (actual.message.trim() && !VOUCH_ASSERT.test(actual.message)) return { same: false, why: `claimed an error without a message, the run gave ${JSON.stringify(real)}` };
    return { same: true, why: real };
  }
  if (claimed.type !== actual.type) {
    return { same: false, why: `claimed ${claimed.type || "(no exception)"}, the run raised ${actual.type || "no exception"} (${real})` };
  }
  if (claimed.emptyMessage) {
    if (actual.message.trim() && !(actual.type === "AssertionError" && VOUCH_ASSERT.test(actual.message))) {
      return { same: false, why: `claimed ${claimed.type} without a message, the real one has the message ${JSON.stringify(actual.message)}` };
    }
  }
  if (!claimed.type && claimed.message.trim() && normalizeMessage(claimed.message) !== normalizeMessage(actual.message)) {
    // not an exception (an io output mismatch): the claim must quote the real expected and actual output
    const values = messageValues(actual.message);
    if (values.length === 0 || !values.every((v) => claimed.message.includes(v))) {
      return { same: false, why: `claimed ${JSON.stringify(claimed.message)}, the run gave ${JSON.stringify(actual.message)}` };
    }
  } else if (claimed.message.trim() && normalizeMessage(claimed.message) !== normalizeMessage(actual.message)) {
    return { same: false, why: `claimed message ${JSON.stringify(claimed.message)}, the real one is ${JSON.stringify(actual.message)}` };
  }
  if (claimed.line !== undefined && actual.line !== undefined && claimed.line !== actual.line) {
    return { same: false, why: `claimed solution.py line ${claimed.line}, the error is raised at line ${actual.line} (${real})` };
  }
  return { same: true, why: real };
}

// The comparable form of a test name: "line 3: assert f(1) == 2" and "assert f(1)==2" both give "assertf(1)==2".
export function normalizeTestName(name: string): string {
  return name
    .trim()
    .replace(/^line \d+:\s*/, "")
    .replace(/"/g, "'")
    .replace(/\s+/g, "");
}

// The real test a recorded name refers to: the same name, the same statement, or "line N" / "case N".
export function findTest<T extends { name: string }>(name: string, tests: readonly T[]): T | undefined {
  const exact = tests.find((t) => t.name === name);
  if (exact) return exact;
  const bare = /^(line \d+|case \d+)$/.exec(name.trim());
  if (bare) return tests.find((t) => t.name === bare[1] || t.name.startsWith(`${bare[1]}:`));
  const want = normalizeTestName(name);
  const same = want ? tests.find((t) => normalizeTestName(t.name) === want) : undefined;
  if (same) return same;
  const whole = wholeStatementOf(name, want, tests);
  if (whole) return whole;
  // a pytest/unittest test named by its function or class and function ("test_a", "T.test_a", "T::test_a"),
  // when exactly one real test ends so
  const parts = name.trim().split(/::|\./).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => /^[A-Za-z_]\w*$/.test(p))) return undefined;
  const suffix = parts.join("::");
  const hits = tests.filter((t) => {
    const id = testId(t.name);
    return id === suffix || id.endsWith(`::${suffix}`);
  });
  return hits.length === 1 ? hits[0] : undefined;
}

// The sandbox names an assert test by its statement cut to TEST_NAME_TEXT characters (spaces collapsed); a
// name that gives the whole statement (and the same "line N", when it gives one) means the one test whose cut
// name the statement begins with.
const TEST_NAME_TEXT = 100;
function wholeStatementOf<T extends { name: string }>(name: string, want: string, tests: readonly T[]): T | undefined {
  const line = /^line (\d+):/.exec(name.trim())?.[1];
  const hits = tests.filter((t) => {
    const m = /^line (\d+): (.*)$/s.exec(t.name);
    if (!m || [...m[2]!].length < TEST_NAME_TEXT || (line !== undefined && line !== m[1])) return false;
    const cut = normalizeTestName(t.name);
    return cut.length > 0 && want.length > cut.length && want.startsWith(cut);
  });
  return hits.length === 1 ? hits[0] : undefined;
}

// A test's id as Class::method where it runs a unittest method (`T("test_a").debug()`, `T('test_a').test_a()`),
// else its name without a pytest parameter suffix.
function testId(name: string): string {
  const m = /(?:^|:\s)([A-Za-z_]\w*)\(\s*['"](\w+)['"]\s*\)\.\w+\(\)\s*$/.exec(name);
  return m ? `${m[1]}::${m[2]}` : name.replace(/\[.*\]$/, "");
}

const passed = (status: string) => status === "pass";

// The error a real test gave, as ErrorText (assert failures are AssertionError; io mismatches have no type).
export function testError(t: TestResult): ErrorText {
  return parseErrorText(t.message ?? "");
}

/** What is known of a statement inside a test function (an assert of HumanEval's `check`) that a record names. */
export interface InnerTests {
  /** The recorded name as a line of a test function and the top-level lines that run it; undefined when it is not one. */
  resolve(name: string): { line: number; runBy: number[]; whole?: true } | undefined;
  /** The line of the assert that failed in a failing top-level test, when it was located. */
  failedAt(test: string): number | undefined;
}

// The error a recorded message claims: "" claims an error without a message.
function recordedError(message: string): ErrorText {
  return message.trim() === "" ? { type: "", message: "", emptyMessage: true } : parseErrorText(message);
}

// A recorded test that is a statement inside a test function, against the top-level test that runs it: it
// failed when the located failing assert is that line; it passed when its test passed or the failure comes
// after it in the same function; otherwise (not reached, or not located) nothing is said.
function compareInner(r: RecordedTest, inner: { line: number; runBy: number[]; whole?: true }, actual: readonly TestResult[], known: InnerTests): string | undefined {
  const runs = actual.filter((t) => inner.runBy.some((l) => t.name.startsWith(`line ${l}:`)));
  if (!runs.length) return `test ${JSON.stringify(r.name)} is in a test function no test runs`;
  const failing = runs.find((t) => !passed(t.status));
  if (!failing) return passed(r.status) ? undefined : `${JSON.stringify(r.name)}: recorded ${r.status}, but ${runs[0]!.name} passes, so every assert in it holds`;
  if (inner.whole) {
    // the test function named for the statement that runs it ("check(candidate)" for "check(f)")
    if (passed(r.status)) return `${JSON.stringify(r.name)}: recorded pass, really ${failing.status}${failing.message ? ` (${failing.message})` : ""}`;
    const cmp = r.message === undefined ? undefined : sameError(recordedError(r.message), testError(failing));
    return cmp && !cmp.same ? `${failing.name}: ${cmp.why}` : undefined;
  }
  const at = known.failedAt(failing.name);
  if (at === undefined) return undefined;
  if (at === inner.line) {
    if (passed(r.status)) return `${JSON.stringify(r.name)}: recorded pass, but it is the assert that fails in ${failing.name} (${failing.message ?? failing.status})`;
    if (r.message !== undefined) {
      const cmp = sameError(recordedError(r.message), testError(failing));
      if (!cmp.same) return `${JSON.stringify(r.name)}: ${cmp.why}`;
    }
    return undefined;
  }
  if (inner.line < at && !passed(r.status)) return `${JSON.stringify(r.name)}: recorded ${r.status}, but ${failing.name} fails at the later line ${at}`;
  return undefined;
}

// Compares recorded per-test feedback with the real results: every recorded test must exist, have the same
// outcome (pass, or not pass; fail and error are told apart by the error type in the message) and, when a
// message is recorded, the same error ("" claims an error without a message). Returns one line per disagreement.
export function compareFeedback(recorded: readonly RecordedTest[], actual: readonly TestResult[], inner?: InnerTests): string[] {
  const out: string[] = [];
  for (const r of recorded) {
    const t = findTest(r.name, actual);
    if (!t) {
      const stmt = inner?.resolve(r.name);
      if (stmt) {
        const bad = compareInner(r, stmt, actual, inner!);
        if (bad) out.push(bad);
        continue;
      }
      out.push(`test ${JSON.stringify(r.name)} does not exist (the tests are: ${actual.map((a) => a.name).join("; ") || "none"})`);
      continue;
    }
    if (passed(r.status) !== passed(t.status)) {
      out.push(`${t.name}: recorded ${r.status}, really ${t.status}${t.message ? ` (${t.message})` : ""}`);
      continue;
    }
    if (!passed(t.status) && r.message !== undefined) {
      const cmp = sameError(recordedError(r.message), testError(t));
      if (!cmp.same) out.push(`${t.name}: ${cmp.why}`);
    }
  }
  return out;
}

// The values a real failure message holds that a reflection on it could quote: the got/expected values of an
// assert, the expected/got of an io line, quoted names and numbers in an exception message.
export function messageValues(message: string): string[] {
  const out: string[] = [];
  const ge = /got (.+?), expected (.+)$/.exec(message);
  if (ge) out.push(ge[1]!.trim(), ge[2]!.trim());
  const io = /expected "(.*)" got "(.*)"/.exec(message);
  if (io) out.push(io[1]!, io[2]!);
  for (const q of message.matchAll(/'([^']{1,40})'/g)) out.push(q[1]!);
  return out.filter((v) => v.length > 0);
}
