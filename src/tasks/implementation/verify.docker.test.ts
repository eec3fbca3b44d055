import { expect } from "vitest";
import { fixtureSuites, onlyThePlantedFlaw } from "../../../test/support/fixtures.js";
import { implementationTask } from "./verify.js";

// Every labelled fixture on the real engine: one wrong step per flaw; a sound one's implementation step is
// correct with a differential tally as evidence.
fixtureSuites(implementationTask, {
  also: (rec, r) => {
    onlyThePlantedFlaw(rec, r);
    if (rec.expect.verdict === "pass") {
      expect(r.steps.at(-1)!.label).toBe("correct");
      expect(r.steps.at(-1)!.evidence).toMatch(/differential \d+\/\d+ agree/);
    }
  },
});
