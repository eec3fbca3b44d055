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
  /** Solutions whose first flagged step is claimed as their first error (first_error_exact). */
  flagged: number;
  /** Of those, the ones whose claimed first error is the labelled first error. */
  flaggedAtFirstError: number;
  firstErrorPrecision: number;
  /** Solutions flagged after claims Vouch could not decide: the first error is claimed at or before the flag. */
  bounded: number;
  /** Of those, the ones with a labelled first error at or before the flagged step (the bound holds). */
  boundedRight: number;
  /** Solutions with any step flagged, bounds included, and those whose first flagged step is the labelled first error:
   * the first-flag precision as measured before bounds existed (every first flag read as a first-error claim). */
  anyFlagged: number;
  anyFlagAtFirstError: number;
  /** Flawed solutions whose first error was found at the right step. */
  found: number;
  recall: number;
  /** Of those found at the right step, how many got the right label. */
  labelAgreement: number;
  /** ProcessBench F1: harmonic mean of the accuracy on clean solutions (nothing flagged: the specificity) and on
   * flawed ones (flagged first at the labelled step: the recall). */
  f1: number;
  /** expected label -> predicted label (of the first flagged step) -> count; "none" for no error. */
  confusion: Record<string, Record<string, number>>;
  mistakes: Array<{ id: string; expected: ExpectedLabel; predicted: { step: number; label: string; evidence: string } }>;
  /** The same numbers per benchmark subset (the records' `subset` field), when the set has one. */
  subsets: Record<string, SubsetScore>;
  /** Mean of the subsets' F1 (how ProcessBench reports one number), when there are subsets. */
  meanSubsetF1?: number;
  invalidLines: string[];
}

export type Score = Omit<MathEvalReport, "invalidLines" | "subsets" | "meanSubsetF1">;
export type SubsetScore = Omit<Score, "mistakes">;

// The confusion table's column for a flag reported as a bound (the first error at or before it).
const BOUND = "at-or-before";

function ratio(a: number, b: number): number {
  return b === 0 ? 1 : a / b;
}

function harmonic(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

// Scores the evaluator on expected first errors (computed every time; the numbers are never stored).
export function scoreResults(pairs: Array<{ expected: ExpectedLabel; result: MathResult }>): Score {
  const r: Score = {
    records: 0, clean: 0, flawed: 0, cleanUnflagged: 0, specificity: 0, flagged: 0, flaggedAtFirstError: 0,
    firstErrorPrecision: 0, bounded: 0, boundedRight: 0, anyFlagged: 0, anyFlagAtFirstError: 0, found: 0, recall: 0, labelAgreement: 0, f1: 0, confusion: {}, mistakes: [],
  };
  let labelsRight = 0;
  for (const { expected, result } of pairs) {
    r.records++;
    // a flag after undecided claims is a bound (the first error is at or before it), not a claim of the first error:
    // it counts against specificity on a clean solution, and apart (as a bound) on a flawed one
    const bound = result.first_error_step >= 0 && result.first_error_exact === false;
    const predicted = bound ? -1 : result.first_error_step;
    const predictedStep = predicted >= 0 ? result.steps[predicted] : undefined;
    const want = expected.first_error_step < 0 ? "none" : (expected.label ?? "error");
    const got = bound ? BOUND : predictedStep ? predictedStep.label : "none";
    (r.confusion[want] ??= {})[got] = (r.confusion[want]![got] ?? 0) + 1;
    if (expected.first_error_step < 0) {
      r.clean++;
      if (result.first_error_step < 0) r.cleanUnflagged++;
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
    if (result.first_error_step >= 0) {
      r.anyFlagged++;
      if (result.first_error_step === expected.first_error_step) r.anyFlagAtFirstError++;
    }
    const boundHolds = expected.first_error_step >= 0 && expected.first_error_step <= result.first_error_step;
    if (bound) {
      r.bounded++;
      if (boundHolds) r.boundedRight++;
      else r.mistakes.push({ id: result.id, expected, predicted: { step: result.first_error_step, label: BOUND, evidence: result.steps[result.first_error_step]?.evidence ?? "" } });
    } else if (predicted !== expected.first_error_step || (predictedStep && expected.label && expected.label !== got)) {
      r.mistakes.push({ id: result.id, expected, predicted: { step: predicted, label: got, evidence: predictedStep?.evidence ?? "" } });
    }
  }
  r.specificity = ratio(r.cleanUnflagged, r.clean);
  r.firstErrorPrecision = ratio(r.flaggedAtFirstError, r.flagged);
  r.recall = ratio(r.found, r.flawed);
  r.labelAgreement = ratio(labelsRight, r.found);
  r.f1 = harmonic(r.specificity, r.recall);
  return r;
}

// Scores the whole set and each subset (records without a subset count only in the whole).
export function scoreSubsets(pairs: Array<{ expected: ExpectedLabel; result: MathResult; subset?: string }>): Omit<MathEvalReport, "invalidLines"> {
  const bySubset = new Map<string, typeof pairs>();
  for (const p of pairs) if (p.subset !== undefined) bySubset.set(p.subset, [...(bySubset.get(p.subset) ?? []), p]);
  const subsets: Record<string, SubsetScore> = {};
  for (const name of [...bySubset.keys()].sort()) {
    const { mistakes: _mistakes, ...score } = scoreResults(bySubset.get(name)!);
    subsets[name] = score;
  }
  const f1s = Object.values(subsets).map((s) => s.f1);
  return { ...scoreResults(pairs), subsets, ...(f1s.length ? { meanSubsetF1: f1s.reduce((a, b) => a + b, 0) / f1s.length } : {}) };
}

// Evaluates a labelled JSONL set and scores it.
export async function mathEval(input: string): Promise<MathEvalReport> {
  const pairs: Array<{ expected: ExpectedLabel; result: MathResult; subset?: string }> = [];
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
    const subset = item.value.record.subset;
    pairs.push({ expected, result: evaluateOffline(item.value), ...(subset !== undefined ? { subset } : {}) });
  }
  if (pairs.length === 0) throw new VouchError("INPUT_INVALID", `no labelled records in ${input}`);
  return { ...scoreSubsets(pairs), invalidLines };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

// The confusion table (rows: expected, columns: predicted label of the first flagged step).
function confusionTable(confusion: Score["confusion"], indent = ""): string[] {
  const cols = [...new Set(Object.values(confusion).flatMap((row) => Object.keys(row)))].sort();
  const rows = Object.keys(confusion).sort();
  const width = Math.max(10, ...cols.map((c) => c.length + 2));
  return [
    indent + "expected \\ predicted".padEnd(26) + cols.map((c) => c.padStart(width)).join(""),
    ...rows.map((row) => indent + row.padEnd(26) + cols.map((c) => String(confusion[row]![c] ?? 0).padStart(width)).join("")),
  ];
}

// One line per subset (and the whole): the counts behind each number, then the ProcessBench F1.
function subsetTable(r: MathEvalReport): string[] {
  const row = (name: string, s: SubsetScore) =>
    [
      name.padEnd(16),
      `${s.clean}/${s.flawed}`.padStart(9),
      `${pct(s.specificity)} (${s.cleanUnflagged}/${s.clean})`.padStart(19),
      `${pct(s.firstErrorPrecision)} (${s.flaggedAtFirstError}/${s.flagged})`.padStart(19),
      `${pct(s.recall)} (${s.found}/${s.flawed})`.padStart(19),
      pct(s.f1).padStart(8),
      `${s.boundedRight}/${s.bounded}`.padStart(10),
    ].join("");
  return [
    "subset".padEnd(16) + "clean/err".padStart(9) + "specificity".padStart(19) + "precision".padStart(19) + "recall".padStart(19) + "F1".padStart(8) + "bounds".padStart(10),
    ...Object.entries(r.subsets).map(([name, s]) => row(name, s)),
    row("all", r),
    ...(r.meanSubsetF1 !== undefined ? [`mean F1 over subsets (as ProcessBench reports it): ${pct(r.meanSubsetF1)}`] : []),
  ];
}

// The report as text: the numbers, the per-subset table when the set has subsets, then the confusion tables
// (rows: expected, columns: predicted).
export function formatMathEval(r: MathEvalReport): string {
  const subsets = Object.keys(r.subsets);
  return [
    `records: ${r.records} (${r.clean} clean, ${r.flawed} with one error)`,
    `specificity (clean solutions with no step flagged): ${pct(r.specificity)} (${r.cleanUnflagged}/${r.clean})`,
    `first-error precision (solutions whose first error is claimed exactly, at the labelled first error): ${pct(r.firstErrorPrecision)} (${r.flaggedAtFirstError}/${r.flagged})`,
    `first-error bounds (flagged after claims Vouch could not decide: first error at or before the flag), holding: ${r.boundedRight}/${r.bounded}`,
    `first flag at the labelled first error, bounds counted as claims (the measure before bounds): ${pct(ratio(r.anyFlagAtFirstError, r.anyFlagged))} (${r.anyFlagAtFirstError}/${r.anyFlagged})`,
    `recall (flawed solutions whose first error is claimed exactly at its step): ${pct(r.recall)} (${r.found}/${r.flawed})`,
    `F1 (harmonic mean of specificity and recall, as ProcessBench): ${pct(r.f1)}`,
    `label agreement (of those found): ${pct(r.labelAgreement)}`,
    ...(subsets.length ? ["", ...subsetTable(r)] : []),
    "",
    ...confusionTable(r.confusion),
    ...subsets.flatMap((name) => ["", `${name}:`, ...confusionTable(r.subsets[name]!.confusion, "  ")]),
    ...(r.invalidLines.length ? ["", `invalid lines (${r.invalidLines.length}):`, ...r.invalidLines.map((l) => `  ${l}`)] : []),
  ].join("\n");
}
