import { expect } from "vitest";
import { fixtureSuites, onlyThePlantedFlaw } from "../../../test/support/fixtures.js";
import { qualityEvaluationTask } from "./verify.js";

// Every labelled fixture on the real engine: one wrong step per flaw; a sound one's verdict is backed by a
// run (tests, hidden tests, the reference or a verified bug).
fixtureSuites(qualityEvaluationTask, {
  also: (rec, r) => {
    onlyThePlantedFlaw(rec, r);
    if (rec.expect.verdict === "pass") {
      expect(r.steps.at(-1)!.label).toBe("correct");
      expect(r.steps.at(-1)!.evidence).toMatch(/pass|verified defect/);
    }
  },
});
