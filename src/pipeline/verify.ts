import { BatchPool, MAX_INFRA_STREAK } from "../exec/batch-pool.js";
import { basename } from "node:path";
import { z } from "zod";
import { imageModules } from "../analysis/modules.js";
import { CodeRecord } from "../core/code-record.js";
import { TrajectoryResult } from "../core/trajectory-result.js";
import type { BatchAggregator, TaskDefinition } from "../tasks/types.js";
import type { TrajectoryContext } from "../tasks/verify-trajectory.js";
import type { TrajectoryJudge } from "../tasks/types.js";
import { TaskExec } from "../exec/task-exec.js";
import { VouchError } from "../core/errors.js";
import type { VerifyResult } from "../core/result.js";
import { assertInput, formatIssues, readJsonl, type Shard } from "../dataset/jsonl-reader.js";
import { openResumableWriter, type ResumableWriter } from "../dataset/resumable-writer.js";
import { SummaryBuilder, type BatchSummary } from "../report/summary.js";
import type { SandboxLimits, SandboxLimitsInput } from "../sandbox/limits.js";
import type { Isolation, SandboxProvider } from "../sandbox/types.js";
import { defaultCacheDir, ResultCache } from "../exec/result-cache.js";
import { verifyRecord, type RecordContext } from "../exec/verify-record.js";
import { openSandboxes, parseLimits, type Sandboxes } from "../exec/sandboxes.js";

export interface VerifyOptions {
  input: string;
  output: string;
  concurrency?: number;
  isolation?: Isolation;
  limits?: SandboxLimitsInput;
  /** A directory for the result cache, or false for none. */
  cacheDir?: string | false;
  shard?: Shard;
  /** Sandbox image; by default the current python image, built when missing. */
  image?: string;
  /** A provider to use instead of the Docker one (tests of the orchestration). */
  provider?: SandboxProvider;
  /** Only the schema and static stages of trajectories: no Docker; plain code records are refused. */
  staticOnly?: boolean;
  /** The judge stage of trajectories (src/judge); absent: skipped. */
  judge?: TrajectoryJudge;
  onResult?: (r: VerifyResult | TrajectoryResult) => void;
  onInvalid?: (line: number, error: string) => void;
  onStart?: (info: { image: string; resumed: number }) => void;
  log?: (line: string) => void;
}

// After this many infra errors in a row the engine is taken to be gone, and the batch stops.

// Limits and input checked before any sandbox starts: a bad value is a USAGE or INPUT_INVALID error.
async function checkInputs(opts: VerifyOptions): Promise<SandboxLimits> {
  const limits = parseLimits(opts.limits);
  await assertInput(opts.input);
  return limits;
}

// What each input line is: a plain code record, a trajectory of a known kind, or a line to report.
const Incoming = z.looseObject({ id: z.string().min(1), task: z.string().optional() });
type Incoming = z.output<typeof Incoming>;
type Routed =
  | { kind: "code"; rec: CodeRecord }
  | { kind: "trajectory"; def: TaskDefinition<unknown>; raw: Incoming }
  | { kind: "invalid"; error: string };

// The trajectory machinery (task verifiers, tree-sitter, diff), loaded at the first trajectory record: a batch of
// plain code records never pays for it at start-up.
let tasks: Promise<typeof import("../tasks/registry.js") & typeof import("../tasks/verify-trajectory.js")> | undefined;
const loadTasks = () =>
  (tasks ??= Promise.all([import("../tasks/registry.js"), import("../tasks/verify-trajectory.js")]).then(([r, v]) => ({ ...r, ...v })));

async function route(raw: Incoming, file: string, line: number, staticOnly: boolean): Promise<Routed> {
  if (raw.task !== undefined) {
    const { taskFor, TASKS } = await loadTasks();
    const def = taskFor(raw.task);
    if (def) return { kind: "trajectory", def, raw };
    return { kind: "invalid", error: `${file}:${line} task: unknown task ${JSON.stringify(raw.task)} (known: ${Object.keys(TASKS).join(", ")})` };
  }
  if (staticOnly) return { kind: "invalid", error: `${file}:${line}: a plain code record needs the sandbox; --static-only checks trajectory records only` };
  const parsed = CodeRecord.safeParse(raw);
  return parsed.success ? { kind: "code", rec: parsed.data } : { kind: "invalid", error: formatIssues(file, line, parsed.error) };
}

// Static-only runs need no sandbox; otherwise the shared opener (src/exec/sandboxes.ts).
async function sandboxesFor(opts: VerifyOptions, limits: SandboxLimits, size: number): Promise<Sandboxes | undefined> {
  return opts.staticOnly ? undefined : openSandboxes(opts, limits, size);
}

// Verifies a JSONL batch: streams the input, skips ids already in the output, runs records concurrently
// in sandboxes, appends one result line each, and summarises. A malformed line is reported and skipped.
export async function verify(opts: VerifyOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const limits = await checkInputs(opts);
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const sandboxes = await sandboxesFor(opts, limits, concurrency);
  const summary = new SummaryBuilder();
  // Jobs prepared ahead (input parsed, cache looked up) wait for a sandbox, so one is never idle while the next
  // record is read: twice the sandboxes in flight, the provider still running `concurrency` at once.
  const pool = new BatchPool(2 * concurrency);
  const aggregators = new Map<TaskDefinition<unknown>, BatchAggregator<unknown>>();
  let writer: ResumableWriter | undefined;
  try {
    // infra errors are not the code's verdict: a resumed run does those records again
    writer = await openResumableWriter(opts.output, { redo: (r) => r.verdict === "infra-error" });
    opts.onStart?.({ image: sandboxes?.image ?? "(static only)", resumed: writer.done.size });
    const cacheDir = opts.cacheDir === false ? undefined : (opts.cacheDir ?? defaultCacheDir());
    const cache = cacheDir ? new ResultCache(cacheDir) : undefined;
    const image = sandboxes?.image ?? "";
    const ctx: RecordContext | undefined = sandboxes && { provider: sandboxes.provider, image, imageDigest: sandboxes.imageDigest, limits, cache };
    const tctx: TrajectoryContext = {
      ...(sandboxes ? { exec: new TaskExec(sandboxes.provider, limits) } : {}),
      modules: imageModules(),
      image,
      ...(sandboxes?.imageDigest ? { imageDigest: sandboxes.imageDigest } : {}),
      limits,
      ...(cacheDir ? { cache: new ResultCache(cacheDir, TrajectoryResult) } : {}),
      ...(opts.judge ? { judge: opts.judge } : {}),
    };
    const out = writer;
    const name = basename(opts.input);
    const seen = new Set<string>();
    const invalid = (line: number, error: string, id?: string) => {
      summary.addInvalid(line, error, id);
      opts.onInvalid?.(line, error);
    };
    for await (const item of readJsonl(opts.input, Incoming, { shard: opts.shard })) {
      if (!item.ok) {
        invalid(item.line, item.error, item.id);
        continue;
      }
      if (seen.has(item.value.id)) {
        invalid(item.line, `${name}:${item.line}: duplicate id ${JSON.stringify(item.value.id)} (first kept)`, item.value.id);
        continue;
      }
      const routed = await route(item.value, name, item.line, Boolean(opts.staticOnly));
      if (routed.kind === "invalid") {
        invalid(item.line, routed.error, item.value.id);
        continue;
      }
      seen.add(item.value.id);
      if (out.done.has(item.value.id)) {
        summary.skipped(1);
        continue;
      }
      if (pool.broken) break;
      const run: Promise<VerifyResult | TrajectoryResult> =
        routed.kind === "code" ? verifyRecord(routed.rec, ctx!) : (await loadTasks()).verifyTrajectory(routed.def, routed.raw, tctx);
      await pool.add(() => run.then(async (r) => {
        await out.write(r);
        summary.add(r);
        if (routed.kind === "trajectory" && routed.def.batch) {
          const parsed = routed.def.schema.safeParse(routed.raw);
          if (parsed.success) {
            if (!aggregators.has(routed.def)) aggregators.set(routed.def, routed.def.batch());
            aggregators.get(routed.def)!.add(parsed.data, r as TrajectoryResult);
          }
        }
        opts.onResult?.(r);
        pool.outcome(r.verdict === "infra-error" ? (r.message ?? "infra-error") : undefined);
      }));
    }
    await pool.drain();
    if (pool.broken) {
      throw new VouchError(
        "SANDBOX_UNAVAILABLE",
        `the sandbox failed on ${MAX_INFRA_STREAK} records in a row, stopping (last: ${pool.broken}). ` +
          `Results so far are in ${opts.output}; run again to resume.`,
      );
    }
  } finally {
    await pool.settle();
    await Promise.all([writer?.close(), sandboxes?.close()]); // containers are removed while the output is flushed
  }
  for (const [def, agg] of aggregators) {
    const report = agg.finish();
    if (report) summary.addBatchReport(def.kind, report);
  }
  return summary.finish(performance.now() - t0);
}
