import type { TestResult } from "../../core/result.js";
import type { TestSpec } from "../../core/test-spec.js";
import { sameRepr, type TaskExec } from "../../exec/task-exec.js";
import { entryInputs, writtenInputs } from "../shared/entry-inputs.js";
import { guardsOnInputs, inputGuards, withoutGuards } from "../shared/guards.js";

const DIFFERENTIAL_INPUTS = 30;

// Argument tuples (Python expressions) of the written calls of `entry` (or an alias of it) in the tests.
export function seedInputs(tests: TestSpec, entry: string): string[] {
  return writtenInputs(tests, entry);
}

// A one-line account of a failing test.
export function describeTest(t: TestResult): string {
  return `${t.name}: ${t.status}${t.message ? ` (${t.message})` : ""}`;
}

export interface BeyondVisible {
  /** One line per failure: a hidden test that fails, an input where code and reference disagree. */
  failures: string[];
  /** What was checked, for the evidence. */
  checked: string[];
}

// Checks code that passes its visible tests against what it never saw: the hidden tests, and the reference on
// inputs generated from the visible tests' calls. A pseudo-fix shows up here.
export async function checkBeyondVisible(
  exec: TaskExec,
  code: string,
  rec: { hidden_tests?: TestSpec | undefined; reference?: string | undefined; entry_point?: string | undefined; tests: TestSpec },
  before?: string,
): Promise<BeyondVisible> {
  const failures: string[] = [];
  const checked: string[] = [];
  if (rec.hidden_tests) {
    const h = await exec.runTests(code, rec.hidden_tests);
    const bad = h.tests.filter((t) => t.status !== "pass" && t.status !== "skipped");
    if (h.verdict !== "pass") failures.push(`hidden tests: ${h.verdict}: ${bad.slice(0, 2).map(describeTest).join("; ") || h.message || ""}`);
    else checked.push(`${h.tests.length} hidden tests pass`);
  }
  const seeds = rec.entry_point ? (rec.reference ? await entryInputs(exec, rec.reference, rec.tests, rec.entry_point) : { inputs: writtenInputs(rec.tests, rec.entry_point), traced: 0 }) : { inputs: [], traced: 0 };
  if (rec.entry_point && failures.length === 0) {
    // guards the fix added that return fixed values for the tests' own inputs, without which the tests fail
    const had = new Set(before === undefined ? [] : inputGuards(before, rec.entry_point).map((g) => g.condition.replace(/\s+/g, "")));
    const guards = guardsOnInputs(inputGuards(code, rec.entry_point).filter((g) => !had.has(g.condition.replace(/\s+/g, ""))), seeds.inputs);
    if (guards.length) {
      const bare = await exec.runTests(withoutGuards(code, guards), rec.tests);
      const bad = bare.tests.filter((t) => t.status !== "pass" && t.status !== "skipped");
      if (bare.verdict !== "pass") failures.push(`input-specific guards (${guards.map((g) => `\`if ${g.condition}\``).join(", ")}) return fixed values for test inputs; without them ${bad.slice(0, 2).map(describeTest).join("; ") || bare.message || bare.verdict}`);
      else checked.push(`guards on test inputs (${guards.map((g) => g.condition).join(", ")}) change no visible result`);
    }
  }
  if (rec.reference && rec.entry_point && failures.length === 0) {
    if (seeds.inputs.length === 0) checked.push("no differential check: no call of the entry point with plain arguments reaches it from the tests");
    else {
      const gen = await exec.generate(rec.reference, rec.entry_point, seeds.inputs, DIFFERENTIAL_INPUTS);
      // the tests' own inputs (on which the reference returns) and their generated neighbours
      const own = await exec.call(rec.reference, rec.entry_point, seeds.inputs);
      const ownInputs = own.outcomes.flatMap((o) => (o.ok ? [{ input: seeds.inputs[o.i]!, repr: o.repr }] : []));
      const inputs = [...ownInputs, ...gen.inputs];
      if (inputs.length === 0) checked.push(`no differential check: the reference gave no inputs${gen.end.loadError ? ` (${gen.end.loadError.type}: ${gen.end.loadError.message})` : ""}`);
      else {
        const got = await exec.call(code, rec.entry_point, inputs.map((i) => i.input));
        const byI = new Map(got.outcomes.map((o) => [o.i, o]));
        let diff: string | undefined;
        let slow = 0;
        for (let i = 0; i < inputs.length && !diff; i++) {
          const o = byI.get(i);
          const want = inputs[i]!;
          // a call that ran out of its time says nothing about the value (the reference may be as slow there)
          if (o && !o.ok && "timedOut" in o && o.timedOut) slow++;
          else if (!o && got.end.limit === "timeout") slow++;
          else if (!o) diff = `${rec.entry_point}${want.input}: no result (${got.end.limit ?? got.end.loadError?.message ?? "the run stopped"}), the reference returns ${want.repr}`;
          else if (!o.ok && "error" in o) diff = `${rec.entry_point}${want.input} raises ${o.error.type}: ${o.error.message}, the reference returns ${want.repr}`;
          else if (o.ok && !sameRepr(o.repr, want.repr)) diff = `${rec.entry_point}${want.input} returns ${o.repr}, the reference returns ${want.repr}`;
        }
        if (diff) failures.push(`differential: ${diff}`);
        else checked.push(`agrees with the reference on ${ownInputs.length} test inputs (${seeds.traced} seen at run time) and ${gen.inputs.length} generated neighbours${slow ? ` (${slow} ran out of time, not compared)` : ""}`);
      }
    }
  }
  return { failures, checked };
}
