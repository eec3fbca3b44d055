import { everyStepChecked, fixtureSuites } from "../../../test/support/fixtures.js";
import { errorRecoveryMultiTask } from "./verify.js";

// Every labelled fixture on the real engine; a sound one has evidence for every step.
fixtureSuites(errorRecoveryMultiTask, { atLeast: 6, also: everyStepChecked });
