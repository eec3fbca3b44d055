import { describe, expect, it } from "vitest";
import { MiB, RUNNER_OVERHEAD_BYTES, SandboxLimits } from "../limits.js";
import { containerOptions } from "./container.js";
import { LABEL_MANAGED } from "./labels.js";

describe("containerOptions", () => {
  const limits = SandboxLimits.parse({ memoryBytes: 128 * MiB, pids: 32, cpus: 1 });
  const o = containerOptions({ image: "vouch-python:x", limits });
  const h = o.HostConfig!;

  it("isolates: no network, non-root, no capabilities, no new privileges, read-only root", () => {
    expect(o.NetworkDisabled).toBe(true);
    expect(h.NetworkMode).toBe("none");
    expect(o.User).toBe("65534:65534");
    expect(h.CapDrop).toEqual(["ALL"]);
    expect(h.SecurityOpt).toEqual(["no-new-privileges"]);
    expect(h.ReadonlyRootfs).toBe(true);
    expect(h.Privileged).toBeFalsy();
    expect(h.Binds ?? []).toEqual([]);
  });

  it("limits memory (no swap), processes, CPU, and keeps job output off the host disk", () => {
    expect(h.Memory).toBe(128 * MiB + RUNNER_OVERHEAD_BYTES);
    expect(h.MemorySwap).toBe(h.Memory);
    expect(h.PidsLimit).toBeGreaterThanOrEqual(32);
    expect(h.NanoCpus).toBe(1e9);
    expect(h.LogConfig?.Type).toBe("none");
    expect(Object.keys(h.Tmpfs ?? {}).sort()).toEqual(["/tmp", "/work"]);
    expect(h.Tmpfs?.["/work"]).toContain("noexec");
  });

  it("labels the container and lets the engine remove it when the runner exits", () => {
    expect(o.Labels?.[LABEL_MANAGED]).toBe("true");
    expect(h.AutoRemove).toBe(true);
    expect(o.StdinOnce).toBe(true);
    expect(o.WorkingDir).toBeUndefined(); // a WorkingDir on the tmpfs would make it unwritable
  });
});
