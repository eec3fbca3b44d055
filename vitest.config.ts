import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 600_000, // the first Docker test may build the sandbox image (offline: about 2 minutes)
    pool: "forks",
    maxWorkers: 2,
  },
});
