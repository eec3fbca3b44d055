// `make mutants`: every mutant of every fixture problem's reference solution run against the problem's tests in
// the real sandbox; prints, per operator, how many were tried, parsed, run, killed and kept (docs/mutation.md).
//   npx tsx scripts/mutation-report.ts [--json] [--max-per-operator N] [--problems FILE] [--timeout-ms MS] [--pool N]
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { OperatorName } from "../src/analysis/mutate.js";
import { Problem } from "../src/core/problem.js";
import { TaskExec } from "../src/exec/task-exec.js";
import { seedBugs, type OperatorStats } from "../src/generate/seed-bugs.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { SandboxLimits } from "../src/sandbox/limits.js";

const COLUMNS = ["tried", "unparsable", "parsed", "run", "killed", "limitKilled", "loadKilled", "survived", "infraError", "kept"] as const;

// Adds one operator's stats into a running total.
function add(into: OperatorStats, s: OperatorStats): void {
  for (const c of COLUMNS) into[c] += s[c];
}

const zero = (): OperatorStats => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as OperatorStats;

// The table: one row per operator, then the totals; killed% is killed / run.
function table(rows: [string, OperatorStats][]): string {
  const head = ["operator", ...COLUMNS, "killed%"];
  const body = rows.map(([name, s]) => [name, ...COLUMNS.map((c) => String(s[c])), s.run ? `${Math.round((100 * s.killed) / s.run)}%` : "-"]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      json: { type: "boolean", default: false },
      "max-per-operator": { type: "string" },
      problems: { type: "string", default: "fixtures/problems/problems.jsonl" },
      "timeout-ms": { type: "string", default: "3000" },
      pool: { type: "string", default: "2" },
    },
  });
  const problems = (await readFile(values.problems, "utf8"))
    .split("\n")
    .filter((l) => l.trim())
    .map((l, i) => {
      const parsed = Problem.safeParse(JSON.parse(l));
      if (!parsed.success) throw new Error(`${values.problems}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
  const image = await ensureImage({ build: true, log: (l) => process.stderr.write(`${l}\n`) });
  const limits = SandboxLimits.parse({ timeoutMs: Number(values["timeout-ms"]) });
  const pool = Number(values.pool);
  const provider = new DockerProvider({ spec: { image, limits }, isolation: "pool", size: pool });
  const started = Date.now();
  const totals = Object.fromEntries(OperatorName.options.map((k) => [k, zero()])) as Record<OperatorName, OperatorStats>;
  const perProblem: { id: string; reference: string; kept: number; stats: Record<string, OperatorStats> }[] = [];
  try {
    await provider.warm();
    const exec = new TaskExec(provider, limits);
    const max = values["max-per-operator"] ? Number(values["max-per-operator"]) : undefined;
    for (const p of problems) {
      const r = await seedBugs(p, exec, { concurrency: pool, ...(max ? { maxPerOperator: max } : {}) });
      for (const k of OperatorName.options) add(totals[k], r.stats[k]);
      perProblem.push({ id: p.id, reference: r.reference.verdict, kept: r.kept.length, stats: r.stats });
      if (!values.json) process.stderr.write(`${p.id}: reference ${r.reference.verdict}, ${r.kept.length} kept\n`);
    }
  } finally {
    await provider.close();
  }
  const all = zero();
  for (const k of OperatorName.options) add(all, totals[k]);
  const seconds = Math.round((Date.now() - started) / 1000);
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ problems: problems.length, image, seconds, operators: totals, total: all, perProblem })}\n`);
    return;
  }
  const rows: [string, OperatorStats][] = [...OperatorName.options.map((k) => [k, totals[k]] as [string, OperatorStats]), ["total", all]];
  process.stdout.write(`Mutants of ${problems.length} reference solutions (${values.problems}), run in ${image} in ${seconds} s\n`);
  process.stdout.write(`${table(rows)}\n`);
  process.stdout.write("killed = failed >= 1 test or hit a limit; kept = failed a test with a message (limit and load kills are not kept)\n");
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
