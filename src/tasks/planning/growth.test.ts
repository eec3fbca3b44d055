import { describe, expect, it } from "vitest";
import type { TimingPoint } from "./growth.js";
import { fitSizes, judgeGrowth, MAX_N, nextSize, robustSlope, TARGET_MS } from "./growth.js";

// Times of cost(n) at sizes a factor sqrt(2) apart, ending where the cost is about the target.
function curve(cost: (n: number) => number, top: number): TimingPoint[] {
  return [5, 4, 3, 2, 1, 0].map((k) => Math.round(top / 2 ** (k / 2))).map((n) => ({ n, ms: cost(n) }));
}
const none: TimingPoint[] = [];

describe("nextSize", () => {
  it("starts at 1 and stops at the target time or the size cap", () => {
    expect(nextSize([])).toBe(1);
    expect(nextSize([{ n: 1000, ms: TARGET_MS + 1 }])).toBeUndefined();
    expect(nextSize([{ n: MAX_N, ms: 0.001 }])).toBeUndefined();
  });
  it("steps cautiously at small n (an exponential must not explode) and boldly at large n", () => {
    expect(nextSize([{ n: 16, ms: 0.3 }])).toBe(24);
    expect(nextSize([{ n: 1024, ms: 0.3 }])).toBe(4096);
  });
  it("above the noise, aims at about 2.5 times the last time from the local slope", () => {
    // quadratic: 2.5x the time is sqrt(2.5)x the size
    const n = nextSize([
      { n: 100, ms: 1 },
      { n: 200, ms: 4 },
    ])!;
    expect(n).toBeGreaterThan(300);
    expect(n).toBeLessThan(330);
  });
});

describe("robustSlope", () => {
  it("ignores one disturbed point", () => {
    const xs = [1, 2, 3, 4, 5, 6];
    const ys = [1, 2, 3, 40, 5, 6];
    expect(robustSlope(xs, ys)).toBe(1);
  });
});

describe("fitSizes", () => {
  it("six sizes ending near the target, spread so their times span about 25x", () => {
    const s = fitSizes([
      { n: 1000, ms: 20 },
      { n: 2000, ms: 40 },
      { n: 5000, ms: 100 },
    ])!;
    expect(s).toHaveLength(6);
    expect(s.at(-1)).toBe(5000);
    // linear: a factor 25^(1/5) per size
    expect(s[0]).toBe(Math.round(5000 / 25));
    // a square-root cost gets a wider range of n (its times still span about 25x), a quadratic one a narrower one
    const sq = fitSizes([{ n: 1e10, ms: 50 }, { n: 4e10, ms: 100 }])!;
    expect(sq.at(-1)! / sq[0]!).toBeGreaterThan(500);
    const quad = fitSizes([{ n: 1000, ms: 25 }, { n: 2000, ms: 100 }])!;
    expect(quad.at(-1)! / quad[0]!).toBeLessThan(6);
  });
  it("refutes a polynomial claim from two sizes when the growth between them is explosive, and only then", () => {
    const explosive = [{ n: 8, ms: 0.22 }, { n: 12, ms: 21 }, { n: 13, ms: 102 }];
    expect(judgeGrowth("O(n^2)", { points: explosive, baseline: none })).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    const mild = [{ n: 8, ms: 0.22 }, { n: 12, ms: 21 }, { n: 13, ms: 30 }];
    expect(judgeGrowth("O(n^2)", { points: mild, baseline: none }).label).toBe("unverifiable");
    expect(judgeGrowth("O(2^n)", { points: explosive, baseline: none }).label).not.toBe("wrong");
  });

  it("does not call a slope nearer another class consistent with the claim", () => {
    const s089 = [1, 2, 4, 8, 16, 32].map((k) => ({ n: k * 1000, ms: 3 * k ** 0.89 }));
    expect(judgeGrowth("O(sqrt n)", { points: s089, baseline: none }).label).toBe("unverifiable");
    const s062 = [1, 2, 4, 8, 16, 32].map((k) => ({ n: k * 1000, ms: 3 * k ** 0.62 }));
    expect(judgeGrowth("O(sqrt n)", { points: s062, baseline: none }).label).toBe("correct");
    const s112 = [1, 2, 4, 8, 16, 32].map((k) => ({ n: k * 1000, ms: 3 * k ** 1.12 }));
    expect(judgeGrowth("O(n)", { points: s112, baseline: none }).label).toBe("correct"); // O(n log n) is no rival
  });

  it("gives no verdict when the two timing jobs, judged alone, disagree (a disturbed machine)", () => {
    const run1 = [1, 2, 4, 8, 16, 32].map((k) => ({ n: k * 1000, ms: 3 * Math.sqrt(k) * 10 }));
    const run2 = [1, 2, 4, 8, 16, 32].map((k) => ({ n: k * 1000, ms: 50 }));
    const j = judgeGrowth("O(sqrt n)", { points: run2, baseline: none, runs: [run1, run2] });
    expect(j.label).toBe("unverifiable");
    expect(j.evidence).toMatch(/timing jobs disagree/);
    expect(judgeGrowth("O(sqrt n)", { points: run1, baseline: none, runs: [run1, run1] }).label).toBe("correct");
    // two jobs with somewhat different slopes that both refute the claim still refute it
    const q1 = [1, 2, 3, 4, 5, 6].map((k) => ({ n: k * 100, ms: 2 * k ** 1.85 }));
    const q2 = [1, 2, 3, 4, 5, 6].map((k) => ({ n: k * 100, ms: 2 * k ** 2.1 }));
    expect(judgeGrowth("O(n)", { points: q2, baseline: none, runs: [q1, q2] }).label).toBe("wrong");
  });
  it("none for super-polynomial growth or a flat run", () => {
    expect(
      fitSizes([
        { n: 12, ms: 10 },
        { n: 13, ms: 30 },
      ]),
    ).toBeUndefined();
    expect(fitSizes([{ n: MAX_N, ms: 0.01 }])).toBeUndefined();
  });
});

describe("judgeGrowth", () => {
  const linear = curve((n) => n * 1e-4, 1e6);
  const quadratic = curve((n) => n * n * 1e-4, 1000);
  it("agrees with the right class", () => {
    expect(judgeGrowth("O(n)", { points: linear, baseline: none }).label).toBe("correct");
    expect(judgeGrowth("O(n log n)", { points: linear, baseline: none }).label).toBe("correct");
    expect(judgeGrowth("O(n^2)", { points: quadratic, baseline: none }).label).toBe("correct");
  });
  it("refutes a claim off by a clear margin, both ways", () => {
    expect(judgeGrowth("O(n)", { points: quadratic, baseline: none })).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(judgeGrowth("O(n^2)", { points: linear, baseline: none })).toMatchObject({ label: "wrong", type: "inconsistent-step" });
    expect(judgeGrowth("O(log n)", { points: linear, baseline: none }).label).toBe("wrong");
  });
  it("tells O(sqrt n) from O(n) when the slope sits on a class", () => {
    const sqrt = curve((n) => Math.sqrt(n) * 0.1, 1e12);
    expect(judgeGrowth("O(sqrt n)", { points: sqrt, baseline: none }).label).toBe("correct");
    expect(judgeGrowth("O(sqrt n)", { points: linear, baseline: none }).label).toBe("wrong");
    expect(judgeGrowth("O(n)", { points: sqrt, baseline: none }).label).toBe("wrong");
  });
  it("leaves a borderline slope unverifiable", () => {
    const between = curve((n) => n ** 1.5 * 1e-4, 1e4);
    expect(judgeGrowth("O(n)", { points: between, baseline: none }).label).toBe("unverifiable");
    expect(judgeGrowth("O(n^2)", { points: between, baseline: none }).label).toBe("unverifiable");
  });
  it("when copying the arguments dominates, refutes only claims that grow faster than the measurement", () => {
    const baseline = linear.map((p) => ({ n: p.n, ms: p.ms * 0.9 }));
    expect(judgeGrowth("O(n)", { points: linear, baseline }).label).toBe("unverifiable");
    expect(judgeGrowth("O(log n)", { points: linear, baseline }).label).toBe("unverifiable");
    expect(judgeGrowth("O(n^2)", { points: linear, baseline }).label).toBe("wrong");
  });
  it("subtracts a small copy cost before fitting", () => {
    const total = curve((n) => n * n * 1e-4 + n * 1e-4, 1000);
    const baseline = total.map((p) => ({ n: p.n, ms: p.n * 1e-4 }));
    expect(judgeGrowth("O(n^2)", { points: total, baseline }).label).toBe("correct");
  });
  it("no growth up to the size cap: sub-linear claims hold, quadratic ones do not", () => {
    const flat = [{ n: 2 ** 30, ms: 0.003 }];
    expect(judgeGrowth("O(log n)", { points: flat, baseline: none }).label).toBe("correct");
    expect(judgeGrowth("O(n^2)", { points: flat, baseline: none }).label).toBe("wrong");
    expect(judgeGrowth("O(n)", { points: flat, baseline: none }).label).toBe("wrong");
  });
  it("super-polynomial growth against polynomial and exponential claims", () => {
    const exp = [10, 11, 12, 13].map((n) => ({ n, ms: 2 ** n * 0.02 }));
    expect(judgeGrowth("O(n^2)", { points: exp, baseline: none }).label).toBe("wrong");
    expect(judgeGrowth("O(2^n)", { points: exp, baseline: none }).label).toBe("correct");
    expect(judgeGrowth("O(2^n)", { points: quadratic, baseline: none }).label).toBe("wrong");
  });
  it("too few points stay unverifiable", () => {
    expect(judgeGrowth("O(n)", { points: [{ n: 100, ms: 5 }], baseline: none, stopped: "timeout at n=150" })).toMatchObject({ label: "unverifiable" });
  });
});

describe("combineTimes", () => {
  it("keeps the precise wall time unless other work visibly inflated it, then takes the CPU time", async () => {
    const { combineTimes } = await import("./measure.js");
    expect(combineTimes(3.2, 4)).toBe(3.2); // CPU time counted in 4 ms ticks
    expect(combineTimes(52, 48)).toBe(52);
    expect(combineTimes(190, 100)).toBe(100); // descheduled for 90 ms
  });
});
