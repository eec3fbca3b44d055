import { z } from "zod";

export const MiB = 1024 * 1024;

// Every sandbox limit, with its default named once.
export const SandboxLimits = z.object({
  memoryBytes: z.number().int().min(16 * MiB).default(256 * MiB),
  pids: z.number().int().min(8).default(64),
  cpus: z.number().positive().default(1),
  fileSizeBytes: z.number().int().positive().default(16 * MiB),
  workDirBytes: z.number().int().positive().default(64 * MiB),
  maxOutputBytes: z.number().int().positive().default(1 * MiB),
  timeoutMs: z.number().int().positive().default(10_000),
});
export type SandboxLimitsInput = z.input<typeof SandboxLimits>;
export type SandboxLimits = z.output<typeof SandboxLimits>;

// Memory the runner and its fork server need on top of what a job may use.
export const RUNNER_OVERHEAD_BYTES = 48 * MiB;
// Processes the runner and its fork server hold on top of the job's.
export const RUNNER_OVERHEAD_PIDS = 4;
