import { assertEngine } from "../sandbox/docker/client.js";
import { removeLeftovers } from "../sandbox/docker/cleanup.js";

export async function cleanupCommand(all: boolean): Promise<number> {
  await assertEngine();
  const n = await removeLeftovers({ all });
  process.stdout.write(`removed ${n} container(s)\n`);
  return 0;
}
