import { ERROR_LABELS, type StepResult } from "./schema.js";

// Where the solution's first error is, as far as the checks can tell: the first flagged step, and whether that is
// an exact claim or a bound.
//
// A flagged step j is the solution's first error only if nothing before it could be an error. Vouch can vouch for
// the claims it checked; a claim it read but could not decide (a relation in letters, a value in a case, a fragment
// it could not parse) may be exactly where the solution went wrong, and a slip at j is then often a genuine slip
// downstream of it. So the first flag is claimed as THE first error only when every claim written in the steps before
// it was decided (checked, by the offline checks or by the judge); otherwise the claim is a bound: the first error is
// at or before step j. Prose with no claim at all is not checked by Vouch (its first error is the first error in the
// solution's written math); the step labels themselves do not change.
export interface FirstError {
  /** The first flagged step, -1 when none. */
  step: number;
  /** With a flagged step: every claim before it was decided (the flag is the first error, not a bound). */
  exact?: boolean;
}

export function firstError(steps: readonly StepResult[]): FirstError {
  const i = steps.findIndex((s) => ERROR_LABELS.has(s.label));
  if (i < 0) return { step: -1 };
  const exact = steps.slice(0, i).every((s) => !s.undecided || (s.by === "judge" && s.label !== "unverifiable" && s.label !== "unparseable"));
  return { step: steps[i]!.index, exact };
}
