import { z } from "zod";
import { report } from "../report/report.js";
import { parseFlags } from "./flags.js";

// The flags of `vouch report`; --trajectories may repeat.
export const ReportFlags = z.object({
  html: z.string().min(1).default("report.html"),
  trajectories: z.union([z.string(), z.array(z.string())]).optional().transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  title: z.string().optional(),
  json: z.boolean().default(false),
});

const pct = (x: number | null) => (x === null ? "-" : `${(x * 100).toFixed(1)}%`);

// `vouch report RESULTS --html FILE [--trajectories IN ...]`: writes the page, prints its headline numbers.
export async function reportCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(ReportFlags, raw);
  const r = await report({ input, html: f.html, trajectories: f.trajectories, ...(f.title ? { title: f.title } : {}) });
  if (f.json) {
    process.stdout.write(JSON.stringify(r) + "\n");
    return 0;
  }
  const t = r.totals;
  const lines = [
    `vouch report: ${r.html} (${(r.bytes / 1024).toFixed(0)} KiB, self-contained)`,
    `  ${t.results} result(s): ${t.trajectories} trajectories, ${t.code} code records; pass rate ${pct(t.passRate)} (${t.pass} pass, ${t.fail} fail)`,
    `  infra errors kept apart: ${t.infraErrors}; hallucinated steps: ${t.hallucinatedSteps}`,
  ];
  if (f.trajectories.length) lines.push(`  trajectory records read: ${r.records}${r.recordLinesSkipped ? ` (${r.recordLinesSkipped} line(s) without an id skipped)` : ""}`);
  if (t.unread) lines.push(`  ${t.unread} line(s) of ${input} were not results (listed in the report)`);
  process.stdout.write(lines.join("\n") + "\n");
  return 0;
}
