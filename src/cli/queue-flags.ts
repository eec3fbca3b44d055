import { z } from "zod";
import { redisOptions, type QueueTarget } from "../distributed/connection.js";

// --queue and --queue-password-env, shared by verify, math and replay (the producer's side).
export const QueueFlags = {
  queue: z.string().min(1).optional(),
  queuePasswordEnv: z.string().min(1).optional(),
};

// The queue to send the batch through, when --queue is given.
export function queueTarget(f: { queue?: string | undefined; queuePasswordEnv?: string | undefined }): { queue: QueueTarget } | undefined {
  if (!f.queue) return undefined;
  const queue = { url: f.queue, ...(f.queuePasswordEnv ? { passwordEnv: f.queuePasswordEnv } : {}) };
  redisOptions(queue); // a bad URL or an unset password variable is a usage error before anything starts
  return { queue };
}
