import { PassThrough, type Duplex } from "node:stream";
import type Docker from "dockerode";
import { VouchError } from "../../core/errors.js";
import { RUNNER_OVERHEAD_BYTES, RUNNER_OVERHEAD_PIDS, type SandboxLimits } from "../limits.js";
import { lineSplitter } from "../../core/line-splitter.js";
import { RunnerMessage, type RunnerJob, type RunnerResult } from "../protocol.js";
import type { ExecOptions, ExecResult, Sandbox, SandboxSpec } from "../types.js";
import { ownerLabels } from "./labels.js";

const READY_TIMEOUT_MS = 30_000;
// Extra time the host waits past a job's own time-out before declaring the runner dead.
const RUNNER_GRACE_MS = 15_000;
// A job may run twice within it: an assert job the runner began evaluating itself and hands to the harness instead
// (a result only the harness's test process can handle) starts again with its full time-out.
const RUNNER_BUDGET_FACTOR = 2;

// The container's configuration: every isolation setting of the design, in one place.
export function containerOptions(spec: SandboxSpec): Docker.ContainerCreateOptions {
  const l: SandboxLimits = spec.limits;
  const memory = l.memoryBytes + RUNNER_OVERHEAD_BYTES;
  const tmpfs = (bytes: number) => `rw,nosuid,nodev,noexec,size=${bytes},mode=1777`;
  return {
    Image: spec.image,
    Labels: ownerLabels(),
    AttachStdin: true,
    AttachStdout: true,
    AttachStderr: true,
    OpenStdin: true,
    StdinOnce: true, // the runner sees EOF, and exits, when Vouch goes away
    Tty: false,
    NetworkDisabled: true,
    User: "65534:65534",
    HostConfig: {
      AutoRemove: true,
      NetworkMode: "none",
      CapDrop: ["ALL"],
      SecurityOpt: ["no-new-privileges"],
      ReadonlyRootfs: true,
      // WorkingDir stays unset: pointing it at a tmpfs resets the mount to 0755 (MACHINE-NOTES).
      Tmpfs: { "/work": tmpfs(l.workDirBytes), "/tmp": tmpfs(l.workDirBytes) },
      ShmSize: 8 * 1024 * 1024,
      IpcMode: "private",
      Memory: memory,
      MemorySwap: memory,
      PidsLimit: l.pids + RUNNER_OVERHEAD_PIDS,
      NanoCpus: Math.round(l.cpus * 1e9),
      Ulimits: [{ Name: "nofile", Soft: 1024, Hard: 1024 }],
      // job output travels over the attach stream only: never into engine log files on the host's disk
      LogConfig: { Type: "none", Config: {} },
    },
  };
}

interface Pending {
  id: string;
  resolve: (r: RunnerResult) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

// One container with Vouch's runner as PID 1, driven over its attached stdin/stdout.
export class DockerSandbox implements Sandbox {
  breached = false;
  private dead: Error | undefined;
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private seq = 0;
  private stderrTail = "";
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly container: Docker.Container,
    private readonly stream: Duplex,
    private readonly spec: SandboxSpec,
  ) {}

  get id(): string {
    return this.container.id;
  }

  // Creates, attaches to and starts a container, and waits for the runner's handshake.
  static async start(docker: Docker, spec: SandboxSpec): Promise<DockerSandbox> {
    let container: Docker.Container;
    try {
      container = await docker.createContainer(containerOptions(spec));
    } catch (e) {
      throw unavailable(`could not create a sandbox container from ${spec.image}`, e);
    }
    try {
      const stream = (await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true })) as Duplex;
      const sb = new DockerSandbox(container, stream, spec);
      const ready = sb.listen(docker);
      ready.catch(() => undefined); // awaited below; if start() throws first, this must not go unhandled
      await container.start();
      await ready;
      return sb;
    } catch (e) {
      await container.remove({ force: true }).catch(() => undefined);
      throw e instanceof VouchError ? e : unavailable(`could not start a sandbox from ${spec.image}`, e);
    }
  }

  private listen(docker: Docker): Promise<void> {
    const out = new PassThrough();
    const err = new PassThrough();
    docker.modem.demuxStream(this.stream, out, err);
    err.on("data", (c: Buffer) => {
      this.stderrTail = (this.stderrTail + c.toString("utf8")).slice(-4000);
    });
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(unavailable(`runner did not start within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
      const fail = (why: string) => {
        clearTimeout(timer);
        const e = unavailable(`${why}${this.stderrTail ? `; runner said: ${this.stderrTail.trim()}` : ""}`);
        this.dead ??= e;
        reject(e);
        this.pending?.reject(e);
        if (this.pending) clearTimeout(this.pending.timer);
        this.pending = undefined;
      };
      this.stream.on("end", () => fail("sandbox container ended"));
      this.stream.on("close", () => fail("sandbox connection closed"));
      this.stream.on("error", (e) => fail(`sandbox connection failed: ${e.message}`));
      out.on(
        "data",
        lineSplitter((line) => {
          const parsed = RunnerMessage.safeParse(safeJson(line));
          if (!parsed.success) return fail(`runner sent an unreadable message: ${line.slice(0, 200)}`);
          const msg = parsed.data;
          if (msg.type === "ready") {
            clearTimeout(timer);
            resolve();
          } else if (msg.type === "error") {
            fail(`runner rejected a job: ${msg.message}`);
          } else if (this.pending && this.pending.id === msg.id) {
            const p = this.pending;
            this.pending = undefined;
            clearTimeout(p.timer);
            p.resolve(msg);
          }
        }),
      );
    });
  }

  exec(argv: string[], opts: ExecOptions = {}): Promise<ExecResult> {
    const run = this.queue.then(() => this.execNow(argv, opts));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async execNow(argv: string[], opts: ExecOptions): Promise<ExecResult> {
    if (this.dead) throw this.dead;
    const limits = this.spec.limits;
    const timeoutMs = opts.timeoutMs ?? limits.timeoutMs;
    const job: RunnerJob = {
      id: `job-${++this.seq}`,
      argv,
      stdin: b64(opts.stdin ?? ""),
      files: Object.fromEntries(Object.entries(opts.files ?? {}).map(([k, v]) => [k, b64(v)])),
      env: opts.env ?? {},
      timeoutMs,
      maxOutputBytes: limits.maxOutputBytes,
      fileSizeBytes: limits.fileSizeBytes,
      ...(opts.inlineTests === false ? { inlineTests: false } : {}),
    };
    const result = await new Promise<RunnerResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        this.dead = unavailable(`runner gave no result within ${RUNNER_BUDGET_FACTOR * timeoutMs + RUNNER_GRACE_MS} ms`);
        reject(this.dead);
      }, RUNNER_BUDGET_FACTOR * timeoutMs + RUNNER_GRACE_MS);
      this.pending = { id: job.id, resolve, reject, timer };
      this.stream.write(JSON.stringify(job) + "\n");
    });
    if (result.error) throw unavailable(`runner could not run the job: ${result.error}`);
    if (result.breach) this.breached = true;
    return {
      exitCode: result.exitCode,
      signal: result.signal,
      stdout: unb64(result.stdout),
      stderr: unb64(result.stderr),
      report: unb64(result.report),
      timedOut: result.timedOut,
      oomKilled: result.oomKilled,
      outputTruncated: result.outputTruncated,
      durationMs: result.durationMs,
      ...(result.inlineTests !== undefined ? { inlineTests: result.inlineTests } : {}),
    };
  }

  get alive(): boolean {
    return !this.dead;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.dead ??= unavailable("sandbox closed");
      this.stream.end();
      await this.container.remove({ force: true }).catch(() => undefined);
    })();
    return this.closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function unavailable(message: string, cause?: unknown): VouchError {
  return new VouchError("SANDBOX_UNAVAILABLE", message, {}, cause === undefined ? undefined : { cause });
}

function safeJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

const b64 = (v: string | Uint8Array) => Buffer.from(v).toString("base64");
const unb64 = (v: string) => Buffer.from(v, "base64").toString("utf8");
