import { describe, expect, it } from "vitest";
import { averageRanks, spearman } from "./spearman.js";

describe("averageRanks", () => {
  it("gives tied values the average of the ranks they span", () => {
    expect(averageRanks([10, 20, 20, 30])).toEqual([1, 2.5, 2.5, 4]);
    expect(averageRanks([3, 1, 3, 3])).toEqual([3, 1, 3, 3]);
  });
});

describe("spearman", () => {
  it("is 1 for any increasing relation and -1 for a decreasing one", () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [9, 4, 1, 0])).toBeCloseTo(-1, 12);
  });
  it("matches the textbook value with ties (Pearson on average ranks)", () => {
    // x ranks [1, 2.5, 2.5, 4, 5], y ranks [2, 1, 3, 4.5, 4.5]: sum of rank products about the means is 7.5, each side 9.5: rho = 7.5 / 9.5
    expect(spearman([1, 2, 2, 3, 4], [2, 1, 3, 5, 5])).toBeCloseTo(7.5 / 9.5, 12);
  });
  it("without ties equals 1 - 6 sum d^2 / (n (n^2 - 1))", () => {
    const x = [3, 1, 4, 5, 9, 2];
    const y = [2, 7, 1, 8, 6, 3];
    const rx = averageRanks(x);
    const ry = averageRanks(y);
    const d2 = rx.reduce((a, r, i) => a + (r - ry[i]!) ** 2, 0);
    expect(spearman(x, y)).toBeCloseTo(1 - (6 * d2) / (6 * 35), 12);
  });
  it("is undefined when a side is constant or there are fewer than two pairs", () => {
    expect(spearman([1, 2, 3], [5, 5, 5])).toBeUndefined();
    expect(spearman([1], [2])).toBeUndefined();
    expect(() => spearman([1, 2], [1])).toThrow();
  });
});
