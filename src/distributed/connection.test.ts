import { afterEach, describe, expect, it } from "vitest";
import { isVouchError } from "../core/errors.js";
import { redact, redisOptions } from "./connection.js";
import { JobData } from "./job.js";
import { SandboxLimits } from "../sandbox/limits.js";

const usage = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return isVouchError(e) && e.code === "USAGE" ? e.message : `not USAGE: ${String(e)}`;
  }
  return "no error";
};

describe("queue URL", () => {
  afterEach(() => delete process.env.VOUCH_TEST_REDIS_PW);

  it("host, port, user, password (URL-decoded), db; TLS for rediss://; retries without limit for BullMQ", () => {
    expect(redisOptions({ url: "redis://:p%40ss@10.1.2.3:6380/2" })).toEqual({ host: "10.1.2.3", port: 6380, password: "p@ss", db: 2, maxRetriesPerRequest: null });
    expect(redisOptions({ url: "rediss://vouch:s3cret@queue.internal" })).toEqual({
      host: "queue.internal", port: 6379, username: "vouch", password: "s3cret", tls: { servername: "queue.internal" }, maxRetriesPerRequest: null,
    });
  });

  it("--queue-password-env takes the password from the variable, over the URL's; an unset one is a usage error", () => {
    process.env.VOUCH_TEST_REDIS_PW = "from-env";
    expect(redisOptions({ url: "redis://:inurl@h:1", passwordEnv: "VOUCH_TEST_REDIS_PW" }).password).toBe("from-env");
    expect(usage(() => redisOptions({ url: "redis://h:1", passwordEnv: "VOUCH_TEST_NOT_SET" }))).toMatch(/VOUCH_TEST_NOT_SET is empty or unset/);
  });

  it("not a redis URL: a usage error that does not print the password", () => {
    expect(usage(() => redisOptions({ url: "http://h:1" }))).toMatch(/http: is not redis: or rediss:/);
    expect(usage(() => redisOptions({ url: "redis://h:1/queue" }))).toMatch(/database number/);
    const msg = usage(() => redisOptions({ url: "redis//:topsecret@h" }));
    expect(msg).toMatch(/not a URL/);
    expect(msg).not.toContain("topsecret");
    expect(redact("redis://:topsecret@h:1")).toBe("redis://:***@h:1");
    expect(redact("rediss://user:topsecret@h:1/0")).toBe("rediss://user:***@h:1/0");
  });
});

describe("a job", () => {
  const job = { run: "r", kind: "verify", input: "in.jsonl", lines: [{ line: 1, text: "{}" }], spec: { limits: SandboxLimits.parse({}) } };

  it("is records and the limits they are verified under, nothing that could pick another isolation or provider", () => {
    expect(JobData.safeParse(job).success).toBe(true);
    expect(JobData.safeParse({ ...job, spec: { ...job.spec, isolation: "none" } }).success).toBe(false);
    expect(JobData.safeParse({ ...job, provider: "host" }).success).toBe(false);
    expect(JobData.safeParse({ ...job, spec: { limits: { ...job.spec.limits, memoryBytes: 1 } } }).success).toBe(false);
    expect(JobData.safeParse({ ...job, kind: "shell" }).success).toBe(false);
  });
});
