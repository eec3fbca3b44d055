import { basename } from "node:path";
import { z } from "zod";
import { VouchError } from "../core/errors.js";
import { assertInput, readJsonl } from "../dataset/jsonl-reader.js";
import { openResumableWriter } from "../dataset/resumable-writer.js";
import { parseLimits } from "../exec/sandboxes.js";
import type { ReplayOptions } from "../replay/replay.js";
import type { ReplayResult } from "../replay/schema.js";
import { ReplaySummaryBuilder, type ReplaySummary } from "../replay/summary.js";
import { imageTags } from "../sandbox/image.js";
import { produce, type AdmittedLine, type QueueRunOptions } from "./producer.js";

const Incoming = z.looseObject({ id: z.string().min(1) });

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
  const name = basename(opts.input);
  const invalid = (line: number, error: string, id?: string) => {
    summary.invalid(line, error, id);
    opts.onInvalid?.(line, error);
  };
  async function* admitted(): AsyncGenerator<AdmittedLine> {
    const seen = new Set<string>();
    for await (const item of readJsonl(opts.input, Incoming)) {
      if (!item.ok) invalid(item.line, item.error, item.id);
      else if (seen.has(item.value.id)) invalid(item.line, `${name}:${item.line}: duplicate id ${JSON.stringify(item.value.id)} (first kept)`, item.value.id);
      else {
        seen.add(item.value.id);
        yield { line: item.line, id: item.value.id, text: JSON.stringify(item.raw) };
      }
    }
  }
  try {
    opts.onStart?.({ image, resumed: writer.done.size });
    await produce({
      ...opts,
      kind: "replay",
      image,
      spec: { limits, staticOnly: false, cache: false, repeat },
      writer,
      lines: admitted(),
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
