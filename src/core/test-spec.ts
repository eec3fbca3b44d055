import { z } from "zod";

// How an io case's actual stdout is compared with the expected one.
export const CompareMode = z.enum(["exact", "whitespace", "float"]);
export type CompareMode = z.infer<typeof CompareMode>;

export const IoCase = z.object({
  input: z.string(),
  output: z.string(),
  name: z.string().optional(),
});
export type IoCase = z.infer<typeof IoCase>;

export const AssertTests = z.object({
  kind: z.literal("assert"),
  code: z.string(),
});
export const IoTests = z.object({
  kind: z.literal("io"),
  cases: z.array(IoCase).min(1),
  compare: CompareMode.default("whitespace"),
  // relative and absolute tolerance for compare "float"
  tolerance: z.number().nonnegative().default(1e-6),
});
export const PytestTests = z.object({
  kind: z.literal("pytest"),
  files: z.record(z.string().min(1), z.string()).refine((f) => Object.keys(f).length > 0, "at least one test file"),
  failToPass: z.array(z.string()).optional(),
  passToPass: z.array(z.string()).optional(),
  /** The solution imported into the pytest process (a package under test, SWE-bench style) instead of running in
   * its own: tampering with pytest (hooks, runner, reports, files under test) is then detected and the verdict
   * is `error` with the reason, never `pass`. */
  inProcess: z.boolean().optional(),
});

// A test specification: assert statements, stdin/stdout cases, or pytest files.
export const TestSpec = z.discriminatedUnion("kind", [AssertTests, IoTests, PytestTests]);
export type TestSpecInput = z.input<typeof TestSpec>;
export type TestSpec = z.output<typeof TestSpec>;
export type AssertTests = z.output<typeof AssertTests>;
export type IoTests = z.output<typeof IoTests>;
export type PytestTests = z.output<typeof PytestTests>;
