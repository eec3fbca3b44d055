import type { DifficultyBucket } from "./difficulty.js";
import { splitmix32 } from "./minhash.js";

// A curriculum over partitioned records: stages easy → medium → hard, each shuffled with a seed, with a share
// of the easy records moved into the later stages (rehearsal), so later stages are not all hard.

export interface CurriculumEntry<T> {
  item: T;
  bucket: DifficultyBucket;
  score: number;
}

export interface CurriculumStage<T> {
  stage: number; // 1-based
  name: DifficultyBucket;
  items: CurriculumEntry<T>[];
}

// Fisher-Yates with a seeded generator: the same input and seed give the same order everywhere.
export function seededShuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  const next = splitmix32(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = next() % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// Stages 1 easy, 2 medium, 3 hard. Stage s > 1 gets round(easyShare / (1 - easyShare) * n_s) easy records
// (so that they are about easyShare of it), taken from a seeded shuffle of the easy pool; at most half of the easy
// pool leaves stage 1. An empty bucket makes an empty stage (kept, so stage numbers mean the same everywhere).
export function planCurriculum<T>(entries: readonly CurriculumEntry<T>[], easyShare: number, seed: number): CurriculumStage<T>[] {
  if (!(easyShare >= 0 && easyShare < 1)) throw new RangeError(`easyShare must be in [0, 1), not ${easyShare}`);
  const by = (b: DifficultyBucket) => entries.filter((e) => e.bucket === b);
  const easy = seededShuffle(by("easy"), seed);
  const later = [by("medium"), by("hard")];
  const want = later.map((xs) => Math.round((easyShare / (1 - easyShare)) * xs.length));
  const budget = Math.floor(easy.length / 2);
  const total = want[0]! + want[1]!;
  const give = total > budget ? want.map((w) => Math.floor((w * budget) / total)) : want;
  const moved = [easy.slice(0, give[0]), easy.slice(give[0], give[0]! + give[1]!)];
  const stay = easy.slice(give[0]! + give[1]!);
  return [
    { stage: 1, name: "easy", items: seededShuffle(stay, seed + 1) },
    { stage: 2, name: "medium", items: seededShuffle([...later[0]!, ...moved[0]!], seed + 2) },
    { stage: 3, name: "hard", items: seededShuffle([...later[1]!, ...moved[1]!], seed + 3) },
  ];
}
