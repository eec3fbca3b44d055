import { randomBytes } from "node:crypto";
import type { ExecResult } from "../sandbox/types.js";
import { PYTHON, SOLUTION_FILE } from "./python/harness.js";
import type { CallError, TaskExec } from "./task-exec.js";

// The in-image line tracer (sandbox-images/python/runner/trace_harness.py) and the test file it runs.
export const TRACE_HARNESS = "/opt/vouch/trace_harness.py";
export const TEST_FILE = "test.py";

export type TraceFile = "solution" | "test";

// One frame (function call or module run) the tracer saw.
export interface TraceFrame {
  id: number;
  /** Qualified name: "f", "Cls.meth", "f.<locals>.g", "<module>", "<listcomp>". */
  fn: string;
  file: TraceFile;
  parent: number | null;
  /** 0 for frames the harness started (module runs), parent's depth + 1 otherwise. */
  depth: number;
  /** The arguments as the call received them (reprs), in the order of the function's parameters. */
  args: Record<string, string>;
  /** Arguments whose repr was cut (too long). */
  argsCut: string[];
}

// One line run: the frame's variables as the line left them.
export interface TraceLine {
  /** Order of the line's start among all events. */
  seq: number;
  /** Order of the line's end (after every call it made). */
  end: number;
  frame: number;
  file: TraceFile;
  fn: string;
  depth: number;
  line: number;
  /** Every variable of the frame after the line (module frames: data only, no functions or modules). */
  vars: Record<string, string>;
  /** Variables this line set, changed in place or deleted (a frame's arguments count as set by its call). */
  changed: string[];
  /** Variables whose repr was cut (too long); their text is a prefix, not the value. */
  cut: string[];
  /** The repr of what the frame returned right after this line. */
  returned?: string;
  /** The exception type this line raised (caught in the frame or not). */
  raised?: string;
}

// A call of the entry point made by the test: what it returned or raised.
export interface EntryCall {
  returned?: string;
  raised?: string;
  testLine: number;
}

export type TraceVerdict = "pass" | "fail" | "error" | "timeout" | "memory-limit" | "output-limit" | "crash";

export interface TestTrace {
  lines: TraceLine[];
  frames: TraceFrame[];
  entryCalls: EntryCall[];
  /** Set when the tracer stopped recording (the run went on): "events", "bytes" or "time". */
  stopped?: string;
  /** pass, fail (an AssertionError), error (any other exception, or the code does not compile), or a limit. */
  verdict: TraceVerdict;
  error?: CallError;
  /** The entry point was found as a top-level function of the solution. */
  entryFound: boolean;
  /** The solution replaced the tracer (sys.settrace), reached for it, or wrote to the report: the trace is not trusted. */
  tampered: boolean;
  /** What the tampering was, when there was some. */
  tamperReason?: string;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface TraceOptions {
  /** Top-level function whose calls from the test are reported with their return values. */
  entry?: string;
  maxEvents?: number;
  reprLimit?: number;
  maxBytes?: number;
  /** Recording stops after this long; the run goes on untraced. */
  budgetMs?: number;
}

type Json = Record<string, unknown>;

// The JSON lines of a report; lines that do not parse (cut short by a kill) are dropped.
function jsonLines(report: string): Json[] {
  const out: Json[] = [];
  for (const line of report.split("\n")) {
    if (!line.trim()) continue;
    try {
      const v: unknown = JSON.parse(line);
      if (v && typeof v === "object" && !Array.isArray(v)) out.push(v as Json);
    } catch {
      // a partial line is not Vouch's
    }
  }
  return out;
}

const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

// The harness's own lines: those inside chunks headed {"chunk": nonce, "k": 0, 1, 2..., "n": lines}. Anything else
// (a line the solution wrote to fd 3 itself, a chunk out of order, lines after the last chunk's end) is tampering.
function ownLines(all: Json[], nonce: string): { lines: Json[]; forged?: string } {
  const lines: Json[] = [];
  let left = 0;
  let next = 0;
  for (const r of all) {
    if (left > 0) {
      lines.push(r);
      left--;
    } else if (r.chunk === nonce && r.k === next && typeof r.n === "number" && r.n > 0) {
      left = r.n;
      next++;
    } else return { lines, forged: "the report holds lines the tracer did not write" };
  }
  return { lines };
}

// Rebuilds full variable states from the harness's per-frame deltas; lines sorted by start. With the run's nonce,
// only the harness's own chunks count.
export function parseTraceReport(
  report: string,
  nonce?: string,
): Omit<TestTrace, "verdict" | "stdout" | "stderr" | "durationMs"> & { done?: Json; loadError?: CallError } {
  const frames = new Map<number, TraceFrame>();
  const state = new Map<number, { vars: Record<string, string>; cut: Set<string> }>();
  const lines: TraceLine[] = [];
  const entryCalls: EntryCall[] = [];
  let stopped: string | undefined;
  let done: Json | undefined;
  let loadError: CallError | undefined;
  const own = nonce === undefined ? { lines: jsonLines(report) } : ownLines(jsonLines(report), nonce);
  let tamperReason = own.forged;
  for (const r of own.lines) {
    if (typeof r.c === "number") {
      const parent = typeof r.p === "number" ? r.p : null;
      const depth = parent === null ? 0 : (frames.get(parent)?.depth ?? 0) + 1;
      const args = Object.fromEntries(Object.entries((r.v ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
      const argsCut = Array.isArray(r.t) ? r.t.map(String) : [];
      frames.set(r.c, { id: r.c, fn: String(r.fn), file: r.file === "t" ? "test" : "solution", parent, depth, args: { ...args }, argsCut });
      state.set(r.c, { vars: args, cut: new Set(argsCut) });
    } else if (typeof r.l === "number" && typeof r.f === "number" && typeof r.s === "number") {
      const frame = frames.get(r.f);
      const st = state.get(r.f);
      if (!frame || !st) continue;
      const changed = (r.v ?? {}) as Record<string, unknown>;
      const cutNow = new Set(Array.isArray(r.t) ? r.t.map(String) : []);
      for (const [name, text] of Object.entries(changed)) {
        st.vars[name] = String(text);
        if (cutNow.has(name)) st.cut.add(name);
        else st.cut.delete(name);
      }
      for (const gone of Array.isArray(r.d) ? r.d.map(String) : []) {
        delete st.vars[gone];
        st.cut.delete(gone);
      }
      const returned = str(r.ret);
      const raised = str(r.x);
      lines.push({
        seq: r.s,
        end: typeof r.e === "number" ? r.e : r.s,
        frame: r.f,
        file: frame.file,
        fn: frame.fn,
        depth: frame.depth,
        line: r.l,
        vars: { ...st.vars },
        changed: [...Object.keys(changed), ...(Array.isArray(r.d) ? r.d.map(String) : [])],
        cut: [...st.cut],
        ...(returned !== undefined ? { returned } : {}),
        ...(raised !== undefined ? { raised } : {}),
      });
    } else if ("entry" in r) {
      const returned = str(r.entry);
      const raised = str(r.x);
      entryCalls.push({ ...(returned !== undefined ? { returned } : {}), ...(raised ? { raised } : {}), testLine: Number(r.l) });
    } else if (typeof r.stop === "string") stopped = r.stop;
    else if (typeof r.tamper === "string") tamperReason ??= r.tamper;
    else if (r.done === true) done = r;
    else if (r.load_error) loadError = r.load_error as CallError;
  }
  lines.sort((a, b) => a.seq - b.seq);
  return {
    lines,
    frames: [...frames.values()],
    entryCalls,
    ...(stopped ? { stopped } : {}),
    entryFound: done?.entry_found === true,
    tampered: done?.tampered === true || tamperReason !== undefined,
    ...(tamperReason ? { tamperReason } : done?.tampered === true ? { tamperReason: "the tracer was replaced" } : {}),
    ...(done ? { done } : {}),
    ...(loadError ? { loadError } : {}),
  };
}

// The verdict of a traced run: a limit first, then the harness's own verdict; a compile error is "error".
function traceVerdict(r: ExecResult, done: Json | undefined, loadError: CallError | undefined): TraceVerdict {
  if (r.oomKilled) return "memory-limit";
  if (r.timedOut) return "timeout";
  if (r.outputTruncated) return "output-limit";
  if (loadError) return "error";
  const v = done?.verdict;
  return v === "pass" || v === "fail" || v === "error" ? v : "crash";
}

// Runs `testCode` after `code` under the line tracer in one sandbox job; a failing run is a result.
export async function traceTest(exec: TaskExec, code: string, testCode: string, opts: TraceOptions = {}): Promise<TestTrace> {
  const timeoutMs = exec.limits.timeoutMs;
  const nonce = randomBytes(16).toString("hex");
  const request = {
    nonce,
    entry: opts.entry ?? null,
    max_events: opts.maxEvents ?? 20_000,
    repr_limit: opts.reprLimit ?? 300,
    max_bytes: opts.maxBytes ?? Math.min(4 << 20, exec.limits.maxOutputBytes * 4),
    budget_ms: opts.budgetMs ?? Math.min(3000, Math.floor(timeoutMs / 3)),
  };
  const r = await exec.run([PYTHON, TRACE_HARNESS, SOLUTION_FILE, TEST_FILE], {
    files: { [SOLUTION_FILE]: code, [TEST_FILE]: testCode },
    stdin: JSON.stringify(request),
  });
  const { done, loadError, ...parsed } = parseTraceReport(r.report, nonce);
  const error = loadError ?? (done?.error as CallError | null | undefined) ?? undefined;
  return {
    ...parsed,
    verdict: traceVerdict(r, done, loadError),
    ...(error ? { error } : {}),
    stdout: r.stdout,
    stderr: r.stderr.slice(-2000),
    durationMs: r.durationMs,
  };
}
