import { z } from "zod";

// The outcome of one record: infra-error means Vouch or the engine failed, never the code.
export const Verdict = z.enum(["pass", "fail", "error", "timeout", "memory-limit", "output-limit", "infra-error"]);
export type Verdict = z.infer<typeof Verdict>;

export const TestStatus = z.enum(["pass", "fail", "error", "timeout", "memory-limit", "output-limit", "skipped"]);
export type TestStatus = z.infer<typeof TestStatus>;

export const TestResult = z.object({
  name: z.string(),
  status: TestStatus,
  durationMs: z.number().nonnegative(),
  message: z.string().optional(),
});
export type TestResult = z.infer<typeof TestResult>;

// What one test suite (visible or hidden) gave.
export const SuiteResult = z.object({
  verdict: Verdict,
  tests: z.array(TestResult),
  stdout: z.string().optional(),
  stderr: z.string().optional(),
  truncated: z.boolean(),
  message: z.string().optional(),
});
export type SuiteResult = z.infer<typeof SuiteResult>;

export const VerifyResult = z.object({
  id: z.string(),
  verdict: Verdict,
  tests: z.array(TestResult),
  hidden: SuiteResult.optional(),
  durationMs: z.number().nonnegative(),
  truncated: z.boolean(),
  message: z.string().optional(),
  stdout: z.string().optional(),
  stderr: z.string().optional(),
  attempts: z.number().int().positive(),
  cached: z.boolean(),
  image: z.string(),
  key: z.string(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
