import { oneLine, type JunitCase, type JunitSuite } from "../report/junit.js";
import type { ReplayResult } from "./schema.js";

// Replay results as JUnit: one suite, one case per trajectory. Diverged is a failure (first diverged turn, its
// reasons and diff), infra-error an error, unreplayable and flaky are skipped with their reason. Pure.

// One trajectory's case.
function replayCase(r: ReplayResult): JunitCase {
  const base = { name: r.id, classname: `vouch.replay.${r.shape}`, timeMs: r.durationMs };
  if (r.verdict === "infra-error") return { ...base, error: { type: "infra-error", message: oneLine(r.reason ?? "the sandbox failed") } };
  if (r.verdict === "unreplayable") return { ...base, skipped: `unreplayable: ${oneLine(r.reason ?? "")}` };
  if (r.verdict === "flaky") {
    const flaky = r.turns.filter((t) => t.verdict === "flaky").map((t) => `turn ${t.turn}: ${t.reasons[0] ?? ""}`);
    return { ...base, skipped: `flaky: ${oneLine(flaky.join("; "))}` };
  }
  if (r.verdict === "reproduced") return base;
  const t = r.turns[r.firstDivergedTurn]!;
  const text = r.turns
    .filter((x) => x.verdict === "diverged")
    .map((x) => [`turn ${x.turn}:`, ...x.reasons.map((why) => `  ${why}`), x.diff ?? ""].join("\n"))
    .join("\n\n");
  return { ...base, failure: { type: "diverged", message: `turn ${t.turn} diverged: ${oneLine(t.reasons.join("; ")).slice(0, 300)}`, text } };
}

// The suites of a replay output.
export function replayJunit(results: Iterable<ReplayResult>): JunitSuite[] {
  return [{ name: "replay", cases: [...results].map(replayCase) }];
}
