import type Docker from "dockerode";
import { VouchError } from "../../core/errors.js";
import type { Isolation, Sandbox, SandboxProvider, SandboxSpec } from "../types.js";
import { dockerClient } from "./client.js";
import { DockerSandbox } from "./container.js";

export interface DockerProviderOptions {
  spec: SandboxSpec;
  isolation: Isolation;
  /** How many sandboxes may exist at once (the batch's concurrency). */
  size: number;
  docker?: Docker;
}

const live = new Set<DockerProvider>();

// Closes every provider still open (used on exit and on Ctrl-C).
export async function closeAllProviders(): Promise<void> {
  await Promise.all([...live].map((p) => p.close()));
}

// Sandboxes on the Docker engine: a warm pool of reusable containers, or one fresh container per sample.
export class DockerProvider implements SandboxProvider {
  readonly name = "docker" as const;
  private readonly docker: Docker;
  private readonly idle: DockerSandbox[] = [];
  private readonly all = new Set<DockerSandbox>();
  private readonly waiters: Array<() => void> = [];
  /** Containers being started (at warm-up, or to replace breached ones): each joins `idle` when ready. */
  private readonly starting = new Set<Promise<void>>();
  private readonly removing = new Set<Promise<void>>();
  private slots: number;
  private closed = false;

  constructor(private readonly opts: DockerProviderOptions) {
    this.docker = opts.docker ?? dockerClient();
    this.slots = opts.size;
    live.add(this);
  }

  // Starts the pool's missing containers; resolves once all are ready, or with `first` once one is (the others
  // join the pool as they come up), so a batch starts on the first container ready. Throws if none can start.
  async warm(opts: { first?: boolean } = {}): Promise<void> {
    if (this.opts.isolation !== "pool") return;
    const missing = this.opts.size - this.all.size - this.starting.size;
    const started = Array.from({ length: missing }, () => this.spare());
    if (!opts.first) await Promise.all(started);
    else if (started.length) await Promise.any(started).catch((e: AggregateError) => Promise.reject(e.errors[0]));
  }

  // Starts a container that joins the idle ones when ready (a failed one is replaced by a fresh start at acquire).
  private spare(): Promise<DockerSandbox> {
    const started = this.start();
    const tracked: Promise<void> = started
      .then((sb) => void this.idle.push(sb), () => undefined)
      .finally(() => this.starting.delete(tracked));
    this.starting.add(tracked);
    return started;
  }

  async acquire(): Promise<Sandbox> {
    if (this.slots === 0) await new Promise<void>((r) => this.waiters.push(r));
    else this.slots--;
    try {
      for (;;) {
        // after close (Ctrl-C) no container is started: one being created as the process exits would be left behind
        if (this.closed) throw new VouchError("SANDBOX_UNAVAILABLE", "the sandbox pool is closed");
        let sb = this.idle.pop();
        while (sb && !sb.alive) {
          this.all.delete(sb);
          sb = this.idle.pop();
        }
        if (sb) return sb;
        if (this.starting.size === 0) return await this.start();
        await Promise.race(this.starting); // one came up (or failed): look again
      }
    } catch (e) {
      this.freeSlot();
      throw e;
    }
  }

  async release(sb: Sandbox): Promise<void> {
    const d = sb as DockerSandbox;
    if (this.closed || this.opts.isolation === "fresh" || d.breached || !d.alive) {
      this.all.delete(d);
      const removal = d.close().finally(() => this.removing.delete(removal));
      this.removing.add(removal);
      if (!this.closed && this.opts.isolation === "pool") this.spare(); // so the next sample need not wait for one
    } else {
      this.idle.push(d);
    }
    this.freeSlot();
  }

  private freeSlot(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.slots++;
  }

  private async start(): Promise<DockerSandbox> {
    const sb = await DockerSandbox.start(this.docker, this.opts.spec);
    this.all.add(sb);
    if (this.closed) await sb.close();
    return sb;
  }

  // Resolves once no container is being started or removed (engine work that would disturb a timing).
  async settle(): Promise<void> {
    await Promise.allSettled([...this.starting, ...this.removing]);
  }

  async close(): Promise<void> {
    this.closed = true;
    live.delete(this);
    await Promise.allSettled([...this.starting]);
    const all = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all([...all.map((s) => s.close()), ...this.removing]);
  }
}
