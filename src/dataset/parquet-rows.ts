import { parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { asyncBufferFromFile } from "hyparquet/src/node.js";

// Columns that datasets store as JSON text in Parquet; parsed back when they hold an object or an array.
const JSON_TEXT = /^\s*[[{]/;

// Converts Parquet values to plain JSON values: bigint to number (or string when unsafe), JSON text parsed.
function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

// Decodes a string cell that holds a JSON object or array (e.g. a `tests` column); other strings unchanged.
function maybeJson(value: unknown): unknown {
  if (typeof value !== "string" || !JSON_TEXT.test(value)) return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

// Streams the rows of a Parquet file one row group at a time, as plain objects with their 1-based row number
// in `line` (the place a JSONL record would give).
export async function* readParquetRows(path: string): AsyncGenerator<{ line: number; record: Record<string, unknown> }> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    const rows = await parquetReadObjects({ file, metadata, rowStart: start, rowEnd: end });
    for (const [i, r] of rows.entries()) {
      const record = Object.fromEntries(Object.entries(plain(r) as Record<string, unknown>).map(([k, v]) => [k, maybeJson(v)]));
      yield { line: start + i + 1, record };
    }
    start = end;
  }
}
