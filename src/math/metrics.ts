import { readJsonl } from "../dataset/jsonl-reader.js";
import { VouchError } from "../core/errors.js";
import { evaluateOffline } from "./evaluate.js";
import { MathRecord, type ExpectedLabel, type MathResult } from "./schema.js";

// How well the evaluator finds first errors on a labelled set (records carrying `_label`).
export interface MathEvalReport {
  records: number;
  clean: number;
  flawed: number;
  /** Clean solutions with no step flagged / clean solutions (specificity). */
  cleanUnflagged: number;
  specificity: number;
  /** Solutions where a step was flagged. */
  flagged: number;
  /** Flagged solutions whose first flagged step is the labelled first error. */
  flaggedAtFirstError: number;
  firstErrorPrecision: number;
  /** Flawed solutions whose first error was found at the right step. */
  found: number;
  recall: number;
  /** Of those found at the right step, how many got the right label. */
  labelAgreement: number;
  /** expected label -> predicted label (of the first flagged step) -> count; "none" for no error. */
  confusion: Record<string, Record<string, number>>;
  mistakes: Array<{ id: string; expected: ExpectedLabel; predicted: { step: number; label: string; evidence: string } }>;
  invalidLines: string[];
}

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

// Scores the evaluator on expected first errors (computed every time; the numbers are never stored).
export function scoreResults(pairs: Array<{ expected: ExpectedLabel; result: MathResult }>): Omit<MathEvalReport, "invalidLines"> {
  const r: Omit<MathEvalReport, "invalidLines"> = {
    records: 0, clean: 0, flawed: 0, cleanUnflagged: 0, specificity: 0, flagged: 0, flaggedAtFirstError: 0,
    firstErrorPrecision: 0, found: 0, recall: 0, labelAgreement: 0, confusion: {}, mistakes: [],
  };
  let labelsRight = 0;
  for (const { expected, result } of pairs) {
    r.records++;
    const predicted = result.first_error_step;
    const predictedStep = predicted >= 0 ? result.steps[predicted] : undefined;
    const want = expected.first_error_step < 0 ? "none" : (expected.label ?? "error");
    const got = predictedStep ? predictedStep.label : "none";
    (r.confusion[want] ??= {})[got] = (r.confusion[want]![got] ?? 0) + 1;
    if (expected.first_error_step < 0) {
      r.clean++;
      if (predicted < 0) r.cleanUnflagged++;
    } else {
      r.flawed++;
      if (predicted === expected.first_error_step) {
        r.found++;
        if (!expected.label || expected.label === got) labelsRight++;
      }
    }
    if (predicted >= 0) {
      r.flagged++;
      if (predicted === expected.first_error_step) r.flaggedAtFirstError++;
    }
    if (predicted !== expected.first_error_step || (predictedStep && expected.label && expected.label !== got)) {
      r.mistakes.push({ id: result.id, expected, predicted: { step: predicted, label: got, evidence: predictedStep?.evidence ?? "" } });
    }
  }
  r.specificity = ratio(r.cleanUnflagged, r.clean);
  r.firstErrorPrecision = ratio(r.flaggedAtFirstError, r.flagged);
  r.recall = ratio(r.found, r.flawed);
  r.labelAgreement = ratio(labelsRight, r.found);
  return r;
}

// Evaluates a labelled JSONL set and scores it.
export async function mathEval(input: string): Promise<MathEvalReport> {
  const pairs: Array<{ expected: ExpectedLabel; result: MathResult }> = [];
  const invalidLines: string[] = [];
  for await (const item of readJsonl(input, MathRecord)) {
    if (!item.ok) {
      invalidLines.push(item.error);
      continue;
    }
    const expected = item.value.record._label;
    if (!expected) {
      invalidLines.push(`${input}:${item.line} _label: required in a labelled set`);
      continue;
    }
    pairs.push({ expected, result: evaluateOffline(item.value) });
  }
  if (pairs.length === 0) throw new VouchError("INPUT_INVALID", `no labelled records in ${input}`);
  return { ...scoreResults(pairs), invalidLines };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

// The report as text: the three numbers, then the confusion table (rows: expected, columns: predicted).
export function formatMathEval(r: MathEvalReport): string {
  const cols = [...new Set(Object.values(r.confusion).flatMap((row) => Object.keys(row)))].sort();
  const rows = Object.keys(r.confusion).sort();
  const width = Math.max(24, ...cols.map((c) => c.length + 2));
  const table = [
    "expected \\ predicted".padEnd(26) + cols.map((c) => c.padStart(width)).join(""),
    ...rows.map((row) => row.padEnd(26) + cols.map((c) => String(r.confusion[row]![c] ?? 0).padStart(width)).join("")),
  ];
  return [
    `records: ${r.records} (${r.clean} clean, ${r.flawed} with one error)`,
    `specificity (clean solutions with no step flagged): ${pct(r.specificity)} (${r.cleanUnflagged}/${r.clean})`,
    `first-error precision (flagged solutions whose first flag is the first error): ${pct(r.firstErrorPrecision)} (${r.flaggedAtFirstError}/${r.flagged})`,
    `recall (flawed solutions whose first error was found at its step): ${pct(r.recall)} (${r.found}/${r.flawed})`,
    `label agreement (of those found): ${pct(r.labelAgreement)}`,
    "",
    ...table,
    ...(r.invalidLines.length ? ["", `invalid lines (${r.invalidLines.length}):`, ...r.invalidLines.map((l) => `  ${l}`)] : []),
  ].join("\n");
}
