import { sandboxConformance } from "../../../test/sandbox/conformance.js";
import { SandboxLimits } from "../limits.js";
import { ensureImage } from "../image.js";
import { DockerProvider } from "./provider.js";

sandboxConformance("docker (pool)", async () => {
  const image = await ensureImage({ build: true });
  return new DockerProvider({ spec: { image, limits: SandboxLimits.parse({}) }, isolation: "pool", size: 1 });
});

sandboxConformance("docker (fresh)", async () => {
  const image = await ensureImage({ build: true });
  return new DockerProvider({ spec: { image, limits: SandboxLimits.parse({}) }, isolation: "fresh", size: 1 });
});
