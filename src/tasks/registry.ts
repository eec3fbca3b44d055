import type { TaskKind } from "../core/trajectory-result.js";
import { difficultyEstimationTask } from "./difficulty-estimation/verify.js";
import { errorRecoveryMultiTask } from "./error-recovery-multi/verify.js";
import { errorRecoveryTask } from "./error-recovery/verify.js";
import { implementationTask } from "./implementation/verify.js";
import { planningTask } from "./planning/verify.js";
import { qualityEvaluationTask } from "./quality-evaluation/verify.js";
import type { TaskDefinition } from "./types.js";
import { unitTestWalkthroughTask } from "./unit-test-walkthrough/verify.js";

// Every trajectory kind Vouch verifies. Adding a kind: a folder in src/tasks/, a prompt, and one line here.
export const TASKS: Readonly<Record<TaskKind, TaskDefinition<any>>> = {
  "error-recovery": errorRecoveryTask,
  "error-recovery-multi": errorRecoveryMultiTask,
  planning: planningTask,
  implementation: implementationTask,
  "quality-evaluation": qualityEvaluationTask,
  "difficulty-estimation": difficultyEstimationTask,
  "unit-test-walkthrough": unitTestWalkthroughTask,
};

// The definition of a kind named in a record's "task" field, or undefined for an unknown name.
export function taskFor(name: string): TaskDefinition<any> | undefined {
  return Object.hasOwn(TASKS, name) ? TASKS[name as TaskKind] : undefined;
}
