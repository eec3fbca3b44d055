import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IMAGES_DIR } from "../sandbox/image.js";

// The modules importable in the Python sandbox image, as recorded from a build of it
// (sandbox-images/python.modules.json; a Docker test checks it against the image's own /opt/vouch/modules.json).
export const MODULES_SNAPSHOT = join(IMAGES_DIR, "python.modules.json");

let cached: ReadonlySet<string> | undefined;

export function imageModules(): ReadonlySet<string> {
  cached ??= new Set(JSON.parse(readFileSync(MODULES_SNAPSHOT, "utf8")) as string[]);
  return cached;
}
