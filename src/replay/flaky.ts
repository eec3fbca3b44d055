import type { SuiteResult } from "../core/result.js";
import { normalizeVolatile } from "./normalize.js";

// Repeated runs of one turn's code: do they agree among themselves? Pure.

// What a run must repeat to count as the same run: verdict, load error, and each test's outcome and stable message.
function runSignature(s: SuiteResult): string {
  const tests = s.tests.map((t) => [t.name, t.status, normalizeVolatile(t.message ?? "")]);
  return JSON.stringify([s.tests.length ? "" : s.verdict, normalizeVolatile(s.message ?? ""), tests]);
}

// How runs that disagree differ: one line per test (or the load) whose outcome changed between runs; [] when they agree.
export function runDisagreements(runs: readonly SuiteResult[]): string[] {
  if (new Set(runs.map(runSignature)).size <= 1) return [];
  const names = [...new Set(runs.flatMap((r) => r.tests.map((t) => t.name)))];
  const out: string[] = [];
  const outcome = (r: SuiteResult, name: string) => {
    const t = r.tests.find((x) => x.name === name);
    if (!t) return r.tests.length ? "absent" : `did not load (${r.message ?? r.verdict})`;
    return t.status === "pass" ? "pass" : `${t.status} (${normalizeVolatile(t.message ?? "")})`;
  };
  for (const name of names.length ? names : ["(load)"]) {
    const seen = new Map<string, number>();
    for (const r of runs) {
      const o = name === "(load)" ? `${r.verdict} (${normalizeVolatile(r.message ?? "")})` : outcome(r, name);
      seen.set(o, (seen.get(o) ?? 0) + 1);
    }
    if (seen.size > 1) out.push(`${name}: ${[...seen].map(([o, n]) => `${o} in ${n} of ${runs.length} runs`).join("; ")}`);
  }
  return out.length ? out : ["the runs differ in their load error or verdict"];
}
