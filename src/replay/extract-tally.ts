// Pass/fail tallies out of test-run summaries in free text. Pure.

/** A number right after "test", "case", "example" or "#" is an ordinal, not a count. */
const NOT_ORDINAL = String.raw`(?<!(?:tests?|cases?|examples?|assert(?:ion)?s?)\s*#?\s*)(?<!#\s*)`;

export interface Tally {
  passed?: number;
  failed?: number;
}

// pytest ("2 passed, 1 failed, 1 error in 0.1s"), unittest ("Ran 4 tests ... FAILED (failures=1, errors=1)" / "OK"),
// and plain ("Passed 3/4 tests", "3 out of 4 tests passed", "3/4 tests passed", "Tests passed: 3/4").
export function tallyOf(text: string): Tally {
  const ran = /\bRan (\d+) tests?\b/.exec(text);
  if (ran) {
    const total = Number(ran[1]);
    const f = /\bFAILED \(([^)]*)\)/.exec(text);
    const failed = f ? [...f[1]!.matchAll(/(?:failures|errors)=(\d+)/g)].reduce((a, m) => a + Number(m[1]), 0) : /^\s*OK\b/m.test(text) ? 0 : undefined;
    return failed === undefined ? {} : { passed: total - failed, failed };
  }
  const frac =
    /\bpassed:?\s*(\d+)\s*(?:\/|of|out of)\s*(\d+)/i.exec(text) ??
    /\b(\d+)\s*(?:\/|of|out of)\s*(\d+)\s+(?:tests?|test cases|cases|assertions)\s+(?:have\s+)?pass(?:ed)?\b/i.exec(text) ??
    /\btests? passed:?\s*(\d+)\s*(?:\/|of|out of)\s*(\d+)/i.exec(text);
  if (frac) return { passed: Number(frac[1]), failed: Number(frac[2]) - Number(frac[1]) };
  const out: Tally = {};
  // pytest counts: only on a line that looks like a summary (numbers right before the words), and not a test's
  // ordinal ("Test 4 failed: ..." names test 4, it does not count 4 failures)
  for (const line of text.split("\n")) {
    const passed = new RegExp(`${NOT_ORDINAL}\\b(\\d+) passed\\b`, "i").exec(line);
    const failed = [...line.matchAll(new RegExp(`${NOT_ORDINAL}\\b(\\d+) (?:failed|errors?)\\b`, "gi"))];
    if (!passed && failed.length === 0) continue;
    out.passed = passed ? Number(passed[1]) : 0;
    out.failed = failed.reduce((a, m) => a + Number(m[1]), 0);
  }
  return out;
}
