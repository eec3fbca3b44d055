import Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { isVouchError } from "../../core/errors.js";
import { ensureImage } from "../image.js";
import { SandboxLimits } from "../limits.js";
import { LABEL_OWNER_PID } from "./labels.js";
import { DockerProvider } from "./provider.js";

const mine = async () =>
  (await new Docker().listContainers({ all: true, filters: { label: [`${LABEL_OWNER_PID}=${process.pid}`] } })).length;

describe("DockerProvider pool start and close (real Docker)", () => {
  it("warm({ first }) returns with one container ready; the others join and every acquire gets its own", async () => {
    const image = await ensureImage({ build: true });
    const p = new DockerProvider({ spec: { image, limits: SandboxLimits.parse({}) }, isolation: "pool", size: 3 });
    try {
      await p.warm({ first: true });
      const sbs = await Promise.all([p.acquire(), p.acquire(), p.acquire()]);
      expect(new Set(sbs.map((s) => s.id)).size).toBe(3);
      const outs = await Promise.all(sbs.map((s) => s.exec(["python3", "-c", "print(6 * 7)"])));
      expect(outs.map((o) => o.stdout.trim())).toEqual(["42", "42", "42"]);
      await Promise.all(sbs.map((s) => p.release(s)));
      await p.warm(); // all there: starts nothing
      expect(await mine()).toBe(3);
    } finally {
      await p.close();
    }
    expect(await mine()).toBe(0);
  }, 120_000);

  it("starts no container once closed (a retry during Ctrl-C would leave one behind)", async () => {
    const image = await ensureImage({ build: true });
    const p = new DockerProvider({ spec: { image, limits: SandboxLimits.parse({}) }, isolation: "pool", size: 1 });
    await p.close();
    const err = await p.acquire().catch((e: unknown) => e);
    expect(isVouchError(err) && err.code).toBe("SANDBOX_UNAVAILABLE");
    expect(await mine()).toBe(0);
  }, 60_000);
});
