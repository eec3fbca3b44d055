import { Annotation, AnnotatedProblem, type Problem } from "../core/problem.js";
import { isVouchError } from "../core/errors.js";
import { readProblems } from "../dataset/read-problems.js";
import { openResumableWriter } from "../dataset/resumable-writer.js";
import { loadPrompt, renderPrompt, type PromptTemplate } from "../llm/prompts.js";
import { formatTests } from "./prompting.js";
import type { ChatMessage, Llm, LlmUsage } from "../llm/types.js";
import type { TestsForResult } from "./tests-for.js";

const IO_CASES_SHOWN = 3; // the annotate prompt shows the first io cases only


// The annotate prompt for one problem (prompts/annotate.txt).
export function annotateMessages(p: Problem, t: PromptTemplate = loadPrompt("annotate")): ChatMessage[] {
  return renderPrompt(t, {
    id: p.id,
    statement: p.prompt.trim(),
    interface: p.entry_point
      ? `A Python function \`${p.entry_point}\`; the tests call it.`
      : "A program that reads standard input and writes standard output.",
    solution: p.solution ? "```python\n" + p.solution.trim() + "\n```" : "(none given)",
    tests: formatTests(p.tests, IO_CASES_SHOWN),
  });
}

export interface AnnotateOptions {
  input: string;
  output: string;
  llm: Llm;
  /** Problems in flight at once (the Llm has its own request limit). */
  concurrency?: number;
  /** For a problem without tests: asks the model for tests and keeps those the reference passes (sandbox). */
  testsFor?: (p: Problem) => Promise<TestsForResult>;
  onStart?: (info: { resumed: number; prompt: string }) => void;
  onInvalid?: (error: string) => void;
  onResult?: (r: { id: string; status: "annotated" | "failed" | "skipped" }) => void;
}

export interface AnnotateSummary {
  input: string;
  output: string;
  model: string;
  prompt: string;
  /** Problems read (valid lines), those already in the output included. */
  total: number;
  annotated: number;
  resumed: number;
  skipped: Array<{ id: string; reason: string }>;
  failed: Array<{ id: string; error: string }>;
  invalidLines: string[];
  tests: { problems: number; proposed: number; kept: number };
  usage: LlmUsage;
  durationMs: number;
}

type Outcome = { id: string; record?: AnnotatedProblem; skipped?: string; failed?: string; tests?: TestsForResult };

// Annotates one problem: tests first when it has none (skipped if none survive), then the five categories.
async function annotateOne(p: Problem, o: AnnotateOptions, t: PromptTemplate): Promise<Outcome> {
  let problem = p;
  let tests: TestsForResult | undefined;
  try {
    if (!p.tests && o.testsFor) {
      tests = await o.testsFor(p);
      if (!tests.tests) return { id: p.id, skipped: tests.skipped ?? "no tests", tests };
      problem = { ...p, tests: tests.tests, provenance: { ...p.provenance, ...tests.provenance } };
    }
    const r = await o.llm.complete({ purpose: "annotate", messages: annotateMessages(problem, t), schema: Annotation, schemaName: "annotation" });
    const provenance = { ...problem.provenance, model: o.llm.model, annotate_prompt: t.version };
    return { id: p.id, record: AnnotatedProblem.parse({ ...problem, annotations: r.value, provenance }), tests };
  } catch (e) {
    if (isVouchError(e) && e.code === "LLM_REPLY_INVALID") return { id: p.id, failed: e.message, tests };
    throw e;
  }
}

// `vouch annotate`: streams problems (JSONL or Parquet, any known shape), annotates each with the model, writes
// them in input order to a resumable JSONL (ids already there are skipped); bad lines and bad replies are counted.
export async function annotate(o: AnnotateOptions): Promise<AnnotateSummary> {
  const t0 = Date.now();
  const t = loadPrompt("annotate");
  const writer = await openResumableWriter(o.output);
  const s: AnnotateSummary = {
    input: o.input, output: o.output, model: o.llm.model, prompt: `annotate@${t.version}`, total: 0, annotated: 0,
    resumed: 0, skipped: [], failed: [], invalidLines: [], tests: { problems: 0, proposed: 0, kept: 0 }, usage: o.llm.usage(), durationMs: 0,
  };
  o.onStart?.({ resumed: writer.done.size, prompt: s.prompt });
  const window = Math.max(1, o.concurrency ?? 4);
  const pending: Array<Promise<Outcome>> = [];
  // Writes the oldest outcome: output order is input order whatever finishes first.
  const drainOne = async () => {
    const r = await pending.shift()!;
    if (r.tests) {
      s.tests.problems++;
      s.tests.proposed += r.tests.proposed;
      s.tests.kept += r.tests.kept;
    }
    if (r.record) {
      await writer.write(r.record as AnnotatedProblem & Record<string, unknown>);
      s.annotated++;
    } else if (r.skipped) s.skipped.push({ id: r.id, reason: r.skipped });
    else if (r.failed) s.failed.push({ id: r.id, error: r.failed });
    o.onResult?.({ id: r.id, status: r.record ? "annotated" : r.skipped ? "skipped" : "failed" });
  };
  try {
    const seen = new Set<string>();
    for await (const item of readProblems(o.input)) {
      if (!item.ok) {
        s.invalidLines.push(item.error);
        o.onInvalid?.(item.error);
        continue;
      }
      s.total++;
      if (writer.done.has(item.problem.id) || seen.has(item.problem.id)) {
        s.resumed++;
        continue;
      }
      seen.add(item.problem.id);
      const job = annotateOne(item.problem, o, t);
      job.catch(() => undefined); // awaited in order by drainOne; this only silences an early rejection
      pending.push(job);
      if (pending.length >= window) await drainOne();
    }
    while (pending.length) await drainOne();
  } finally {
    await Promise.allSettled(pending);
    await writer.close();
  }
  s.usage = o.llm.usage();
  s.durationMs = Date.now() - t0;
  return s;
}
