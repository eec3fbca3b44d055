import type { TrajectoryResult } from "../core/trajectory-result.js";
import type { VerifyResult } from "../core/result.js";
import { assertInput } from "../dataset/jsonl-reader.js";
import { openResumableWriter } from "../dataset/resumable-writer.js";
import { parseLimits } from "../exec/sandboxes.js";
import type { VerifyOptions } from "../pipeline/verify.js";
import { SummaryBuilder, type BatchSummary } from "../report/summary.js";
import { imageTags } from "../sandbox/image.js";
import { taskFor } from "../tasks/registry.js";
import type { BatchAggregator, TaskDefinition } from "../tasks/types.js";
import { admittedLines, produce, type QueueRunOptions } from "./producer.js";


// `vouch verify --queue`: the batch of `verify` (same output, resume and summary), verified by queue workers.
export async function queueVerify(opts: VerifyOptions & QueueRunOptions): Promise<BatchSummary> {
  const t0 = performance.now();
  const limits = parseLimits(opts.limits);
  await assertInput(opts.input);
  const summary = new SummaryBuilder();
  const aggregators = new Map<TaskDefinition<unknown>, BatchAggregator<unknown>>();
  const writer = await openResumableWriter(opts.output, { redo: (r) => r.verdict === "infra-error" });
  const image = opts.staticOnly ? undefined : (opts.image ?? imageTags().image);
  const invalid = (line: number, error: string, id?: string) => {
    summary.addInvalid(line, error, id);
    opts.onInvalid?.(line, error);
  };
  try {
    opts.onStart?.({ image: image ?? "(static only)", resumed: writer.done.size });
    await produce({
      ...opts,
      kind: "verify",
      ...(image ? { image } : {}),
      spec: { limits, staticOnly: Boolean(opts.staticOnly), cache: opts.cacheDir !== false, repeat: 1 },
      writer,
      lines: admittedLines(opts.input, opts.shard, invalid),
      onSkip: () => summary.skipped(1),
      onResult: (line, text) => {
        const r = line as unknown as VerifyResult | TrajectoryResult;
        summary.add(r);
        // a batch-level report (difficulty calibration) is fed every result of its kind, as verify does
        const def = "task" in r ? taskFor(r.task) : undefined;
        if (def?.batch && text) {
          const parsed = def.schema.safeParse(JSON.parse(text));
          if (parsed.success) {
            if (!aggregators.has(def)) aggregators.set(def, def.batch());
            aggregators.get(def)!.add(parsed.data, r as TrajectoryResult);
          }
        }
        opts.onResult?.(r);
      },
      onInvalid: (i) => invalid(i.line, i.error, i.id),
    });
  } finally {
    await writer.close();
  }
  for (const [def, agg] of aggregators) {
    const report = agg.finish();
    if (report) summary.addBatchReport(def.kind, report);
  }
  return summary.finish(performance.now() - t0);
}
