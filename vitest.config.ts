import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineConfig } from "vitest/config";

// Files known to run for minutes start first, so a fresh clone (no duration cache) does not end on them alone.
const LONG_FIRST = ["test/generate.docker.test.ts", "test/trajectories.docker.test.ts", "test/distributed.docker.test.ts"];

class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = LONG_FIRST.findIndex((p) => f.moduleId.endsWith(p));
      return i < 0 ? LONG_FIRST.length : i;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000, // the first Docker test may build the sandbox image (offline: about 2 minutes)
    pool: "forks",
    maxWorkers: 2,
    sequence: { sequencer: LongFirstSequencer },
  },
});
