import type { SandboxLimits } from "./limits.js";

export interface ExecOptions {
  /** Bytes or text given to the command as its stdin: a regular file on fd 0 (os.fstat(0).st_size is its size). */
  stdin?: string | Uint8Array;
  /** Wall-clock limit; the whole process tree is killed when it passes. Defaults to the sandbox's. */
  timeoutMs?: number;
  /** Environment added to the pinned one (TZ=UTC, LANG=C.UTF-8, PYTHONHASHSEED=0). */
  env?: Record<string, string>;
  /** Files written into the job directory before the command starts (relative paths). */
  files?: Record<string, string | Uint8Array>;
  /**
   * Assert-harness jobs only: false makes the runner start the harness's own test process even for tests it could
   * evaluate itself (the two give the same report; tests compare them).
   */
  inlineTests?: boolean;
}

// A failing command is a result: reason flags say why it stopped.
export interface ExecResult {
  exitCode: number | null; // null when killed by a signal
  signal: string | null;
  stdout: string;
  stderr: string;
  /** Whatever the command wrote to fd 3, a private channel for Vouch's own harnesses. */
  report: string;
  timedOut: boolean;
  oomKilled: boolean;
  outputTruncated: boolean;
  durationMs: number;
  /** True when the runner evaluated an assert job's tests itself, with no test process (runner_asserts.py). */
  inlineTests?: boolean;
}

export type Isolation = "pool" | "fresh";

export interface SandboxSpec {
  image: string;
  limits: SandboxLimits;
}

export interface Sandbox extends AsyncDisposable {
  readonly id: string;
  /**
   * Runs argv in a fresh job directory (the working directory) as a new process group, and waits.
   * Never throws for a failing command: time-outs, OOM kills and output floods are flags on the result.
   * After it returns, every process the command started is gone and the job directory, /tmp and
   * /dev/shm are wiped. One exec at a time per sandbox.
   * Throws VouchError("SANDBOX_UNAVAILABLE") if the container or its runner is gone.
   */
  exec(argv: string[], opts?: ExecOptions): Promise<ExecResult>;
  /** True once a job breached a limit: the container should not be reused. */
  readonly breached: boolean;
  /** Stops and removes the container. Idempotent. */
  close(): Promise<void>;
}

export interface SandboxProvider {
  readonly name: "docker" | "fake";
  /** A sandbox to run one sample in: from the warm pool, or a new container under "fresh". */
  acquire(): Promise<Sandbox>;
  /** Gives a sandbox back; a breached one is destroyed and replaced. */
  release(sb: Sandbox): Promise<void>;
  /** Resolves once no sandbox is being started or removed (optional: for measurements the engine's work would disturb). */
  settle?(): Promise<void>;
  /** Removes every sandbox this provider started. */
  close(): Promise<void>;
}
