import { BatchPool, MAX_INFRA_STREAK } from "../exec/batch-pool.js";
import { basename } from "node:path";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { TaskExec } from "../exec/task-exec.js";
import { assertInput, formatIssues, readJsonl } from "../dataset/jsonl-reader.js";
import { openResumableWriter, type ResumableWriter } from "../dataset/resumable-writer.js";
import { openSandboxes, parseLimits } from "../exec/sandboxes.js";
import type { SandboxLimitsInput } from "../sandbox/limits.js";
import type { Isolation, SandboxProvider } from "../sandbox/types.js";
import { ErrorRecoveryMulti } from "../tasks/error-recovery-multi/schema.js";
import { planRecord, planTranscript, type ReplayPlan } from "./plan.js";
import { rewriteTrajectory } from "./rewrite.js";
import { runReplay } from "./run.js";
import { Transcript, type ReplayResult } from "./schema.js";
import { ReplaySummaryBuilder, type ReplaySummary } from "./summary.js";

export interface ReplayOptions {
  input: string;
  output: string;
  /** Runs of every execution; >= 2 tells flaky turns apart. */
  repeat?: number;
  /** Also write a corrected copy of each trajectory here. */
  rewrite?: string;
  keepStaleTurns?: boolean;
  concurrency?: number;
  isolation?: Isolation;
  limits?: SandboxLimitsInput;
  image?: string;
  /** A provider to use instead of the Docker one. */
  provider?: SandboxProvider;
  onStart?: (info: { image: string; resumed: number }) => void;
  onResult?: (r: ReplayResult) => void;
  onInvalid?: (line: number, error: string) => void;
  log?: (line: string) => void;
}

const Incoming = z.looseObject({ id: z.string().min(1), task: z.string().optional(), messages: z.unknown().optional() });

// An input line as a replay plan, or the reason it is not a trajectory replay reads.
function planOf(raw: z.output<typeof Incoming>, file: string, line: number): { plan: ReplayPlan } | { error: string } {
  if (raw.task !== undefined && raw.task !== "error-recovery-multi") {
    return { error: `${file}:${line} task: replay reads "error-recovery-multi" records and chat transcripts, not ${JSON.stringify(raw.task)}` };
  }
  if (raw.task === undefined && raw.messages === undefined) return { error: `${file}:${line}: neither an error-recovery-multi record (task) nor a transcript (messages)` };
  if (raw.task !== undefined) {
    const p = ErrorRecoveryMulti.safeParse(raw);
    return p.success ? { plan: planRecord(p.data) } : { error: formatIssues(file, line, p.error) };
  }
  const p = Transcript.safeParse(raw);
  return p.success ? { plan: planTranscript(p.data) } : { error: formatIssues(file, line, p.error) };
}

// Replays a JSONL batch of multi-turn trajectories: streams the input, skips ids already in the output (and in the
// rewrite, when asked), runs each turn's code in sandboxes, appends a result line per trajectory (and its
// corrected copy), and summarises. A malformed line is reported and skipped.
export async function replay(opts: ReplayOptions): Promise<ReplaySummary> {
  const t0 = performance.now();
  const limits = parseLimits(opts.limits);
  const repeat = Math.max(1, opts.repeat ?? 1);
  await assertInput(opts.input);
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const sandboxes = await openSandboxes(opts, limits, concurrency);
  const summary = new ReplaySummaryBuilder(repeat);
  const pool = new BatchPool(concurrency);
  let out: ResumableWriter | undefined;
  let fixed: ResumableWriter | undefined;
  try {
    out = await openResumableWriter(opts.output, { redo: (r) => r.verdict === "infra-error" });
    fixed = opts.rewrite ? await openResumableWriter(opts.rewrite) : undefined;
    const resumedIds = new Set([...out.done].filter((id) => !fixed || fixed.done.has(id)));
    opts.onStart?.({ image: sandboxes.image, resumed: resumedIds.size });
    const exec = new TaskExec(sandboxes.provider, limits);
    const name = basename(opts.input);
    const seen = new Set<string>();
    for await (const item of readJsonl(opts.input, Incoming)) {
      const invalid = (error: string, id?: string) => {
        summary.invalid(item.line, error, id);
        opts.onInvalid?.(item.line, error);
      };
      if (!item.ok) {
        invalid(item.error, item.id);
        continue;
      }
      const id = item.value.id;
      if (seen.has(id)) {
        invalid(`${name}:${item.line}: duplicate id ${JSON.stringify(id)} (first kept)`, id);
        continue;
      }
      const planned = planOf(item.value, name, item.line);
      if ("error" in planned) {
        invalid(planned.error, id);
        continue;
      }
      seen.add(id);
      if (resumedIds.has(id)) {
        summary.resumed(1);
        continue;
      }
      if (pool.broken) break;
      const writeOut = !out.done.has(id); // already there: only its rewrite was lost
      const writeFixed = fixed !== undefined && !fixed.done.has(id);
      const o = out;
      await pool.add(() => runReplay(planned.plan, exec, { repeat, image: sandboxes.image }).then(async (r) => {
        // a flaky trajectory has no one real feedback to write: it is left out of the rewrite, and counted
        if (fixed && writeFixed && r.verdict === "flaky") summary.leftOutFlaky(opts.rewrite!);
        else if (fixed && writeFixed && r.verdict !== "infra-error") {
          const w = rewriteTrajectory(item.value, planned.plan, r, { keepStaleTurns: opts.keepStaleTurns });
          await fixed.write(w.record as { id: string });
          summary.rewrote(opts.rewrite!, w.rewritten.length, w.dropped);
        }
        if (writeOut) await o.write(r);
        summary.add(r);
        opts.onResult?.(r);
        pool.outcome(r.verdict === "infra-error" ? (r.reason ?? "infra-error") : undefined);
      }));
    }
    await pool.drain();
    if (pool.broken) {
      throw new VouchError("SANDBOX_UNAVAILABLE", `the sandbox failed on ${MAX_INFRA_STREAK} trajectories in a row, stopping (last: ${pool.broken}). Results so far are in ${opts.output}; run again to resume.`);
    }
  } finally {
    await pool.settle();
    await out?.close();
    await fixed?.close();
    await sandboxes.close();
  }
  return summary.finish(performance.now() - t0);
}
