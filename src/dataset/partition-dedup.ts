import type { TrajectoryResult } from "../core/trajectory-result.js";
import { createMinHasher, estimateJaccard, LshIndex, lshParams, type MinHasher } from "./minhash.js";
import { normalizeCode, normalizeProse, shingles } from "./normalize-text.js";
import { allProse, codeVersions } from "./partition-record.js";

// Near-duplicate removal for partition: MinHash over normalised code and prose, LSH banding for candidates,
// then the estimated Jaccard against the threshold. Only records whose verification agrees (same kind, verdict,
// first wrong step and error types) can be duplicates: a flawed twin of a sound record teaches something else.

/** Code shingles are CODE_K tokens long, prose shingles PROSE_K words. */
export const CODE_K = 5;
export const PROSE_K = 1;

// The shingle set of a record: code token k-grams of every code version, and prose word k-grams.
function recordShingles(record: unknown): string[] {
  const out: string[] = [];
  const names = new Map<string, string>(); // one renaming for all code versions and the prose quoting them
  for (const code of codeVersions(record)) out.push(...shingles(normalizeCode(code, names), CODE_K, "c:"));
  out.push(...shingles(normalizeProse(allProse(record).join(" \n "), names), PROSE_K, "t:"));
  return out;
}

// What must agree between two records before their content is compared.
export function labelGroup(result: TrajectoryResult): string {
  return [result.task, result.verdict, result.firstWrongStep, result.errors.join(",")].join("|");
}

export interface DuplicateHit {
  duplicateOf: string;
  similarity: number;
}

// Streams records in order; each one is either new (kept, indexed) or a duplicate of an earlier kept one.
export class Deduper {
  private readonly hasher: MinHasher;
  private readonly index: LshIndex<number>;
  private readonly kept: { id: string; sig: Uint32Array }[] = [];

  constructor(readonly threshold: number, numPerm?: number, seed?: number) {
    this.hasher = createMinHasher(numPerm, seed);
    const { bands, rows } = lshParams(threshold, this.hasher.numPerm);
    this.index = new LshIndex(bands, rows);
  }

  // The earliest most similar kept record at or above the threshold, or undefined (then this one is kept).
  check(id: string, record: unknown, group: string): DuplicateHit | undefined {
    const sig = this.hasher.signature(recordShingles(record));
    let best: { n: number; sim: number } | undefined;
    for (const n of this.index.candidates(sig, group)) {
      const sim = estimateJaccard(sig, this.kept[n]!.sig);
      if (sim >= this.threshold && (!best || sim > best.sim || (sim === best.sim && n < best.n))) best = { n, sim };
    }
    if (best) return { duplicateOf: this.kept[best.n]!.id, similarity: Math.round(best.sim * 1000) / 1000 };
    this.index.add(sig, this.kept.length, group);
    this.kept.push({ id, sig });
    return undefined;
  }
}
