import { hostname } from "node:os";
import type Docker from "dockerode";
import { dockerClient } from "./client.js";
import { LABEL_MANAGED, LABEL_OWNER_HOST, LABEL_OWNER_PID } from "./labels.js";

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Removes Vouch containers whose owner process on this host is gone (a crash), or all of them.
export async function removeLeftovers(opts: { all?: boolean } = {}, docker: Docker = dockerClient()): Promise<number> {
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABEL_MANAGED}=true`] } });
  const me = hostname();
  const stale = list.filter((c) => {
    if (opts.all) return true;
    const pid = Number(c.Labels[LABEL_OWNER_PID]);
    const host = c.Labels[LABEL_OWNER_HOST];
    return host === me && pid !== process.pid && !processAlive(pid);
  });
  await Promise.all(
    stale.map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  return stale.length;
}
