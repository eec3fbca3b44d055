import { describe, expect, it } from "vitest";
import { DockerProvider } from "../sandbox/docker/provider.js";
import { ensureImage } from "../sandbox/image.js";
import { SandboxLimits } from "../sandbox/limits.js";
import { imageModules } from "./modules.js";

describe("the module snapshot used by static checks", () => {
  it("is the module list the sandbox image recorded when it was built", async () => {
    const image = await ensureImage({ build: true });
    const provider = new DockerProvider({ spec: { image, limits: SandboxLimits.parse({}) }, isolation: "pool", size: 1 });
    try {
      const sb = await provider.acquire();
      const r = await sb.exec(["cat", "/opt/vouch/modules.json"]);
      await provider.release(sb);
      const inImage = JSON.parse(r.stdout) as string[];
      expect([...imageModules()].sort()).toEqual(inImage);
      expect(inImage).toContain("pytest");
      expect(inImage).not.toContain("numpy");
    } finally {
      await provider.close();
    }
  });
});
