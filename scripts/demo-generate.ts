// `make demo-generate`: the whole data flow on the 24 fixture problems, the model being the local fake endpoint
// replaying the authored recordings of fixtures/llm/ (no real model here): annotate -> generate (every record
// verified in the sandbox) -> report -> partition. Outputs under out/generated/.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { execa } from "execa";
import { startFakeOpenAI } from "../test/support/fake-openai.js";

const OUT = "out/generated";
const recordings = readdirSync("fixtures/llm")
  .filter((f) => f === "annotate.jsonl" || f.startsWith("generate-") || f === "judge-generate.jsonl")
  .map((f) => `fixtures/llm/${f}`);

// Runs one vouch command, its output on this terminal; exit codes above `okUpTo` stop the demo.
async function vouch(args: string[], env: Record<string, string>, okUpTo = 0): Promise<void> {
  console.log(`\n$ vouch ${args.join(" ")}`);
  const r = await execa("node", ["bin/vouch.js", ...args], { stdio: "inherit", reject: false, env });
  if ((r.exitCode ?? 70) > okUpTo) throw new Error(`vouch ${args[0]} exited ${r.exitCode}`);
}

const server = await startFakeOpenAI({ recordings });
try {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const env = { OPENAI_BASE_URL: server.url, VOUCH_MODEL: "recorded-replies", VOUCH_CACHE_DIR: `${OUT}/cache` };
  await vouch(["annotate", "fixtures/problems/problems.jsonl", "--out", `${OUT}/annotated.jsonl`], env);
  // --judge: the steps execution leaves undecided are read by the judge (scripted replies: docs/judge.md)
  await vouch(["generate", `${OUT}/annotated.jsonl`, "--task", "all", "--keep", "all", "--out", `${OUT}/trajectories.jsonl`, "--judge"], env);
  await vouch(["report", `${OUT}/trajectories.jsonl`, "--html", `${OUT}/report.html`, "--title", "Vouch: generated trajectories"], env);
  await vouch(["partition", `${OUT}/trajectories.jsonl`, "--out-dir", `${OUT}/curated`, "--curriculum"], env);
  console.log(`\nrequests sent to the recorded endpoint: ${server.requests()}`);
  console.log(`outputs: ${OUT}/annotated.jsonl, ${OUT}/trajectories.jsonl, ${OUT}/report.html, ${OUT}/curated/`);
} finally {
  await server.close();
}
