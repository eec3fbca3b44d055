import type Docker from "dockerode";
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
  /** Containers being started to replace breached ones, so the next sample need not wait for one. */
  private readonly spares: Array<Promise<DockerSandbox>> = [];
  private readonly removing = new Set<Promise<void>>();
  private slots: number;
  private closed = false;

  constructor(private readonly opts: DockerProviderOptions) {
    this.docker = opts.docker ?? dockerClient();
    this.slots = opts.size;
    live.add(this);
  }

  // Starts the pool's containers ahead of the first sample.
  async warm(): Promise<void> {
    if (this.opts.isolation !== "pool") return;
    const missing = this.opts.size - this.all.size;
    const started = await Promise.all(Array.from({ length: missing }, () => this.start()));
    this.idle.push(...started);
  }

  async acquire(): Promise<Sandbox> {
    if (this.slots === 0) await new Promise<void>((r) => this.waiters.push(r));
    else this.slots--;
    try {
      let sb = this.idle.pop();
      while (sb && !sb.alive) {
        this.all.delete(sb);
        sb = this.idle.pop();
      }
      const spare = sb ? undefined : this.spares.shift();
      if (spare) sb = await spare.catch(() => undefined);
      return sb ?? (await this.start());
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
      if (!this.closed && this.opts.isolation === "pool") {
        const spare = this.start();
        spare.catch(() => undefined); // a failed spare is replaced by a fresh start at the next acquire
        this.spares.push(spare);
      }
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
    await Promise.allSettled([...this.spares, ...this.removing]);
  }

  async close(): Promise<void> {
    this.closed = true;
    live.delete(this);
    await Promise.allSettled(this.spares.splice(0));
    const all = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all([...all.map((s) => s.close()), ...this.removing]);
  }
}
