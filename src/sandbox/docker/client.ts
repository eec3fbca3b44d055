import Docker from "dockerode";
import { VouchError } from "../../core/errors.js";

let shared: Docker | undefined;

// The engine named by the standard Docker environment (DOCKER_HOST and friends), or the local socket.
export function dockerClient(): Docker {
  shared ??= new Docker();
  return shared;
}

// Fails with SANDBOX_UNAVAILABLE and what to do when no engine answers.
export async function assertEngine(docker = dockerClient()): Promise<void> {
  try {
    await docker.ping();
  } catch (e) {
    throw new VouchError(
      "SANDBOX_UNAVAILABLE",
      `no Docker engine answers (${(e as Error).message}). Start one (as root here: scripts/ensure-docker.sh), ` +
        "or point DOCKER_HOST at one.",
      {},
      { cause: e },
    );
  }
}
