import { availableParallelism } from "node:os";
import { cac } from "cac";
import { exitCodes, isVouchError } from "../core/errors.js";
import { addLlmOptions } from "./llm-flags.js";
import { addJudgeOptions } from "./judge-flags.js";
import { closeAllProviders } from "../sandbox/docker/provider.js";

const cli = cac("vouch");
type Command = ReturnType<typeof cli.command>;

// The sandbox flags every command that runs code takes (the limits are per run, as in src/sandbox/limits.ts).
function addSandboxOptions(cmd: Command): Command {
  return cmd
    .option("--isolation <mode>", "pool (warm containers, reused) or fresh (a new container per run)", { default: "pool" })
    .option("--timeout-ms <ms>", "Wall-clock limit per run", { default: 10_000 })
    .option("--memory-mb <mb>", "Memory limit per run", { default: 256 });
}

// Distribution over a BullMQ queue on Redis (docs/distributed.md): the producer's side of verify, math, replay.
function addQueueOptions(cmd: Command): Command {
  return cmd
    .option("--queue <url>", "Send the records to `vouch worker`s through this Redis (redis://[:PASS@]HOST:PORT, rediss:// for TLS)")
    .option("--queue-password-env <name>", "Take the Redis password from this environment variable");
}

addJudgeOptions(addLlmOptions(addQueueOptions(addSandboxOptions(
  cli
    .command("verify <input>", "Verify code records and trajectory records (JSONL) in sandboxes")
    .option("--out <file>", "Results JSONL (appended; ids already there are skipped)", { default: "results.jsonl" })
    .option("--concurrency <n>", "Sandboxes running at once", { default: availableParallelism() })
    .option("--shard <i/N>", "Verify only shard i of N (merge outputs with `vouch merge`)")
    .option("--min-pass-rate <r>", "Exit 1 when the pass rate (0..1) is lower")
    .option("--fail-on <types>", "Exit 1 when any record has a wrong step of these error types (comma-separated, e.g. hallucinated-step)")
    .option("--junit <file>", "Also write JUnit XML of the whole output (one suite per task kind, code records apart)")
    .option("--no-cache", "Do not read or write the result cache")
    .option("--cache-dir <dir>", "Result cache directory (default ~/.cache/vouch/results)")
    .option("--summary-md <file>", "Also write the summary as Markdown (for a CI job summary)")
    .option("--static-only", "Trajectories: schema and static stages only, no Docker (execution steps stay unverifiable)")
    .option("--json", "Print the summary as JSON, and no progress"),
)))).action(async (input: string, o: Record<string, unknown>) => {
  const { verifyCommand } = await import("./verify.js");
  return verifyCommand(input, { ...o, cache: o.cache !== false });
});

addJudgeOptions(addLlmOptions(
  addSandboxOptions(
    cli
      .command("generate <problems>", "Generate trajectories for annotated problems with an LLM; verify each in sandboxes before writing it")
      .option("--task <kinds>", "A kind, kinds separated by commas, or all")
      .option("--out <file>", "Records JSONL (appended; problems already there are skipped)", { default: "trajectories.jsonl" })
      .option("--keep <which>", "Records written: passed, failed or all (by their verification)", { default: "passed" })
      .option("--max-turns <k>", "Most turns of a generate-verify-repair conversation, the first attempt included", { default: 3 })
      .option("--concurrency <n>", "Problem-kind pairs generated at once (and sandboxes)", { default: Math.min(4, availableParallelism()) })
      .option("--no-cache", "Do not read or write the verification result cache")
      .option("--cache-dir <dir>", "Verification result cache directory (default ~/.cache/vouch/results)")
      .option("--json", "Print the summary as JSON, and no progress"),
  ),
)).action(async (input: string, o: Record<string, unknown>) => (await import("./generate.js")).generateCommand(input, { ...o, cache: o.cache !== false }));

addLlmOptions(
  cli
    .command("annotate <problems>", "Annotate problems (JSONL or Parquet) with an LLM: classification, difficulty, approaches, pitfalls, verification")
    .option("--out <file>", "Annotated problems JSONL (appended; ids already there are skipped)", { default: "annotated.jsonl" })
    .option("--json", "Print the summary as JSON, and no progress"),
).action(async (input: string, o: Record<string, unknown>) => (await import("./annotate.js")).annotateCommand(input, o));

cli
  .command("report <results>", "Write one self-contained HTML report of a results file (verify output or records with verification)")
  .option("--html <file>", "The HTML page to write", { default: "report.html" })
  .option("--trajectories <file>", "Trajectory records (JSONL) for the drill-down's claims and the difficulty buckets (repeatable)")
  .option("--title <text>", "Page title")
  .option("--json", "Print the headline numbers as JSON")
  .action(async (results: string, o: Record<string, unknown>) => (await import("./report.js")).reportCommand(results, o));

addQueueOptions(addSandboxOptions(
  cli
    .command("replay <input>", "Replay multi-turn failure-to-fix trajectories (records or chat transcripts): does each turn's recorded test feedback reproduce?")
    .option("--out <file>", "Replay results JSONL (appended; ids already there are skipped)", { default: "replay.jsonl" })
    .option("--repeat <n>", "Run every execution n times; runs that disagree make the turn flaky", { default: 1 })
    .option("--rewrite <file>", "Also write a corrected copy of each trajectory, its feedback replaced by the real one")
    .option("--keep-stale-turns", "With --rewrite: keep the turns after a reflection that no longer makes sense")
    .option("--junit <file>", "Write a JUnit XML report of the whole output (one case per trajectory)")
    .option("--concurrency <n>", "Sandboxes running at once", { default: availableParallelism() })
    .option("--json", "Print the summary as JSON, and no progress"),
)).action(async (input: string, o: Record<string, unknown>) => (await import("./replay.js")).replayCommand(input, o));

cli
  .command("worker", "Verify records sent through a Redis queue by `vouch verify|math|replay --queue`, in this machine's sandboxes")
  .option("--queue <url>", "The Redis the producers use (redis://[:PASS@]HOST:PORT, rediss:// for TLS)")
  .option("--queue-password-env <name>", "Take the Redis password from this environment variable")
  .option("--concurrency <n>", "Sandboxes running at once", { default: availableParallelism() })
  .option("--isolation <mode>", "pool (warm containers, reused) or fresh (a new container per run)", { default: "pool" })
  .option("--name <name>", "This worker's name in the results (default host-pid)")
  .option("--lock-ms <ms>", "How long a job stays with a worker that stopped answering before another takes it", { default: 30_000 })
  .option("--cache-dir <dir>", "Result cache directory (default ~/.cache/vouch/results)")
  .action(async (o: Record<string, unknown>) => (await import("./worker.js")).workerCommand(o));

cli
  .command("image [action]", "Sandbox image: `build` (when missing or out of date) or `status`")
  .action(async (action = "status") => (await import("./image.js")).imageCommand(String(action)));

cli
  .command("cleanup", "Remove sandbox containers left by a crashed run (--all: every Vouch container)")
  .option("--all", "Remove every container Vouch started, whoever started it")
  .action(async (o: Record<string, unknown>) => (await import("./cleanup.js")).cleanupCommand(Boolean(o.all)));

cli
  .command("confusion <results> <...labelled>", "Compare trajectory results with labelled fixtures (their `expect` field): per-kind scores and a confusion table")
  .option("--min-caught <r>", "Exit 1 below this share of flawed records caught with the right error type and step", { default: 0.95 })
  .option("--json", "Print the report as JSON")
  .action(async (results: string, labelled: string[], o: Record<string, unknown>) => (await import("./confusion.js")).confusionCommand(results, labelled, o));

cli
  .command("merge <...inputs>", "Merge shard outputs into one JSONL, first record per id")
  .option("--out <file>", "Merged output", { default: "results.jsonl" })
  .action(async (inputs: string[], o: Record<string, unknown>) => (await import("./merge.js")).mergeCommand(inputs, String(o.out)));

addJudgeOptions(addLlmOptions(addQueueOptions(cli
  .command("math <input>", "Label the steps of math solutions (JSONL): first wrong step, final-answer verdict (offline; --judge: an LLM on the undecided steps)")
  .option("--out <file>", "Results JSONL (appended; ids already there are skipped)", { default: "math-results.jsonl" })
  .option("--shard <i/N>", "Evaluate only shard i of N")
  .option("--max-error-rate <r>", "Exit 1 when the share of solutions with an error step (0..1) is higher")
  .option("--json", "Print the summary as JSON, and no progress"))))
  .action(async (input: string, o: Record<string, unknown>) => (await import("./math.js")).mathCommand(input, o));

cli
  .command("math-eval <labelled>", "Precision of the math evaluator on a labelled set (records with _label)")
  .option("--json", "Print the report as JSON")
  .option("--mistakes", "List the records where the evaluator disagrees with the label")
  .option("--report <file>", "Also write the report as JSON")
  .action(async (input: string, o: Record<string, unknown>) => (await import("./math.js")).mathEvalCommand(input, o));

addJudgeOptions(addLlmOptions(cli
  .command("judge-eval <labelled>", "Calibrate the LLM judge on labelled steps (JSONL, docs/judge.md): agreement, precision and recall per question type")
  .option("--json", "Print the report as JSON")
  .option("--report <file>", "Also write the report as JSON")), false)
  .action(async (input: string, o: Record<string, unknown>) => (await import("./judge-eval.js")).judgeEvalCommand(input, o));

cli
  .command("partition <input>", "Split verified trajectories into sft / process / correction subsets, near-duplicates removed, with difficulty buckets")
  .option("--results <file>", "`vouch verify` results joined by id (else each record's `verification` field)")
  .option("--out-dir <dir>", "Output directory (files rewritten on each run)")
  .option("--dedup-threshold <j>", "Estimated Jaccard at or above which a later record is a near-duplicate", { default: 0.8 })
  .option("--curriculum", "Also write curriculum.jsonl (easy → hard stages)")
  .option("--easy-share <r>", "Share of easy records kept in the later curriculum stages", { default: 0.2 })
  .option("--seed <n>", "Seed of the MinHash family and the curriculum shuffle", { default: 1 })
  .option("--json", "Print the manifest as JSON")
  .action(async (input: string, o: Record<string, unknown>) => (await import("./partition.js")).partitionCommand(input, o));

cli.help();
cli.version("0.1.0");

let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`\nvouch: ${sig}, removing sandboxes...\n`);
    void closeAllProviders().finally(() => process.exit(130));
  });
}

// The only top-level catch: VouchError codes map to exit codes; anything else is a bug to report.
async function main(): Promise<void> {
  try {
    cli.parse(process.argv, { run: false });
    if (!cli.matchedCommand) {
      if (process.argv.length > 2 && !cli.options.help && !cli.options.version) {
        process.stderr.write(`vouch: unknown command ${process.argv[2]}\n`);
        cli.outputHelp();
        process.exitCode = 2;
      } else if (!cli.options.help && !cli.options.version) cli.outputHelp();
      return;
    }
    const code = (await cli.runMatchedCommand()) as number | undefined;
    process.exitCode = code ?? 0;
  } catch (e) {
    if (isVouchError(e)) {
      process.stderr.write(`vouch: ${e.message}\n`);
      process.exitCode = exitCodes[e.code];
    } else if (e instanceof Error && e.name === "CACError") {
      process.stderr.write(`vouch: ${e.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`vouch: internal error, please report it with this trace:\n${(e as Error)?.stack ?? String(e)}\n`);
      process.exitCode = 70;
    }
  } finally {
    await closeAllProviders();
  }
}

await main();
