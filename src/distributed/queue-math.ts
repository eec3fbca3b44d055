import { readJsonl } from "../dataset/jsonl-reader.js";
import { openResumableWriter } from "../dataset/resumable-writer.js";
import { countMathResult, emptyMathSummary, finishMathSummary, type MathOptions, type MathSummary } from "../math/batch.js";
import { MathRecord, type MathResult } from "../math/schema.js";
import { SandboxLimits } from "../sandbox/limits.js";
import { produce, type AdmittedLine, type QueueRunOptions } from "./producer.js";

// `vouch math --queue`: the batch of `math` (same output, resume and summary), evaluated by queue workers.
export async function queueMath(opts: MathOptions & QueueRunOptions): Promise<MathSummary> {
  const t0 = performance.now();
  const writer = await openResumableWriter(opts.output);
  const s = emptyMathSummary(writer.done.size);
  const invalid = (line: number, error: string) => {
    s.invalidLines.push(error);
    opts.onInvalid?.(line, error);
  };
  async function* admitted(): AsyncGenerator<AdmittedLine> {
    const seen = new Map<string, number>();
    for await (const item of readJsonl(opts.input, MathRecord, opts.shard ? { shard: opts.shard } : {})) {
      if (!item.ok) {
        invalid(item.line, item.error);
        continue;
      }
      const id = item.value.record.id;
      const first = seen.get(id);
      if (first !== undefined) invalid(item.line, `${opts.input}:${item.line} id: duplicate id ${JSON.stringify(id)} (first on line ${first})`);
      else {
        seen.set(id, item.line);
        yield { line: item.line, id, text: JSON.stringify(item.raw) };
      }
    }
  }
  try {
    opts.onStart?.({ resumed: s.resumed });
    await produce({
      ...opts,
      kind: "math",
      spec: { limits: SandboxLimits.parse({}), staticOnly: true, cache: false, repeat: 1 },
      writer,
      lines: admitted(),
      onSkip: () => undefined,
      onResult: (line) => {
        const r = line as unknown as MathResult;
        countMathResult(s, r);
        opts.onResult?.(r);
      },
      onInvalid: (i) => invalid(i.line, i.error),
    });
  } finally {
    await writer.close();
  }
  return finishMathSummary(s, t0);
}
