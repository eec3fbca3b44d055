import { z } from "zod";
import { startQueueWorker } from "../distributed/worker.js";
import { closeAllProviders } from "../sandbox/docker/provider.js";
import { parseFlags } from "./flags.js";

export const WorkerFlags = z.object({
  queue: z.string().min(1),
  queuePasswordEnv: z.string().min(1).optional(),
  concurrency: z.coerce.number().int().min(1).max(64),
  isolation: z.enum(["pool", "fresh"]),
  name: z.string().min(1).optional(),
  cacheDir: z.string().optional(),
  lockMs: z.coerce.number().int().min(1_000),
});

// `vouch worker --queue redis://HOST:PORT`: verifies chunks from the queue until SIGTERM/SIGINT. The first
// signal stops taking jobs and finishes the ones under way; a second hands them back (another worker redoes them).
export async function workerCommand(raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(WorkerFlags, raw);
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const worker = await startQueueWorker({
    queue: { url: f.queue, ...(f.queuePasswordEnv ? { passwordEnv: f.queuePasswordEnv } : {}) },
    concurrency: f.concurrency,
    isolation: f.isolation,
    ...(f.name ? { name: f.name } : {}),
    ...(f.cacheDir ? { cacheDir: f.cacheDir } : {}),
    lockMs: f.lockMs,
    stalledCheckMs: Math.max(500, Math.round(f.lockMs / 2)),
    log,
  });
  // this command's own shutdown replaces the CLI's (which removes the sandboxes at once)
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.removeAllListeners(sig);
  await new Promise<void>((done) => {
    let signals = 0;
    const stop = (sig: string) => {
      signals++;
      const force = signals > 1;
      log(`vouch worker ${worker.name}: ${sig}, ${force ? "handing back the jobs under way" : "finishing the jobs under way (again to hand them back)"}`);
      void worker.close(force).finally(done);
    };
    process.on("SIGTERM", () => stop("SIGTERM"));
    process.on("SIGINT", () => stop("SIGINT"));
  });
  await closeAllProviders();
  log(`vouch worker ${worker.name}: stopped`);
  return 0;
}
