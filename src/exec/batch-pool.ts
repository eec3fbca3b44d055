// The jobs of a batch command (verify, replay, generate) in flight, and the sandbox-failure streak that stops it.

/** After this many sandbox failures in a row the engine is taken to be gone, and the batch stops taking jobs. */
export const MAX_INFRA_STREAK = 3;

export class BatchPool {
  private readonly inflight = new Set<Promise<void>>();
  private streak = 0;
  /** Why the batch stopped taking jobs (the last of MAX_INFRA_STREAK sandbox failures in a row), once it has. */
  broken: string | undefined;

  constructor(private readonly concurrency: number) {}

  private failure: { error: unknown } | undefined;

  // Starts a job (its bookkeeping included) and returns once fewer than `concurrency` are in flight; throws the
  // first job failure (Vouch's own: a write that failed), so the batch stops instead of leaving it unhandled.
  async add(job: () => Promise<void>): Promise<void> {
    this.rethrow();
    const tracked: Promise<void> = job()
      .catch((error: unknown) => void (this.failure ??= { error }))
      .finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
    if (this.inflight.size >= this.concurrency) await Promise.race(this.inflight);
    this.rethrow();
  }

  private rethrow(): void {
    if (this.failure) throw this.failure.error;
  }

  // Books one job's outcome: the reason when the sandbox failed on it, undefined when it did not.
  outcome(infraReason: string | undefined): void {
    this.streak = infraReason === undefined ? 0 : this.streak + 1;
    if (this.streak >= MAX_INFRA_STREAK) this.broken = infraReason;
  }

  // Waits for every job; the first job failure is thrown.
  async drain(): Promise<void> {
    await Promise.all(this.inflight);
    this.rethrow();
  }

  // Waits for every job, whatever became of them (for a finally block).
  async settle(): Promise<void> {
    await Promise.allSettled(this.inflight);
  }
}
