import type { TaskKind } from "../core/trajectory-result.js";
import { errorRecoveryMultiGeneration } from "./error-recovery-multi/generate.js";
import { errorRecoveryGeneration } from "./error-recovery/generate.js";
import type { GenerationSpec } from "./generation.js";
import { implementationGeneration } from "./implementation/generate.js";
import { planningGeneration } from "./planning/generate.js";
import { qualityEvaluationGeneration } from "./quality-evaluation/generate.js";
import { difficultyEstimationGeneration } from "./difficulty-estimation/generate.js";
import { unitTestWalkthroughGeneration } from "./unit-test-walkthrough/generate.js";

// The generator of each kind `vouch generate` can produce (src/tasks/<kind>/generate.ts). One line per kind.
export const GENERATORS: Readonly<Record<TaskKind, GenerationSpec>> = {
  implementation: implementationGeneration,
  "error-recovery": errorRecoveryGeneration,
  "error-recovery-multi": errorRecoveryMultiGeneration,
  planning: planningGeneration,
  "quality-evaluation": qualityEvaluationGeneration,
  "difficulty-estimation": difficultyEstimationGeneration,
  "unit-test-walkthrough": unitTestWalkthroughGeneration,
};
