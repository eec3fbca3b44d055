import { VouchError } from "../core/errors.js";
import { dotPath } from "../core/issues.js";
import { removeLeftovers } from "../sandbox/docker/cleanup.js";
import { assertEngine } from "../sandbox/docker/client.js";
import { DockerProvider } from "../sandbox/docker/provider.js";
import { ensureImage, imageId } from "../sandbox/image.js";
import { SandboxLimits, type SandboxLimitsInput } from "../sandbox/limits.js";
import type { Isolation, SandboxProvider } from "../sandbox/types.js";

// The sandboxes a batch command (verify, generate) runs in, shared so both build them the same way.
export interface Sandboxes {
  provider: SandboxProvider;
  image: string;
  imageDigest?: string;
  close(): Promise<void>;
}

export interface SandboxesOptions {
  /** A provider to use instead of the Docker one (tests of the orchestration). */
  provider?: SandboxProvider;
  /** Sandbox image; by default the current python image, built when missing. */
  image?: string;
  isolation?: Isolation;
  log?: (line: string) => void;
}

// Sandbox limits from flags: a bad value is a USAGE error naming the limit.
export function parseLimits(limits: SandboxLimitsInput | undefined): SandboxLimits {
  const parsed = SandboxLimits.safeParse(limits ?? {});
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new VouchError("USAGE", `sandbox limit ${dotPath(i.path)}: ${i.message}`);
  }
  return parsed.data;
}

// The caller's provider, or a Docker pool of `size` with one container ready at least (engine checked, leftovers removed, image built if missing).
export async function openSandboxes(opts: SandboxesOptions, limits: SandboxLimits, size: number): Promise<Sandboxes> {
  if (opts.provider) return { provider: opts.provider, image: opts.image ?? "", close: async () => undefined };
  await assertEngine();
  // leftovers of crashed runs are removed while the image is checked (they are never this run's containers)
  const [image] = await Promise.all([opts.image || ensureImage({ build: true, log: opts.log }), removeLeftovers()]);
  const imageDigest = await imageId(image);
  const docker = new DockerProvider({ spec: { image, limits }, isolation: opts.isolation ?? "pool", size });
  try {
    await docker.warm({ first: true }); // the batch starts on the first container ready; the others join
  } catch (e) {
    await docker.close();
    throw e;
  }
  return { provider: docker, image, imageDigest, close: () => docker.close() };
}
