import type { AnnotatedProblem } from "../core/problem.js";
import type { TaskKind } from "../core/trajectory-result.js";
import type { TaskExec } from "../exec/task-exec.js";
import type { SeedRuns } from "../generate/seed-bugs.js";
import type { Llm } from "../llm/types.js";

// What a kind's generator may use: the model, and the sandbox (to seed real bugs, to run repair turns).
export interface GenerationContext {
  llm: Llm;
  exec: TaskExec;
  /** Top-level modules importable in the sandbox image. */
  modules: ReadonlySet<string>;
  /** Most turns of a generate-verify-repair conversation (the first attempt included). */
  maxTurns: number;
  /** Runs of seeded mutants shared by the kinds that seed bugs in the same problem (each mutant run once). */
  seedRuns?: SeedRuns;
  log?: (line: string) => void;
}

// Facts a generator reports besides its records (mutants tried/killed per operator, repair turns...): summed
// over the run by key and printed in the summary.
export type GenerationCounters = Record<string, number>;

// What one kind's generator produced for one problem: candidate trajectory records (not yet verified;
// `vouch generate` verifies each with the kind's verifier before writing it), or why there are none.
export interface GenerationOutput {
  records: Array<Record<string, unknown> & { id: string; task: TaskKind }>;
  /** Why the problem gave no record of this kind (no entry point, no mutant survived the tests...). */
  skipped?: string;
  counters?: GenerationCounters;
}

// One kind's generator (src/tasks/<kind>/generate.ts): prompts/<kind>.txt filled with the annotations the
// kind needs, the reply parsed into a reply schema, assembled into a record of the kind's schema.
// Every prompt carries the lines "Task: <kind>" and "Problem id: <id>" (and "Turn: <n>" in repair turns).
export interface GenerationSpec {
  kind: TaskKind;
  /** Why this problem cannot give this kind, decided without the model (e.g. no entry point); else undefined. */
  skip?(p: AnnotatedProblem): string | undefined;
  generate(p: AnnotatedProblem, ctx: GenerationContext): Promise<GenerationOutput>;
}
