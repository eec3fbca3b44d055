import { VouchError } from "../core/errors.js";
import { assertInput } from "../dataset/jsonl-reader.js";
import { openResumableWriter } from "../dataset/resumable-writer.js";
import { parseLimits } from "../exec/sandboxes.js";
import type { ReplayOptions } from "../replay/replay.js";
import type { ReplayResult } from "../replay/schema.js";
import { ReplaySummaryBuilder, type ReplaySummary } from "../replay/summary.js";
import { imageTags } from "../sandbox/image.js";
import { admittedLines, produce, type QueueRunOptions } from "./producer.js";


// `vouch replay --queue`: the batch of `replay` (same output, resume and summary), replayed by queue workers.
export async function queueReplay(opts: ReplayOptions & QueueRunOptions): Promise<ReplaySummary> {
  if (opts.rewrite) throw new VouchError("USAGE", "--rewrite is not available with --queue yet: replay locally to write the corrected copy");
  const t0 = performance.now();
  const limits = parseLimits(opts.limits);
  const repeat = Math.max(1, opts.repeat ?? 1);
  await assertInput(opts.input);
  const summary = new ReplaySummaryBuilder(repeat);
  const writer = await openResumableWriter(opts.output, { redo: (r) => r.verdict === "infra-error" });
  const image = opts.image ?? imageTags().image;
  const invalid = (line: number, error: string, id?: string) => {
    summary.invalid(line, error, id);
    opts.onInvalid?.(line, error);
  };
  try {
    opts.onStart?.({ image, resumed: writer.done.size });
    await produce({
      ...opts,
      kind: "replay",
      image,
      spec: { limits, staticOnly: false, cache: false, repeat },
      writer,
      lines: admittedLines(opts.input, undefined, invalid),
      onSkip: () => summary.resumed(1),
      onResult: (line) => {
        const r = line as unknown as ReplayResult;
        summary.add(r);
        opts.onResult?.(r);
      },
      onInvalid: (i) => invalid(i.line, i.error, i.id),
    });
  } finally {
    await writer.close();
  }
  return summary.finish(performance.now() - t0);
}
