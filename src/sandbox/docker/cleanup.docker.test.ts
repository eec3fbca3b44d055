import { hostname } from "node:os";
import Docker from "dockerode";
import { describe, expect, it } from "vitest";
import { ensureImage } from "../image.js";
import { removeLeftovers } from "./cleanup.js";
import { LABEL_MANAGED, LABEL_OWNER_HOST, LABEL_OWNER_PID } from "./labels.js";

describe("removeLeftovers (real Docker)", () => {
  it("removes containers of a crashed owner on this host, and leaves a live owner's alone", async () => {
    const docker = new Docker();
    const image = await ensureImage({ build: true });
    const make = (pid: number) =>
      docker.createContainer({
        Image: image,
        Cmd: ["sleep", "60"],
        Labels: { [LABEL_MANAGED]: "true", [LABEL_OWNER_PID]: String(pid), [LABEL_OWNER_HOST]: hostname() },
        HostConfig: { NetworkMode: "none" },
      });
    const crashed = await make(2_000_000_000); // no such process
    const live = await make(process.pid);
    try {
      await crashed.start();
      await removeLeftovers(); // (another test process may have removed it first: the outcome is what counts)
      // another test process's start-up may be removing it at the same moment: wait for the outcome
      const gone = async () => crashed.inspect().then(() => false, () => true);
      for (let i = 0; i < 50 && !(await gone()); i++) await new Promise((r) => setTimeout(r, 200));
      expect(await gone()).toBe(true);
      expect((await live.inspect()).Id).toBe(live.id);
    } finally {
      await Promise.all([crashed, live].map((c) => c.remove({ force: true }).catch(() => undefined)));
    }
  }, 120_000);
});
