// CPU accounting for the benches: on a shared, noisy machine the CPU a method spends per sample is a steadier
// measure than its wall clock (it does not grow with other users' load), and on a quiet CPU-bound machine
// throughput ratios follow it.
import { readFile } from "node:fs/promises";
import { dockerClient } from "../src/sandbox/docker/client.js";
import { LABEL_OWNER_PID } from "../src/sandbox/docker/labels.js";

// CPU (ms) used so far by this process's sandbox containers (cgroup v1 cpuacct, or v2 cpu.stat) and their
// containerd shims (which carry the attach stream). The shared engine daemon is not counted (other users share it).
export async function containersCpuMs(): Promise<{ containers: number; shims: number } | undefined> {
  const docker = dockerClient();
  const list = await docker.listContainers({ filters: { label: [`${LABEL_OWNER_PID}=${process.pid}`] } });
  const total = { containers: 0, shims: 0 };
  for (const c of list) {
    const v1 = await readFile(`/sys/fs/cgroup/cpuacct/docker/${c.Id}/cpuacct.usage`, "utf8").then((t) => Number(t) / 1e6, () => undefined);
    const v2 = v1 ?? (await readFile(`/sys/fs/cgroup/system.slice/docker-${c.Id}.scope/cpu.stat`, "utf8")
      .then((t) => Number(/usage_usec (\d+)/.exec(t)?.[1]) / 1e3, () => undefined));
    if (v2 === undefined || Number.isNaN(v2)) return undefined;
    const pid = (await docker.getContainer(c.Id).inspect()).State.Pid;
    const ppid = (await readFile(`/proc/${pid}/stat`, "utf8")).split(") ")[1]!.split(" ")[1]!;
    const shim = (await readFile(`/proc/${ppid}/stat`, "utf8")).split(") ")[1]!.split(" ");
    total.containers += v2;
    total.shims += ((Number(shim[11]) + Number(shim[12])) * 1000) / 100; // utime + stime, in clock ticks (100 Hz)
  }
  return total;
}
