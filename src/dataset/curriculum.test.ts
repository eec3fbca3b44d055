import { describe, expect, it } from "vitest";
import { planCurriculum, seededShuffle, type CurriculumEntry } from "./curriculum.js";
import type { DifficultyBucket } from "./difficulty.js";

const entries = (easy: number, medium: number, hard: number): CurriculumEntry<string>[] => {
  const make = (b: DifficultyBucket, n: number) => Array.from({ length: n }, (_, i) => ({ item: `${b}${i}`, bucket: b, score: 0 }));
  return [...make("easy", easy), ...make("medium", medium), ...make("hard", hard)];
};

describe("planCurriculum", () => {
  it("orders stages easy, medium, hard and keeps about easyShare of easy records in the later ones", () => {
    const stages = planCurriculum(entries(40, 40, 40), 0.2, 1);
    expect(stages.map((s) => s.name)).toEqual(["easy", "medium", "hard"]);
    expect(stages[0]!.items.every((e) => e.bucket === "easy")).toBe(true);
    for (const s of stages.slice(1)) {
      const easy = s.items.filter((e) => e.bucket === "easy").length;
      expect(easy).toBe(10); // 0.2 / 0.8 * 40
      expect(easy / s.items.length).toBeCloseTo(0.2, 5);
    }
    // every record exactly once
    expect(stages.flatMap((s) => s.items.map((e) => e.item)).sort()).toEqual(entries(40, 40, 40).map((e) => e.item).sort());
  });

  it("never moves more than half of the easy pool out of stage 1", () => {
    const stages = planCurriculum(entries(4, 40, 40), 0.5, 1);
    expect(stages[0]!.items.length).toBe(2);
    expect(stages[1]!.items.length + stages[2]!.items.length).toBe(82);
  });

  it("is deterministic for a seed and shuffles differently for another", () => {
    const a = planCurriculum(entries(30, 30, 30), 0.2, 7).map((s) => s.items.map((e) => e.item));
    expect(planCurriculum(entries(30, 30, 30), 0.2, 7).map((s) => s.items.map((e) => e.item))).toEqual(a);
    expect(planCurriculum(entries(30, 30, 30), 0.2, 8).map((s) => s.items.map((e) => e.item))).not.toEqual(a);
    expect(seededShuffle([1, 2, 3, 4, 5], 3).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("rejects a share outside [0, 1)", () => {
    expect(() => planCurriculum([], 1, 1)).toThrow(RangeError);
  });
});
