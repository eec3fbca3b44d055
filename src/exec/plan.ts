import type { CompareMode } from "../core/test-spec.js";

// One command to run in the sandbox, and what the host keeps to grade it (never sent in).
export interface PlannedRun {
  name: string;
  argv: string[];
  files: Record<string, string>;
  stdin?: string;
  env?: Record<string, string>;
  expected?: { output: string; compare: CompareMode; tolerance: number };
}

// A suite's runs, in order; runs after a limit breach are not started.
export interface RunPlan {
  kind: "assert" | "io" | "pytest";
  runs: PlannedRun[];
  /** For pytest: tests that must pass (fail-to-pass and pass-to-pass), when given. */
  required?: string[];
}
