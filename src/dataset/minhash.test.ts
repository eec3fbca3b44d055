import { describe, expect, it } from "vitest";
import { createMinHasher, estimateJaccard, exactJaccard, LshIndex, lshParams, splitmix32 } from "./minhash.js";
import { normalizeCode, normalizeProse, shingles } from "./normalize-text.js";

const codeShingles = (code: string) => shingles(normalizeCode(code), 5);
const sim = (a: string[], b: string[]) => {
  const h = createMinHasher();
  return estimateJaccard(h.signature(a), h.signature(b));
};

const divisor = `def divisor(n):
    """Count the divisors of n."""
    count = 0
    i = 1
    while i * i <= n:
        if n % i == 0:
            count += 2 if i * i != n else 1
        i += 1
    return count
`;
const divisorRenamed = `def number_of_divisors(value):
    total = 0   # running count
    k = 1
    while k*k <= value:
        if value % k == 0:
            total += 2 if k*k != value else 1
        k += 1
    return total
`;
const secondSmallest = `def second_smallest(numbers):
    uniq = sorted(set(numbers))
    if len(uniq) < 2:
        return None
    return uniq[1]
`;

describe("MinHash", () => {
  it("gives 1 for identical sets", () => {
    const s = codeShingles(divisor);
    expect(sim(s, [...s])).toBe(1);
  });

  it("puts renamed and reformatted code above the threshold, and different problems below it", () => {
    expect(exactJaccard(codeShingles(divisor), codeShingles(divisorRenamed))).toBe(1);
    expect(sim(codeShingles(divisor), codeShingles(divisorRenamed))).toBeGreaterThanOrEqual(0.8);
    expect(sim(codeShingles(divisor), codeShingles(secondSmallest))).toBeLessThan(0.2);
  });

  it("estimates the exact Jaccard of random sets closely", () => {
    const next = splitmix32(42);
    const h = createMinHasher(256, 7);
    let worst = 0;
    for (let trial = 0; trial < 40; trial++) {
      const shared = next() % 300;
      const onlyA = next() % 200;
      const onlyB = next() % 200;
      const a = [...Array(shared + onlyA).keys()].map((i) => `t${trial}:${i}`);
      const b = [...[...Array(shared).keys()].map((i) => `t${trial}:${i}`), ...[...Array(onlyB).keys()].map((i) => `t${trial}:b${i}`)];
      const err = Math.abs(estimateJaccard(h.signature(a), h.signature(b)) - exactJaccard(a, b));
      worst = Math.max(worst, err);
    }
    // standard error sqrt(J(1-J)/256) <= 0.031: 40 trials stay within ~4 sigma
    expect(worst).toBeLessThan(0.13);
  });

  it("is deterministic for a seed and differs between seeds", () => {
    const s = codeShingles(divisor);
    expect(createMinHasher(64, 3).signature(s)).toEqual(createMinHasher(64, 3).signature(s));
    expect(createMinHasher(64, 3).signature(s)).not.toEqual(createMinHasher(64, 4).signature(s));
  });
});

describe("LSH", () => {
  it("chooses bands that catch pairs at the threshold", () => {
    const { bands, rows } = lshParams(0.8, 128);
    expect(bands * rows).toBe(128);
    expect(1 - Math.pow(1 - Math.pow(0.8, rows), bands)).toBeGreaterThanOrEqual(0.999);
    expect(lshParams(0.5, 128).rows).toBeLessThanOrEqual(rows);
  });

  it("finds a near-duplicate as a candidate only within its group", () => {
    const h = createMinHasher();
    const { bands, rows } = lshParams(0.8);
    const index = new LshIndex<string>(bands, rows);
    index.add(h.signature(codeShingles(divisor)), "divisor", "g1");
    index.add(h.signature(codeShingles(secondSmallest)), "second", "g1");
    expect(index.candidates(h.signature(codeShingles(divisorRenamed)), "g1")).toEqual(["divisor"]);
    expect(index.candidates(h.signature(codeShingles(divisorRenamed)), "g2")).toEqual([]);
  });
});

describe("normalisation", () => {
  it("drops comments and docstrings and canonicalises local names, keeping builtins and attributes", () => {
    const t = normalizeCode('def f(xs):\n    """doc"""\n    # c\n    return len(xs.items)\n');
    expect(t).toEqual(["def", "v0", "(", "v1", ")", ":", "return", "len", "(", "v1", ".", "items", ")"]);
  });

  it("lower-cases prose and drops punctuation and code quotes", () => {
    expect(normalizeProse("The `count` is Off-by-one, FIXED.")).toEqual(["the", "count", "is", "off", "by", "one", "fixed"]);
  });

  it("shingles short sequences as one shingle", () => {
    expect(shingles(["a", "b"], 3, "t:")).toEqual(["t:a b"]);
    expect(shingles(["a", "b", "c", "d"], 3)).toEqual(["a b c", "b c d"]);
  });
});
