import { BatchPool, MAX_INFRA_STREAK } from "../exec/batch-pool.js";
import { assertInput } from "../dataset/jsonl-reader.js";
import { imageModules } from "../analysis/modules.js";
import { VouchError } from "../core/errors.js";
import type { AnnotatedProblem } from "../core/problem.js";
import { TaskKind, TrajectoryResult } from "../core/trajectory-result.js";
import { openResumableWriter, type ResumableWriter } from "../dataset/resumable-writer.js";
import { defaultCacheDir, ResultCache } from "../exec/result-cache.js";
import { openSandboxes, parseLimits } from "../exec/sandboxes.js";
import { TaskExec } from "../exec/task-exec.js";
import type { Llm } from "../llm/types.js";
import type { SandboxLimitsInput } from "../sandbox/limits.js";
import type { Isolation, SandboxProvider } from "../sandbox/types.js";
import type { GenerationContext, GenerationSpec } from "../tasks/generation.js";
import { GENERATORS } from "../tasks/generators.js";
import type { TrajectoryContext } from "../tasks/verify-trajectory.js";
import type { TrajectoryJudge } from "../tasks/types.js";
import { readProblems } from "./read-annotated.js";
import { SeedRuns } from "./seed-bugs.js";
import { donePairs, keeps, runPair, type Keep, type PairOutcome } from "./run-pair.js";
import { GenerateSummaryBuilder, type GenerateSummary } from "./summary.js";

export interface GenerateOptions {
  /** Annotated problems: JSONL (or Parquet). */
  input: string;
  /** Records JSONL (appended; problems whose records of a kind are already there are skipped). */
  output: string;
  /** The kinds to generate; every kind with a generator when omitted. */
  tasks?: TaskKind[];
  llm: Llm;
  /** The judge stage of every verification (src/judge); absent: skipped. */
  judge?: TrajectoryJudge;
  keep?: Keep;
  /** Most turns of a repair conversation, the first attempt included. */
  maxTurns?: number;
  /** Problem-kind pairs generated at once (and sandboxes in the pool). */
  concurrency?: number;
  isolation?: Isolation;
  limits?: SandboxLimitsInput;
  /** Verification result cache directory, or false for none. */
  cacheDir?: string | false;
  image?: string;
  /** A provider to use instead of the Docker one (tests of the orchestration). */
  provider?: SandboxProvider;
  onStart?: (info: { image: string; resumed: number; kinds: TaskKind[] }) => void;
  /** One problem and kind done: "pass"/"fail" (all its records passed / one failed), "skipped", "model-failure"... */
  onPair?: (info: { problem: string; kind: TaskKind; outcome: string }) => void;
  onInvalid?: (line: number, error: string) => void;
  log?: (line: string) => void;
}

export const DEFAULT_MAX_TURNS = 3;

// The kinds asked for, each with its generator; a kind without one is a USAGE error naming those there are.
export function generatorsFor(kinds: readonly TaskKind[] | undefined): GenerationSpec[] {
  const known = Object.values(GENERATORS);
  if (!kinds) return known;
  return kinds.map((k) => {
    const g = GENERATORS[k];
    if (!g) throw new VouchError("USAGE", `no generator for ${k} yet (there are: ${known.map((s) => s.kind).join(", ")})`);
    return g;
  });
}

// A pair's outcome as one progress word.
function outcomeWord(o: PairOutcome): string {
  if (o.kind !== "records") return o.kind;
  if (!o.verified.length) return o.skipped ? "skipped" : "done";
  const v = o.verified.map((x) => x.result.verdict);
  return v.includes("infra-error") ? "infra-error" : v.includes("fail") ? "fail" : "pass";
}

// Generates trajectories for annotated problems: each kind's generator per problem, every candidate verified
// in the sandbox with its kind's verifier, records kept by --keep written with their verification, resumably.
// A model failure on one problem is counted and the batch goes on; an unreachable endpoint stops it.
export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
  const t0 = performance.now();
  const specs = generatorsFor(opts.tasks);
  const kinds = specs.map((s) => s.kind);
  const limits = parseLimits(opts.limits);
  const keep = opts.keep ?? "passed";
  await assertInput(opts.input);
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const sandboxes = await openSandboxes(opts, limits, concurrency);
  const summary = new GenerateSummaryBuilder(kinds);
  const pool = new BatchPool(concurrency);
  let writer: ResumableWriter | undefined;
  try {
    const out = (writer = await openResumableWriter(opts.output));
    const done = donePairs(out.done, kinds);
    opts.onStart?.({ image: sandboxes.image, resumed: done.size, kinds });
    const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
    const exec = new TaskExec(sandboxes.provider, limits);
    const modules = imageModules();
    const tctx: TrajectoryContext = {
      exec,
      modules,
      image: sandboxes.image,
      ...(sandboxes.imageDigest ? { imageDigest: sandboxes.imageDigest } : {}),
      limits,
      ...(cacheDir ? { cache: new ResultCache(cacheDir, TrajectoryResult) } : {}),
      ...(opts.judge ? { judge: opts.judge } : {}),
    };
    const gctx: GenerationContext = { llm: opts.llm, exec, modules, maxTurns: opts.maxTurns ?? DEFAULT_MAX_TURNS, seedRuns: new SeedRuns(), ...(opts.log ? { log: opts.log } : {}) };
    let stopping = false;

    // Books one pair's outcome: counts, written records, the stop conditions.
    const settle = async (p: AnnotatedProblem, kind: TaskKind, o: PairOutcome) => {
      if (o.kind === "stop") {
        summary.stop(o.code, `${o.message}. Records so far are in ${opts.output}; run again to resume.`);
        stopping = true;
      } else if (o.kind === "model-failure") summary.modelFailure(kind, p.id, o.message);
      else if (o.kind === "infra-error") summary.infraError(kind, p.id, o.message);
      else {
        summary.counters(kind, o.counters);
        if (!o.verified.length && o.skipped) summary.skipped(kind, o.skipped);
        for (const { record, result } of o.verified) {
          const kept = keeps(keep, result.verdict);
          if (kept) await out.write({ ...record, verification: result });
          summary.verified(kind, p.id, result, kept);
        }
      }
      const word = outcomeWord(o);
      pool.outcome(word !== "infra-error" ? undefined : o.kind === "infra-error" ? o.message : "a verification hit a sandbox failure");
      if (pool.broken && !stopping) {
        summary.stop("SANDBOX_UNAVAILABLE", `the sandbox failed ${MAX_INFRA_STREAK} times in a row. Records so far are in ${opts.output}; run again to resume.`);
        stopping = true;
      }
      opts.onPair?.({ problem: p.id, kind, outcome: word });
    };

    outer: for await (const item of readProblems(opts.input)) {
      if (!item.ok) {
        summary.invalid(item.line, item.error, item.id);
        opts.onInvalid?.(item.line, item.error);
        continue;
      }
      const p = item.value;
      summary.problem();
      for (const spec of specs) {
        if (stopping) break outer;
        if (done.has(`${p.id}:${spec.kind}`)) {
          summary.resumed(spec.kind);
          continue;
        }
        const reason = spec.skip?.(p);
        if (reason) {
          summary.skipped(spec.kind, reason);
          opts.onPair?.({ problem: p.id, kind: spec.kind, outcome: "skipped" });
          continue;
        }
        await pool.add(() => runPair(p, spec, gctx, tctx, out.done).then((o) => settle(p, spec.kind, o)));
      }
    }
    await pool.drain();
  } finally {
    await pool.settle();
    await writer?.close();
    await sandboxes.close();
  }
  return summary.finish(performance.now() - t0, opts.llm.usage());
}
