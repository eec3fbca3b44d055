import { readFileSync } from "node:fs";

export type Expect = { verdict: "pass" } | { verdict: "fail"; error: string; firstWrongStep: number };

// The fixture records of this kind (fixtures/trajectories/unit-test-walkthrough.jsonl), for the tests.
export function walkthroughFixtures(): ({ id: string; expect: Expect } & Record<string, unknown>)[] {
  return readFileSync(new URL("../../../fixtures/trajectories/unit-test-walkthrough.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { id: string; expect: Expect });
}
