import { z } from "zod";
import { Mutant, mutationCandidates, OperatorName } from "../analysis/mutate.js";
import { VouchError } from "../core/errors.js";
import type { Problem } from "../core/problem.js";
import { SuiteResult, TestStatus, type TestResult } from "../core/result.js";
import type { TaskExec } from "../exec/task-exec.js";
import { createLimit } from "../llm/limit.js";

// A real bug for error recovery: a mutant of the reference solution, the test it really fails and the
// error that test really gave (its message as the runner reports it), with the whole suite result.
export const SeededBug = z.object({
  problemId: z.string(),
  mutant: Mutant,
  /** The first failing test's name as the runner reports it ("line 2: assert f(3) == 9", "case 1"). */
  failingTest: z.string(),
  failingStatus: TestStatus,
  /** That test's message ("got 7, expected 9", "IndexError: list index out of range (at solution.py:3 in f)"). */
  error: z.string(),
  suite: SuiteResult,
});
export type SeededBug = z.infer<typeof SeededBug>;

// Per operator: edits tried, how many parsed (tried = parsed + unparsable), how many were run (parsed, after
// the caps), and what running them gave. killed = failed >= 1 test or hit a limit; kept <= killed.
export const OperatorStats = z.object({
  tried: z.number().int().nonnegative(),
  unparsable: z.number().int().nonnegative(),
  parsed: z.number().int().nonnegative(),
  run: z.number().int().nonnegative(),
  killed: z.number().int().nonnegative(),
  /** Killed by a time, memory or output limit, or failing but slower than half the time limit (a rerun could be
   * stopped): a real failure, but a poor seed (not kept). */
  limitKilled: z.number().int().nonnegative(),
  /** Killed before any test ran (the module does not load): no failing test to name (not kept). */
  loadKilled: z.number().int().nonnegative(),
  /** Passed every test: equivalent to the reference on these tests. */
  survived: z.number().int().nonnegative(),
  /** The sandbox failed (not the mutant): neither killed nor survived. */
  infraError: z.number().int().nonnegative(),
  kept: z.number().int().nonnegative(),
});
export type OperatorStats = z.infer<typeof OperatorStats>;

export const SeedOptions = z.object({
  /** Only these operators (all by default). */
  operators: z.array(OperatorName).optional(),
  maxPerOperator: z.number().int().positive().optional(),
  maxTotal: z.number().int().positive().optional(),
  /** Mutants run at once (each takes one sandbox from the pool). */
  concurrency: z.number().int().positive().default(2),
});
export type SeedOptionsInput = z.input<typeof SeedOptions>;

export interface SeedResult {
  kept: SeededBug[];
  stats: Record<OperatorName, OperatorStats>;
  /** The reference solution's own run: mutants are only judged when it passes. */
  reference: SuiteResult;
}

const LIMITS: ReadonlySet<string> = new Set(["timeout", "memory-limit", "output-limit"]);

// What one mutant's run means: survived, killed by a test (with the test), by a limit (or close to the time
// limit: its feedback would not be reproducible), or at load.
export function judgeMutant(suite: SuiteResult, timeoutMs: number): { kind: "survived" | "limit" | "load" | "infra" } | { kind: "test"; test: TestResult } {
  if (suite.verdict === "pass") return { kind: "survived" };
  if (suite.verdict === "infra-error") return { kind: "infra" };
  if (LIMITS.has(suite.verdict)) return { kind: "limit" };
  if (suite.tests.reduce((ms, t) => ms + t.durationMs, 0) > timeoutMs / 2) return { kind: "limit" };
  const test = suite.tests.find((t) => t.status === "fail" || t.status === "error");
  return test ? { kind: "test", test } : { kind: "load" };
}

/** The least time a mutant gets, however fast the reference. */
export const MIN_MUTANT_TIMEOUT_MS = 1000;
/** A mutant may run this many times longer than the reference before it counts as hanging. */
const MUTANT_SLOWDOWN = 20;

// A mutant's time limit: far beyond what the reference needed, far below the run limit, so a mutant that loops
// forever (a flipped loop condition) costs about a second, not the whole limit.
export function mutantTimeoutMs(reference: SuiteResult, limitMs: number): number {
  const refMs = reference.tests.reduce((ms, t) => ms + t.durationMs, 0);
  return Math.min(limitMs, Math.max(MIN_MUTANT_TIMEOUT_MS, Math.ceil(refMs * MUTANT_SLOWDOWN)));
}

// The runs of a problem's reference and mutants, shared by every seeding of that problem in one run (`generate
// --task all` seeds bugs for error recovery and for quality evaluation, with different caps): each piece of code
// is run once per problem, and each seeding still judges exactly the mutants its options choose. Keyed by the
// problem object, so a problem's runs are dropped with it.
export class SeedRuns {
  private readonly byProblem = new WeakMap<Problem, Map<string, Promise<SuiteResult>>>();

  run(problem: Problem, code: string, timeoutMs: number | undefined, start: () => Promise<SuiteResult>): Promise<SuiteResult> {
    let runs = this.byProblem.get(problem);
    if (!runs) this.byProblem.set(problem, (runs = new Map()));
    const key = `${timeoutMs ?? "default"}\n${code}`;
    let run = runs.get(key);
    if (!run) {
      run = start();
      runs.set(key, run);
      run.catch(() => runs.delete(key)); // a run that threw is tried again by the next seeding
    }
    return run;
  }
}

const emptyStats = (): OperatorStats => ({ tried: 0, unparsable: 0, parsed: 0, run: 0, killed: 0, limitKilled: 0, loadKilled: 0, survived: 0, infraError: 0, kept: 0 });

// Seeds real bugs into a problem's reference solution: every mutant is run against the problem's tests in the
// sandbox, and kept only when it fails at least one test with a message (a limit or a load failure is counted,
// not kept). Throws INPUT_INVALID when the problem has no solution or no tests. With `shared`, runs already made
// by another seeding of the same problem are reused instead of run again.
export async function seedBugs(problem: Problem, exec: TaskExec, opts: SeedOptionsInput = {}, shared?: SeedRuns): Promise<SeedResult> {
  const o = SeedOptions.parse(opts);
  const { solution, tests } = problem;
  if (!solution || !tests) throw new VouchError("INPUT_INVALID", `problem ${problem.id} needs a reference solution and tests to seed bugs`, { id: problem.id });
  const run = (code: string, timeoutMs?: number) => {
    const start = () => exec.runTests(code, tests, timeoutMs === undefined ? {} : { timeoutMs });
    return shared ? shared.run(problem, code, timeoutMs, start) : start();
  };
  const stats = Object.fromEntries(OperatorName.options.map((k) => [k, emptyStats()])) as Record<OperatorName, OperatorStats>;
  const reference = await run(solution);
  if (reference.verdict !== "pass") return { kept: [], stats, reference };

  const candidates = mutationCandidates(solution, {
    ...(o.maxPerOperator ? { maxPerOperator: o.maxPerOperator } : {}),
    ...(o.operators ? { operators: o.operators } : {}),
  });
  const chosen: Mutant[] = [];
  for (const name of OperatorName.options) {
    const c = candidates[name];
    if (!c) continue;
    const s = stats[name];
    s.tried = c.tried;
    s.parsed = c.parsed;
    s.unparsable = c.tried - c.parsed;
    chosen.push(...c.mutants);
  }
  const toRun = o.maxTotal ? interleave(chosen).slice(0, o.maxTotal) : chosen;
  const timeoutMs = mutantTimeoutMs(reference, exec.limits.timeoutMs);
  const limit = createLimit(o.concurrency);
  const suites = await Promise.all(toRun.map((m) => limit(() => run(m.code, timeoutMs))));

  const kept: SeededBug[] = [];
  toRun.forEach((mutant, i) => {
    const suite = suites[i]!;
    const s = stats[mutant.operator as OperatorName];
    s.run++;
    const j = judgeMutant(suite, timeoutMs);
    if (j.kind === "infra") {
      s.infraError++;
      return;
    }
    if (j.kind === "survived") s.survived++;
    else s.killed++;
    if (j.kind === "limit") s.limitKilled++;
    if (j.kind === "load") s.loadKilled++;
    if (j.kind !== "test") return;
    s.kept++;
    const error = j.test.message ?? suite.message ?? j.test.status;
    kept.push({ problemId: problem.id, mutant, failingTest: j.test.name, failingStatus: j.test.status, error, suite });
  });
  return { kept, stats, reference };
}

// Mutants reordered round-robin over operators, so a total cap keeps every operator represented.
function interleave(ms: Mutant[]): Mutant[] {
  const by = new Map<string, Mutant[]>();
  for (const m of ms) by.set(m.operator, [...(by.get(m.operator) ?? []), m]);
  const queues = [...by.values()];
  const out: Mutant[] = [];
  for (let i = 0; out.length < ms.length; i++) for (const q of queues) if (q[i]) out.push(q[i]!);
  return out;
}
