import { z } from "zod";
import type { Problem } from "../core/problem.js";
import { TaskExec } from "../exec/task-exec.js";
import { openSandboxes, parseLimits, type Sandboxes } from "../exec/sandboxes.js";
import { annotate, type AnnotateSummary } from "../generate/annotate.js";
import { testsFor } from "../generate/tests-for.js";
import { createLlm } from "../llm/client.js";
import { llmOptionsFromFlags, LlmFlags } from "./llm-flags.js";
import { formatUsage } from "../llm/usage.js";
import { countLines } from "../dataset/count-lines.js";
import { parseFlags } from "./flags.js";
import { createProgress, type Progress } from "./progress.js";

// The flags of `vouch annotate` besides the shared LLM ones.
export const AnnotateFlags = LlmFlags.extend({
  out: z.string().min(1),
  json: z.boolean().default(false),
});

// The exit code of an annotate run: 5 replies the model never got right, 2 malformed input lines, else 0.
export function annotateExitCode(s: AnnotateSummary): number {
  if (s.failed.length > 0) return 5;
  if (s.invalidLines.length > 0) return 2;
  return 0;
}

// The summary as text lines.
export function formatAnnotateSummary(s: AnnotateSummary): string {
  const lines = [
    `vouch annotate: ${s.annotated} annotated, ${s.resumed} already in ${s.output}, ${s.skipped.length} skipped, ${s.failed.length} failed, ${s.invalidLines.length} invalid lines (${s.model}, ${s.prompt}, ${(s.durationMs / 1000).toFixed(1)} s)`,
  ];
  if (s.tests.problems) lines.push(`generated tests: ${s.tests.kept} of ${s.tests.proposed} proposed kept, over ${s.tests.problems} problems without tests`);
  for (const k of s.skipped) lines.push(`  skipped ${k.id}: ${k.reason}`);
  for (const f of s.failed) lines.push(`  failed ${f.id}: ${f.error}`);
  for (const l of s.invalidLines) lines.push(`  invalid: ${l}`);
  return [...lines, ...formatUsage(s.usage)].join("\n");
}

export async function annotateCommand(input: string, raw: Record<string, unknown>): Promise<number> {
  const f = parseFlags(AnnotateFlags, raw);
  const llmOpts = llmOptionsFromFlags(raw);
  const llm = createLlm(llmOpts);
  const say = (line: string) => !f.json && process.stderr.write(`${line}\n`);
  const lines = countLines(input).catch(() => 0);
  let progress: Progress | undefined;
  // the sandbox is opened only when a problem without tests shows up (its generated tests are run there)
  let sandboxes: Promise<{ sb: Sandboxes; exec: TaskExec }> | undefined;
  const exec = () =>
    (sandboxes ??= (async () => {
      const limits = parseLimits({});
      const sb = await openSandboxes({ log: say }, limits, 2);
      return { sb, exec: new TaskExec(sb.provider, limits) };
    })());
  try {
    const summary = await annotate({
      input,
      output: f.out,
      llm,
      concurrency: llmOpts.concurrency * 2,
      testsFor: async (p: Problem) => testsFor(p, llm, (await exec()).exec),
      onStart: ({ resumed, prompt }) => {
        say(`vouch annotate: ${llm.model} at ${llmOpts.baseUrl}, ${prompt}${resumed ? `, resuming (${resumed} already in ${f.out})` : ""}`);
        const p = (progress = createProgress({ label: "annotate", json: f.json, verdicts: ["annotated", "failed"] }));
        void lines.then((n) => p.setTotal(Math.max(0, n - resumed)));
      },
      onInvalid: (error) => {
        progress?.tick({ id: "", verdict: "invalid" });
        if (!process.stderr.isTTY) say(`invalid: ${error}`);
      },
      onResult: (r) => progress?.tick({ id: r.id, verdict: r.status }),
    });
    progress?.stop();
    process.stdout.write((f.json ? JSON.stringify(summary) : formatAnnotateSummary(summary)) + "\n");
    return annotateExitCode(summary);
  } finally {
    progress?.stop();
    if (sandboxes) await sandboxes.then((s) => s.sb.close(), () => undefined);
  }
}
