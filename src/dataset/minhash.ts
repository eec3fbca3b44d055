// MinHash signatures and LSH banding for near-duplicate detection, small and deterministic: the hash family
// is drawn from a seeded generator (splitmix32), so the same input and seed give the same signatures on
// every machine. (bloom-filters' MinHash draws its family from an unseeded Math.random and has no banding.)

export const DEFAULT_NUM_PERM = 128;
export const DEFAULT_SEED = 1;

// 32-bit FNV-1a of a string's UTF-16 code units, then murmur3's finaliser for avalanche.
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

// murmur3's 32-bit finaliser: a bijection on 32-bit integers with full avalanche.
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// splitmix32: a seeded stream of 32-bit integers (the hash family's keys).
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    return fmix32(state); // its output function is murmur3's finaliser
  };
}

export interface MinHasher {
  readonly numPerm: number;
  /** The signature of a set of shingles: per hash function, the minimum over the set. */
  signature(shingles: Iterable<string>): Uint32Array;
}

// A MinHash family of numPerm functions h_i(x) = fmix32(fmix32(x ^ a_i) + b_i), keys from the seed.
export function createMinHasher(numPerm = DEFAULT_NUM_PERM, seed = DEFAULT_SEED): MinHasher {
  const next = splitmix32(seed);
  const a = Uint32Array.from({ length: numPerm }, () => next());
  const b = Uint32Array.from({ length: numPerm }, () => next());
  return {
    numPerm,
    signature(items) {
      const sig = new Uint32Array(numPerm).fill(0xffffffff);
      const seen = new Set<string>();
      for (const s of items) {
        if (seen.has(s)) continue;
        seen.add(s);
        const x = hashString(s);
        for (let i = 0; i < numPerm; i++) {
          const h = fmix32((fmix32(x ^ a[i]!) + b[i]!) >>> 0);
          if (h < sig[i]!) sig[i] = h;
        }
      }
      return sig;
    },
  };
}

// Estimated Jaccard similarity: the share of positions where two signatures agree (an empty set matches only itself).
export function estimateJaccard(x: Uint32Array, y: Uint32Array): number {
  if (x.length !== y.length) throw new RangeError(`signatures of different lengths: ${x.length} and ${y.length}`);
  let same = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === y[i]) same++;
  return same / x.length;
}

// Exact Jaccard similarity of two sets (for tests and for reporting).
export function exactJaccard<T>(x: Iterable<T>, y: Iterable<T>): number {
  const a = new Set(x);
  const b = new Set(y);
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  for (const v of a) if (b.has(v)) inter++;
  return inter / (a.size + b.size - inter);
}

// Bands and rows for LSH: the most rows per band (fewest candidates) that still makes a pair at the threshold a
// candidate with probability >= 0.999; P(candidate) = 1 - (1 - s^rows)^bands.
export function lshParams(threshold: number, numPerm = DEFAULT_NUM_PERM): { bands: number; rows: number } {
  let best = { bands: numPerm, rows: 1 };
  for (let rows = 1; rows <= numPerm; rows++) {
    if (numPerm % rows !== 0) continue;
    const bands = numPerm / rows;
    if (1 - Math.pow(1 - Math.pow(threshold, rows), bands) >= 0.999) best = { bands, rows };
  }
  return best;
}

// An LSH index: signatures cut into bands; two signatures sharing a band (under the same group key) are candidates.
export class LshIndex<T> {
  private readonly buckets = new Map<string, T[]>();
  constructor(readonly bands: number, readonly rows: number) {}

  private keys(sig: Uint32Array, group: string): string[] {
    const out: string[] = [];
    for (let band = 0; band < this.bands; band++) {
      out.push(`${group}\u0000${band}:${sig.subarray(band * this.rows, (band + 1) * this.rows).join(",")}`);
    }
    return out;
  }

  // Every item added under `group` that shares at least one band with sig, each once, in insertion order.
  candidates(sig: Uint32Array, group = ""): T[] {
    const found = new Set<T>();
    for (const k of this.keys(sig, group)) for (const item of this.buckets.get(k) ?? []) found.add(item);
    return [...found];
  }

  add(sig: Uint32Array, item: T, group = ""): void {
    for (const k of this.keys(sig, group)) {
      const list = this.buckets.get(k);
      if (list) list.push(item);
      else this.buckets.set(k, [item]);
    }
  }
}
