import { VouchError } from "../core/errors.js";
import { assertEngine } from "../sandbox/docker/client.js";
import { ensureImage, imageTags } from "../sandbox/image.js";

export async function imageCommand(action: string): Promise<number> {
  await assertEngine();
  if (action === "build") {
    const tag = await ensureImage({ build: true, log: (l) => process.stderr.write(`${l}\n`) });
    process.stdout.write(`${tag}\n`);
    return 0;
  }
  if (action === "status") {
    try {
      process.stdout.write(`${await ensureImage({ build: false })} present\n`);
      return 0;
    } catch (e) {
      process.stdout.write(`${imageTags().image} missing\n`);
      return 1;
    }
  }
  throw new VouchError("USAGE", `unknown image action ${action}: use build or status`);
}
