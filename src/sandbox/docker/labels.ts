import { hostname } from "node:os";

// Every container Vouch starts carries these labels, so leftovers can always be found.
export const LABEL_MANAGED = "dev.vouch.managed";
export const LABEL_OWNER_PID = "dev.vouch.owner-pid";
export const LABEL_OWNER_HOST = "dev.vouch.owner-host";

export function ownerLabels(): Record<string, string> {
  return { [LABEL_MANAGED]: "true", [LABEL_OWNER_PID]: String(process.pid), [LABEL_OWNER_HOST]: hostname() };
}
