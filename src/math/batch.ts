import { readJsonl, type Shard } from "../dataset/jsonl-reader.js";
import { openResumableWriter } from "../dataset/resumable-writer.js";
import { evaluateRecord } from "./evaluate.js";
import type { Judge } from "./judge.js";
import { MathLabel, MathRecord, type AnswerVerdict, type MathResult } from "./schema.js";

export interface MathOptions {
  input: string;
  output: string;
  shard?: Shard;
  /** Optional semantic judge for steps left unverifiable (none: fully offline). */
  judge?: Judge;
  onStart?: (info: { resumed: number }) => void;
  onResult?: (r: MathResult) => void;
  onInvalid?: (line: number, error: string) => void;
}

export interface MathSummary {
  /** Records evaluated in this run. */
  evaluated: number;
  /** Ids already in the output, skipped. */
  resumed: number;
  /** file:line messages of malformed or schema-invalid lines (and duplicate ids). */
  invalidLines: string[];
  /** Records with at least one step flagged as an error. */
  withError: number;
  errorRate: number;
  steps: Record<MathLabel, number>;
  finalAnswers: Record<AnswerVerdict, number>;
  durationMs: number;
  solutionsPerSecond: number;
}

// Evaluates a JSONL batch of math solutions: streams the input, skips ids already in the output, appends one
// result line per record, reports bad lines by file:line and field path and goes on.
// A summary before any solution is evaluated (`resumed`: solutions already in the output).
export function emptyMathSummary(resumed: number): MathSummary {
  return {
    evaluated: 0,
    resumed,
    invalidLines: [],
    withError: 0,
    errorRate: 0,
    steps: Object.fromEntries(MathLabel.options.map((l) => [l, 0])) as Record<MathLabel, number>,
    finalAnswers: { equivalent: 0, different: 0, unverifiable: 0 },
    durationMs: 0,
    solutionsPerSecond: 0,
  };
}

// Counts one evaluated solution in the summary.
export function countMathResult(summary: MathSummary, result: MathResult): void {
  summary.evaluated++;
  if (result.first_error_step >= 0) summary.withError++;
  for (const s of result.steps) summary.steps[s.label]++;
  summary.finalAnswers[result.final_answer.verdict]++;
}

// The summary's rates once the batch started at `t0` (performance.now()) has ended.
export function finishMathSummary(summary: MathSummary, t0: number): MathSummary {
  summary.durationMs = performance.now() - t0;
  summary.errorRate = summary.evaluated ? summary.withError / summary.evaluated : 0;
  summary.solutionsPerSecond = summary.evaluated / Math.max(0.001, summary.durationMs / 1000);
  return summary;
}

export async function math(opts: MathOptions): Promise<MathSummary> {
  const t0 = performance.now();
  const writer = await openResumableWriter(opts.output);
  const resumed = writer.done.size;
  const summary = emptyMathSummary(resumed);
  opts.onStart?.({ resumed });
  const seen = new Map<string, number>();
  let queued = 0;
  try {
    for await (const item of readJsonl(opts.input, MathRecord, opts.shard ? { shard: opts.shard } : {})) {
      if (!item.ok) {
        summary.invalidLines.push(item.error);
        opts.onInvalid?.(item.line, item.error);
        continue;
      }
      const id = item.value.record.id;
      const first = seen.get(id);
      if (first !== undefined) {
        const error = `${opts.input}:${item.line} id: duplicate id ${JSON.stringify(id)} (first on line ${first})`;
        summary.invalidLines.push(error);
        opts.onInvalid?.(item.line, error);
        continue;
      }
      seen.set(id, item.line);
      if (writer.done.has(id)) continue;
      const result = await evaluateRecord(item.value, opts.judge ? { judge: opts.judge } : {});
      // the writer keeps order; waiting on every 64th write bounds what is queued without a round-trip per record
      const written = writer.write(result);
      if (++queued % 64 === 0) await written;
      countMathResult(summary, result);
      opts.onResult?.(result);
    }
  } finally {
    await writer.close();
  }
  return finishMathSummary(summary, t0);
}

// The summary as a few plain lines.
export function formatMathSummary(s: MathSummary): string {
  const labels = Object.entries(s.steps).filter(([, n]) => n > 0).map(([l, n]) => `${l} ${n}`).join(", ");
  return [
    `math: ${s.evaluated} evaluated${s.resumed ? `, ${s.resumed} already done` : ""}, ${s.withError} with an error step (${(100 * s.errorRate).toFixed(1)}%), ${s.solutionsPerSecond.toFixed(0)} solutions/s`,
    `steps: ${labels || "none"}`,
    `final answers: equivalent ${s.finalAnswers.equivalent}, different ${s.finalAnswers.different}, unverifiable ${s.finalAnswers.unverifiable}`,
    ...(s.invalidLines.length ? [`invalid lines (${s.invalidLines.length}):`, ...s.invalidLines.map((l) => `  ${l}`)] : []),
  ].join("\n");
}
