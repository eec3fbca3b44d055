import { AsyncLocalStorage } from "node:async_hooks";
import { isVouchError } from "../core/errors.js";
import type { SuiteResult } from "../core/result.js";
import type { TestSpec } from "../core/test-spec.js";
import type { SandboxLimits } from "../sandbox/limits.js";
import type { ExecOptions, ExecResult, Sandbox, SandboxProvider } from "../sandbox/types.js";
import { grade } from "./grade.js";
import { CALL_HARNESS, PYTHON, SOLUTION_FILE } from "./python/harness.js";
import { planPython } from "./python/plan.js";
import { runPlan } from "./run-plan.js";

// An exception as the call harness reports it.
export interface CallError {
  type: string;
  message: string;
  where: string | null;
}

// One call of an entry point: its return value's repr, or the exception it raised
// (type "Timeout" when the call ran past CALL_TIMEOUT_MS).
export type CallOutcome =
  | { i: number; ok: true; repr: string; ms: number }
  | { i: number; ok: false; error: CallError; ms: number; /** stopped by CALL_TIMEOUT_MS, not raised */ timedOut?: true }
  | { i: number; ok: false; badInput: CallError };

// What a harness job gave besides its lines: why it stopped early, if it did.
export interface JobEnd {
  loadError?: CallError;
  /** timeout, memory-limit or output-limit when the job hit one; "crash" when it ended without "done". */
  limit?: "timeout" | "memory-limit" | "output-limit" | "crash";
  stderr: string;
}

export interface GeneratedInput {
  input: string;
  repr: string;
}

const MAX_ATTEMPTS = 2;
/** Each differential call's own limit: a hanging input costs itself, not the inputs after it. */
export const CALL_TIMEOUT_MS = 1000;

function parseLines(report: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const line of report.split("\n")) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      // a line the solution forged or cut short is not Vouch's: ignored
    }
  }
  return out;
}

function jobEnd(r: ExecResult, lines: Record<string, unknown>[]): JobEnd {
  const load = lines.find((l) => l.load_error)?.load_error as CallError | undefined;
  const done = lines.some((l) => l.done === true);
  const limit = r.oomKilled ? "memory-limit" : r.timedOut ? "timeout" : r.outputTruncated ? "output-limit" : !done && !load ? "crash" : undefined;
  return { ...(load ? { loadError: load } : {}), ...(limit ? { limit } : {}), stderr: r.stderr.slice(-2000) };
}

// Marks work running inside an exclusive section (its own jobs must not wait for the section to end).
const insideExclusive = new AsyncLocalStorage<boolean>();

// The sandbox operations trajectory verifiers use. Each call takes a sandbox from the provider and gives
// it back; a sandbox failure is retried once and then thrown as SANDBOX_UNAVAILABLE (an infra-error).
export class TaskExec {
  constructor(
    readonly provider: SandboxProvider,
    readonly limits: SandboxLimits,
  ) {}

  private running = 0;
  private quiet: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  private async enter(): Promise<void> {
    if (!insideExclusive.getStore()) while (this.quiet) await this.quiet;
    this.running++;
  }

  private leave(): void {
    this.running--;
    if (this.running === 0) this.drained?.();
  }

  /**
   * Runs `work` with no other job of this TaskExec in flight: waits for running jobs to end (and for the provider
   * to finish starting or removing containers) and holds new ones back until it is done. For measurements that
   * other work on the machine would disturb (timing the code).
   */
  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (insideExclusive.getStore()) return work();
    while (this.quiet) await this.quiet;
    let release!: () => void;
    this.quiet = new Promise<void>((r) => (release = r));
    try {
      if (this.running > 0) await new Promise<void>((r) => (this.drained = r));
      this.drained = undefined;
      await this.settle(); // containers being replaced or removed cost CPU too
      return await insideExclusive.run(true, work);
    } finally {
      this.quiet = undefined;
      release();
    }
  }

  // Runs `work` on a sandbox from the provider, counted as a job in flight; a sandbox that fails is retried once on
  // another, then SANDBOX_UNAVAILABLE is thrown.
  private async withSandbox<T>(work: (sb: Sandbox) => Promise<T>): Promise<T> {
    await this.enter();
    try {
      let last: unknown;
      for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
        const sb = await this.provider.acquire();
        try {
          return await work(sb);
        } catch (e) {
          if (!isVouchError(e) || e.code !== "SANDBOX_UNAVAILABLE") throw e;
          last = e;
        } finally {
          await this.provider.release(sb).catch(() => undefined);
        }
      }
      throw last;
    } finally {
      this.leave();
    }
  }

  /** Resolves once the provider is not starting or removing containers. */
  async settle(): Promise<void> {
    await this.provider.settle?.();
  }

  /** Runs argv in a fresh job of a sandbox: the primitive the others build on. */
  run(argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    return this.withSandbox((sb) => sb.exec(argv, { timeoutMs: this.limits.timeoutMs, ...opts }));
  }

  /** Runs a test suite against code, graded as `vouch verify` grades it; `timeoutMs` may only tighten the limit. */
  runTests(code: string, tests: TestSpec, opts: { timeoutMs?: number } = {}): Promise<SuiteResult> {
    const plan = planPython(code, tests);
    const timeoutMs = Math.min(this.limits.timeoutMs, opts.timeoutMs ?? Infinity);
    return this.withSandbox(async (sb) => grade(plan, await runPlan(sb, plan, timeoutMs)));
  }

  private async harness(code: string, request: object, timeoutMs?: number): Promise<{ lines: Record<string, unknown>[]; end: JobEnd }> {
    const r = await this.run([PYTHON, CALL_HARNESS, SOLUTION_FILE], {
      files: { [SOLUTION_FILE]: code },
      stdin: JSON.stringify(request),
      ...(timeoutMs ? { timeoutMs } : {}),
    });
    const lines = parseLines(r.report);
    return { lines, end: jobEnd(r, lines) };
  }

  /** Calls `entry` on each input (a Python expression giving the argument tuple), in one job. */
  async call(code: string, entry: string, inputs: string[]): Promise<{ outcomes: CallOutcome[]; end: JobEnd }> {
    const { lines, end } = await this.harness(code, { mode: "call", entry, inputs, call_timeout_ms: CALL_TIMEOUT_MS });
    const outcomes: CallOutcome[] = [];
    for (const l of lines) {
      if (typeof l.i !== "number") continue;
      if (l.bad_input) outcomes.push({ i: l.i, ok: false, badInput: l.bad_input as CallError });
      else if (l.ok === true) outcomes.push({ i: l.i, ok: true, repr: String(l.repr), ms: Number(l.ms) });
      else outcomes.push({ i: l.i, ok: false, error: l.error as CallError, ms: Number(l.ms), ...(l.timeout === true ? { timedOut: true as const } : {}) });
    }
    return { outcomes, end };
  }

  /** Inputs mutated from seed argument tuples on which `entry` (a trusted reference) returns; with its outputs. */
  async generate(code: string, entry: string, seeds: string[], count: number, seed = 0): Promise<{ inputs: GeneratedInput[]; end: JobEnd }> {
    const { lines, end } = await this.harness(code, { mode: "generate", entry, seeds, count, seed, call_timeout_ms: CALL_TIMEOUT_MS });
    const inputs = lines.filter((l) => typeof l.input === "string" && l.ok === true).map((l) => ({ input: String(l.input), repr: String(l.repr) }));
    return { inputs, end };
  }

}

// Two reprs denote the same value: equal text, or numbers equal to 1e-9 relative.
export function sameRepr(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  if (a.trim() === "" || b.trim() === "" || !Number.isFinite(x) || !Number.isFinite(y)) return false;
  return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
}
