import { everyStepChecked, fixtureSuites } from "../../../test/support/fixtures.js";
import { errorRecoveryTask } from "./verify.js";

// Every labelled fixture on the real engine; a sound one has evidence for every step.
fixtureSuites(errorRecoveryTask, { atLeast: 6, also: everyStepChecked });
