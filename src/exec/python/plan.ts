import type { TestSpec } from "../../core/test-spec.js";
import type { RunPlan } from "../plan.js";
import { ASSERT_HARNESS, PYTEST_HARNESS, PYTHON, SOLUTION_FILE } from "./harness.js";

// How a Python solution and a test spec become sandbox runs. Pure: no I/O.
export function planPython(code: string, tests: TestSpec): RunPlan {
  const files = { [SOLUTION_FILE]: code };
  switch (tests.kind) {
    case "assert":
      // The tests travel on stdin to the harness, which reads them only after forking the solution process.
      return {
        kind: "assert",
        runs: [{ name: "assert", argv: [PYTHON, ASSERT_HARNESS, SOLUTION_FILE], files, stdin: JSON.stringify({ code: tests.code }) }],
      };
    case "io":
      return {
        kind: "io",
        runs: tests.cases.map((c, i) => ({
          name: c.name ?? `case ${i + 1}`,
          argv: [PYTHON, SOLUTION_FILE],
          files,
          stdin: c.input,
          expected: { output: c.output, compare: tests.compare, tolerance: tests.tolerance },
        })),
      };
    case "pytest": {
      const testFiles = Object.keys(tests.files).sort();
      // the solution runs in its own process; `import solution` in the tests forwards to it (unless the record
      // asks for it in-process, where the harness guards pytest against tampering instead)
      const mode = tests.inProcess ? ["--in-process"] : [];
      return {
        kind: "pytest",
        runs: [
          {
            name: "pytest",
            argv: [PYTHON, PYTEST_HARNESS, SOLUTION_FILE, ...mode, "--", "-q", "-p", "no:cacheprovider", "--rootdir=.", ...testFiles],
            files: { ...tests.files, ...files },
          },
        ],
        required: tests.failToPass || tests.passToPass ? [...(tests.failToPass ?? []), ...(tests.passToPass ?? [])] : undefined,
      };
    }
  }
}
