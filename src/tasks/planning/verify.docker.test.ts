import { expect } from "vitest";
import { fixtureSuites, onlyThePlantedFlaw } from "../../../test/support/fixtures.js";
import { planningTask } from "./verify.js";

// Every labelled fixture on the real engine: one wrong step per flaw; a sound record's complexity claim, when it has
// an entry point and an input builder, is judged from real timings (a slope or "no measurable growth" as evidence).
// Two retries: a busy machine can leave a timing unverifiable (never wrong).
fixtureSuites(planningTask, {
  retry: 2,
  also: (rec, r) => {
    onlyThePlantedFlaw(rec, r);
    const claim = r.steps.find((s) => s.name.startsWith("complexity claim"));
    const timed = rec.entry_point && (rec.complexity as { input_builder?: string } | undefined)?.input_builder;
    if (rec.expect.verdict === "pass" && claim && timed) expect(claim.evidence).toMatch(/log-log slope|no measurable growth/);
    if (rec.expect.verdict === "pass" && rec.tests) expect(r.steps.at(-1)!.label).toBe("correct");
  },
});
