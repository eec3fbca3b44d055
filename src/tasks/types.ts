import type { z } from "zod";
import type { TaskKind, TrajectoryResult } from "../core/trajectory-result.js";
import type { TaskExec } from "../exec/task-exec.js";
import type { Cascade } from "./cascade.js";

// What a verifier may use. `exec` is absent when only the static stages run (no Docker needed).
export interface TaskContext {
  exec?: TaskExec;
  /** Top-level modules importable in the sandbox image (recorded when the image is built). */
  modules: ReadonlySet<string>;
}

// The judge stage (src/judge): labels the steps rules and execution left unverifiable, on the cascade.
export interface TrajectoryJudge {
  /** Who judges (model, prompt versions, samples): part of the result cache key. */
  readonly key: string;
  /** The weight of a judged step in the process score (an executed one weighs 1). */
  readonly weight: number;
  judge(kind: TaskKind, rec: unknown, c: Cascade): Promise<void>;
}

export type ExecContext = TaskContext & { exec: TaskExec };

// Facts about a whole batch (e.g. difficulty calibration), fed every result of the kind.
export interface BatchAggregator<T> {
  add(rec: T, result: TrajectoryResult): void;
  /** A JSON-able report, or undefined when there is nothing to say; `lines` are printed for people. */
  finish(): { lines: string[]; data: Record<string, unknown> } | undefined;
}

// One trajectory kind: its record schema, its steps, and one function per cascade stage.
// Stages label steps on the Cascade; a stage throws HardStop when nothing after it can be checked.
export interface TaskDefinition<T = unknown> {
  kind: TaskKind;
  /** Bumped when the verifier's conclusions change: part of the result cache key. */
  version?: number;
  /** One line for `--help` and reports. */
  title: string;
  schema: z.ZodType<T>;
  /** The trajectory's steps, in order: their indices are what firstWrongStep refers to. */
  steps(rec: T): string[];
  static(rec: T, c: Cascade, ctx: TaskContext): void | Promise<void>;
  execute?(rec: T, c: Cascade, ctx: ExecContext): Promise<void>;
  batch?(): BatchAggregator<T>;
}

// Identity helper so each task file gets its record type inferred from the schema.
export function defineTask<S extends z.ZodType>(def: TaskDefinition<z.output<S>> & { schema: S }): TaskDefinition<z.output<S>> {
  return def;
}
