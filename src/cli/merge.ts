import { mergeJsonl } from "../dataset/merge.js";

export async function mergeCommand(inputs: string[], out: string): Promise<number> {
  const r = await mergeJsonl(inputs, out);
  process.stdout.write(`wrote ${r.written} record(s) to ${out}, dropped ${r.duplicates} duplicate(s)\n`);
  return 0;
}
