import { imageModules } from "../../src/analysis/modules.js";
import { TaskExec } from "../../src/exec/task-exec.js";
import { DockerProvider } from "../../src/sandbox/docker/provider.js";
import { ensureImage } from "../../src/sandbox/image.js";
import { SandboxLimits } from "../../src/sandbox/limits.js";
import type { TrajectoryContext } from "../../src/tasks/verify-trajectory.js";

// A real Docker context for trajectory verifiers in tests: a warm pool of `size` sandboxes.
export async function openTaskContext(size = 2): Promise<{ ctx: TrajectoryContext; close: () => Promise<void> }> {
  const image = await ensureImage({ build: true });
  const limits = SandboxLimits.parse({ timeoutMs: 5000 });
  const provider = new DockerProvider({ spec: { image, limits }, isolation: "pool", size });
  await provider.warm();
  const ctx: TrajectoryContext = { exec: new TaskExec(provider, limits), modules: imageModules(), image, limits };
  return { ctx, close: () => provider.close() };
}

// The same context without a sandbox: only the schema and static stages run.
export function staticContext(): TrajectoryContext {
  return { modules: imageModules(), image: "", limits: SandboxLimits.parse({}) };
}
