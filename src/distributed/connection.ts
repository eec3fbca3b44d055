import type { RedisOptions } from "bullmq";
import { VouchError } from "../core/errors.js";

/** The one BullMQ queue every producer and worker of a deployment share (runs are told apart by job data). */
export const QUEUE_NAME = "vouch";

// Where the queue is: a redis:// or rediss:// (TLS) URL, and optionally the name of a variable holding the password.
export interface QueueTarget {
  url: string;
  passwordEnv?: string;
}

// ioredis options from a queue URL: host, port, user, password (from the URL or --queue-password-env), db, TLS.
// maxRetriesPerRequest null: BullMQ's blocking commands wait through a Redis restart instead of failing.
export function redisOptions(target: QueueTarget): RedisOptions {
  let u: URL;
  try {
    u = new URL(target.url);
  } catch {
    throw new VouchError("USAGE", `--queue: not a URL: ${JSON.stringify(redact(target.url))} (expected redis://HOST:PORT)`);
  }
  if (u.protocol !== "redis:" && u.protocol !== "rediss:") {
    throw new VouchError("USAGE", `--queue: ${u.protocol} is not redis: or rediss: (TLS)`);
  }
  let password = u.password ? decodeURIComponent(u.password) : undefined;
  if (target.passwordEnv) {
    password = process.env[target.passwordEnv];
    if (!password) throw new VouchError("USAGE", `--queue-password-env: the variable ${target.passwordEnv} is empty or unset`);
  }
  const db = u.pathname.replace(/^\//, "");
  if (db && !/^\d+$/.test(db)) throw new VouchError("USAGE", `--queue: the path must be a database number, not ${JSON.stringify(db)}`);
  return {
    host: u.hostname || "127.0.0.1",
    port: u.port ? Number(u.port) : 6379,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(password ? { password } : {}),
    ...(db ? { db: Number(db) } : {}),
    // rediss://: TLS, the server checked against Node's CAs (add a private CA with NODE_EXTRA_CA_CERTS)
    ...(u.protocol === "rediss:" ? { tls: { servername: u.hostname } } : {}),
    maxRetriesPerRequest: null,
  };
}

// The URL with its password replaced, for messages and logs.
export function redact(url: string): string {
  return url.replace(/(\/\/[^/@:]*:)[^@/]*@/, "$1***@");
}
