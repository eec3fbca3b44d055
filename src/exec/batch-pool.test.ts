import { describe, expect, it } from "vitest";
import { BatchPool, MAX_INFRA_STREAK } from "./batch-pool.js";

// A job that finishes when its `release` is called.
function gate() {
  let release!: () => void;
  const done = new Promise<void>((r) => (release = r));
  return { done, release };
}

describe("BatchPool", () => {
  it("keeps at most `concurrency` jobs in flight: add waits while the pool is full", async () => {
    const pool = new BatchPool(2);
    const a = gate();
    const b = gate();
    let running = 0;
    let most = 0;
    const job = (g: { done: Promise<void> }) => async () => {
      most = Math.max(most, ++running);
      await g.done;
      running--;
    };
    await pool.add(job(a));
    let third = false;
    const adding = pool.add(job(b)).then(() => (third = true));
    await Promise.resolve();
    expect(third).toBe(false); // two in flight: add waits
    a.release();
    await adding;
    expect(third).toBe(true);
    b.release();
    await pool.drain();
    expect(most).toBe(2);
  });

  it("breaks after MAX_INFRA_STREAK sandbox failures in a row, and a success resets the streak", () => {
    const pool = new BatchPool(1);
    for (let i = 0; i < MAX_INFRA_STREAK - 1; i++) pool.outcome("engine gone");
    pool.outcome(undefined);
    for (let i = 0; i < MAX_INFRA_STREAK - 1; i++) pool.outcome("engine gone");
    expect(pool.broken).toBeUndefined();
    pool.outcome("container vanished");
    expect(pool.broken).toBe("container vanished");
  });

  it("a job's failure is thrown by the next add or by drain, never left unhandled; settle does not throw", async () => {
    const failing = new BatchPool(4);
    await failing.add(() => Promise.reject(new Error("disk full")));
    await new Promise((r) => setTimeout(r, 0));
    await expect(failing.add(async () => undefined)).rejects.toThrow("disk full");
    await expect(failing.drain()).rejects.toThrow("disk full");
    await expect(failing.settle()).resolves.toBeUndefined();
  });
});
