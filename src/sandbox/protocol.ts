import { z } from "zod";

// Messages the in-container runner (sandbox-images/python/runner/runner.py) writes, one JSON line each.
export const RunnerReady = z.object({
  type: z.literal("ready"),
  pid: z.number(),
  forkserver: z.number(),
  python: z.string(),
  oomCounter: z.boolean(),
});
export type RunnerReady = z.infer<typeof RunnerReady>;

export const RunnerResult = z.object({
  type: z.literal("result"),
  id: z.string(),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  stdout: z.string(),
  stderr: z.string(),
  report: z.string(),
  timedOut: z.boolean(),
  oomKilled: z.boolean(),
  outputTruncated: z.boolean(),
  durationMs: z.number(),
  breach: z.string().nullable(),
  error: z.string().nullable(),
  inlineTests: z.boolean().optional(),
});
export type RunnerResult = z.infer<typeof RunnerResult>;

export const RunnerMessage = z.discriminatedUnion("type", [
  RunnerReady,
  RunnerResult,
  z.object({ type: z.literal("error"), message: z.string() }),
]);
export type RunnerMessage = z.infer<typeof RunnerMessage>;

// A job as the runner reads it.
export interface RunnerJob {
  id: string;
  argv: string[];
  stdin: string; // base64
  files: Record<string, string>; // base64
  env: Record<string, string>;
  timeoutMs: number;
  maxOutputBytes: number;
  fileSizeBytes: number;
  inlineTests?: boolean;
}
