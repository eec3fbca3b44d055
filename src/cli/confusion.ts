import { basename } from "node:path";
import { z } from "zod";
import { parseFlags } from "./flags.js";
import { VouchError } from "../core/errors.js";
import { TrajectoryResult } from "../core/trajectory-result.js";
import { readJsonl } from "../dataset/jsonl-reader.js";
import { confusion, formatConfusion, LabelledRecord } from "../report/confusion.js";

const Flags = z.object({ json: z.boolean().default(false), minCaught: z.coerce.number().min(0).max(1).default(0.95) });

// `vouch confusion RESULTS LABELLED...`: how verification results compare with labelled fixtures.
// Exit 1 when a sound record failed or fewer flawed ones than --min-caught were caught exactly.
export async function confusionCommand(results: string, labelled: string[], raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(Flags, raw);
  const byId = new Map<string, TrajectoryResult>();
  for await (const item of readJsonl(results, TrajectoryResult)) if (item.ok) byId.set(item.value.id, item.value);
  const labels: LabelledRecord[] = [];
  for (const file of labelled) {
    for await (const item of readJsonl(file, LabelledRecord)) {
      if (!item.ok) throw new VouchError("INPUT_INVALID", `${item.error} (a labelled record needs id, task and expect)`, { path: file });
      labels.push(item.value);
    }
  }
  if (labels.length === 0) throw new VouchError("INPUT_INVALID", `no labelled record in ${labelled.map((p) => basename(p)).join(", ")}`);
  const report = confusion(labels, byId);
  process.stdout.write((f.json ? JSON.stringify(report) : formatConfusion(report)) + "\n");
  const t = report.total;
  const ok = t.soundPassed === t.sound && (t.flawed === 0 || t.caughtExactly / t.flawed >= f.minCaught) && report.missingResults.length === 0;
  return ok ? 0 : 1;
}
