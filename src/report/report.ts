// `vouch report`: a results file (and optionally the trajectory records) to one self-contained HTML page.
import { mkdir, writeFile } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { z } from "zod";
import { readJsonl } from "../dataset/jsonl-reader.js";
import { difficultyOf } from "../dataset/difficulty.js";
import { buildModel, type ReportModel } from "./html/model.js";
import { chartJsBundle, renderHtml } from "./html/page.js";
import { latestResults } from "./results-file.js";

export const ReportOptions = z.object({
  /** Results JSONL: `vouch verify` output (trajectory and code results) or generated records with `verification`. */
  input: z.string().min(1),
  /** Where the HTML page goes. */
  html: z.string().min(1),
  /** Trajectory records (JSONL) whose ids match the results: the claims of the drill-down, and difficulty buckets. */
  trajectories: z.array(z.string().min(1)).default([]),
  title: z.string().optional(),
});
export type ReportOptionsInput = z.input<typeof ReportOptions>;

/** What was written, with the headline numbers. */
export interface ReportOutcome {
  html: string;
  bytes: number;
  totals: ReportModel["totals"];
  /** Trajectory records read, and lines of those files that were not JSON objects with an id. */
  records: number;
  recordLinesSkipped: number;
}

const JsonObject = z.record(z.string(), z.unknown());

// Trajectory records by id from JSONL files (the last one wins on a repeated id); other lines counted.
export async function readRecords(files: readonly string[]): Promise<{ records: Map<string, Record<string, unknown>>; skipped: number }> {
  const records = new Map<string, Record<string, unknown>>();
  let skipped = 0;
  for (const file of files) {
    for await (const item of readJsonl(file, JsonObject)) {
      if (item.ok && typeof item.value.id === "string") records.set(item.value.id, item.value);
      else skipped++;
    }
  }
  return { records, skipped };
}

// Builds the report model of a results file (no page): what the HTML shows, for tests and other front ends.
export async function reportModel(input: ReportOptionsInput): Promise<ReportModel & { recordLinesSkipped: number; recordsRead: number }> {
  const o = ReportOptions.parse(input);
  const { entries, unread } = await latestResults(o.input);
  const { records, skipped } = await readRecords(o.trajectories);
  const model = buildModel({ entries, unread, records, difficulty: difficultyOf, title: o.title ?? `Vouch report: ${basename(o.input)}`, source: o.input });
  return { ...model, recordLinesSkipped: skipped, recordsRead: records.size };
}

// Writes the HTML report of a results file and returns its headline numbers.
export async function report(input: ReportOptionsInput): Promise<ReportOutcome> {
  const o = ReportOptions.parse(input);
  const { recordLinesSkipped, recordsRead, ...model } = await reportModel(o);
  const page = renderHtml(model, await chartJsBundle());
  await mkdir(dirname(o.html), { recursive: true });
  await writeFile(o.html, page);
  return { html: o.html, bytes: Buffer.byteLength(page), totals: model.totals, records: recordsRead, recordLinesSkipped };
}
