// `make demo-judge`: the judge stage end to end, the judge being the local fake endpoint replaying the authored
// replies of fixtures/llm/judge-replies.jsonl (no real model here; docs/judge.md). Outputs under out/judge-demo/:
//   1. vouch judge-eval on the labelled set, with one sample and with three (majority, confidence);
//   2. vouch verify --judge on real fixture trajectories (executed in the sandbox, then judged), twice: the
//      second run, without the result cache, gets every judge reply from the LLM cache;
//   3. vouch math --judge on real math solutions; 4. vouch report with the judged steps shown apart.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { execa } from "execa";
import { startFakeOpenAI } from "../test/support/fake-openai.js";

const OUT = "out/judge-demo";
const TRAJECTORIES = ["er-flaw-edits-tests", "er-flaw-patch-does-not-apply", "plan/mbpp-96-claims-sqrt", "plan/mbpp-167-bitlength-zero", "plan/mbpp-755-sorted-set", "impl/755-sound", "impl/123-design"];
const MATH = ["blind-u01", "b3-a07", "b3-n07", "b3-u08", "b3-i12", "b4-i13"];

const lines = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .flatMap((f) => readFileSync(`${dir}/${f}`, "utf8").split("\n"))
    .filter((l) => l.trim().startsWith("{"));
const pick = (dir: string, ids: string[]) => ids.map((id) => lines(dir).find((l) => (JSON.parse(l) as { id: string }).id === id)!).join("\n") + "\n";

async function vouch(args: string[], env: Record<string, string>, okUpTo = 0): Promise<void> {
  console.log(`\n$ vouch ${args.join(" ")}`);
  const r = await execa("node", ["bin/vouch.js", ...args], { stdio: "inherit", reject: false, env });
  if ((r.exitCode ?? 70) > okUpTo) throw new Error(`vouch ${args[0]} exited ${r.exitCode}`);
}

const server = await startFakeOpenAI({ recordings: ["fixtures/llm/judge-replies.jsonl"] });
try {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/trajectories.jsonl`, pick("fixtures/trajectories", TRAJECTORIES));
  writeFileSync(`${OUT}/math.jsonl`, pick("fixtures/math", MATH));
  const env = { OPENAI_BASE_URL: server.url, VOUCH_JUDGE_MODEL: "recorded-judge", VOUCH_CACHE_DIR: `${OUT}/cache` };
  await vouch(["judge-eval", "fixtures/judge/labelled.jsonl"], env);
  await vouch(["judge-eval", "fixtures/judge/labelled.jsonl", "--judge-samples", "3"], env);
  await vouch(["verify", `${OUT}/trajectories.jsonl`, "--judge", "--out", `${OUT}/results.jsonl`, "--concurrency", "2"], env);
  const before = server.requests();
  console.log(`\nagain, without the result cache: the judge's replies come from the LLM cache`);
  await vouch(["verify", `${OUT}/trajectories.jsonl`, "--judge", "--out", `${OUT}/results-again.jsonl`, "--concurrency", "2", "--no-cache"], env);
  console.log(`requests to the endpoint during the second run: ${server.requests() - before}`);
  await vouch(["math", `${OUT}/math.jsonl`, "--judge", "--out", `${OUT}/math-results.jsonl`], env);
  await vouch(["report", `${OUT}/results.jsonl`, "--html", `${OUT}/report.html`, "--trajectories", `${OUT}/trajectories.jsonl`, "--title", "Vouch: judged trajectories"], env);
  console.log(`\noutputs: ${OUT}/results.jsonl, ${OUT}/math-results.jsonl, ${OUT}/report.html (section "Judged steps")`);
} finally {
  await server.close();
}
