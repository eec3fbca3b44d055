import { createHash } from "node:crypto";
import { isVouchError } from "../core/errors.js";
import { loadPrompt, renderPrompt } from "../llm/prompts.js";
import type { Llm } from "../llm/types.js";
import { QuestionType, sections, type JudgeQuestion } from "./question.js";
import { replySchema, type JudgeReply } from "./reply.js";

// The judge's answer on one step: a label with its samples' agreement, or why there is none.
export type JudgeAnswer =
  | { ok: true; label: "correct" | "wrong"; errorType?: string; quote: string; reason: string; confidence: number; samples: number; agreeing: number }
  | { ok: false; reason: string };

export interface StepJudge {
  readonly model: string;
  /** Model, prompt versions and samples: what the judge's answers depend on (part of result cache keys). */
  readonly key: string;
  readonly samples: number;
  ask(q: JudgeQuestion): Promise<JudgeAnswer>;
}

export interface StepJudgeOptions {
  llm: Llm;
  /** Ask k times and take the majority (default 1). */
  samples?: number;
  /** Prompt folder (default the package's prompts/). */
  promptsDir?: string;
}

const promptName = (t: QuestionType) => `judge-${t}`;

// The chat messages of one question (sample i of k: a line that makes each sample its own request and cache entry).
function messages(q: JudgeQuestion, sample: number, samples: number, dir?: string) {
  const t = dir ? loadPrompt(promptName(q.type), dir) : loadPrompt(promptName(q.type));
  return renderPrompt(t, {
    record: q.record,
    step_name: q.name,
    step: q.text,
    context: sections(q.context),
    evidence: sections(q.evidence),
    sample: samples > 1 ? `Sample ${sample + 1} of ${samples}.` : "",
  });
}

/** After this many requests in a row fail to reach the endpoint (after their retries), the judge stops asking. */
export const UNREACHABLE_STREAK = 3;

type Sample = { ok: true; reply: JudgeReply } | { ok: false; reason: string };

// One sample: the validated reply, or the reason it failed (unreachable, invalid, off-quote after the re-ask).
async function sampleOnce(llm: Llm, q: JudgeQuestion, i: number, k: number, dir?: string): Promise<Sample & { unreachable?: boolean }> {
  try {
    const r = await llm.complete({ purpose: `judge:${q.type}`, messages: messages(q, i, k, dir), schema: replySchema(q.type, q.text), schemaName: "judge_reply" });
    return { ok: true, reply: r.value };
  } catch (e) {
    if (!isVouchError(e) || (e.code !== "LLM_UNREACHABLE" && e.code !== "LLM_REPLY_INVALID")) throw e;
    if (e.code === "LLM_REPLY_INVALID") return { ok: false, reason: `reply rejected: ${String(e.details.issues ?? e.message)}` };
    // a final 4xx other than a time-out (404: no such model or route) is this question's; 5xx and time-outs are the endpoint's
    const status = String(e.details.status ?? "");
    return { ok: false, reason: e.message, unreachable: !/^HTTP 4(?!08|29)/.test(status) };
  }
}

// The majority of k samples; a tie, or no valid sample, leaves the step without a label (and says why).
export function majority(results: Sample[]): JudgeAnswer {
  const k = results.length;
  const valid = results.flatMap((r) => (r.ok ? [r.reply] : []));
  const failures = results.flatMap((r) => (r.ok ? [] : [r.reason]));
  if (!valid.length) return { ok: false, reason: `judge failed: ${[...new Set(failures)].join("; ")}` };
  const wrong = valid.filter((r) => r.label === "wrong");
  const right = valid.filter((r) => r.label === "correct");
  if (wrong.length === right.length) return { ok: false, reason: `the judge's samples split ${right.length} correct / ${wrong.length} wrong${failures.length ? ` (${failures.length} failed)` : ""}` };
  const side = wrong.length > right.length ? wrong : right;
  const first = side[0]!;
  const types = new Map<string, number>();
  for (const r of side) if (r.error_type) types.set(r.error_type, (types.get(r.error_type) ?? 0) + 1);
  const errorType = [...types.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return {
    ok: true,
    label: first.label,
    ...(first.label === "wrong" && errorType ? { errorType } : {}),
    quote: first.quote,
    reason: first.reason,
    confidence: Math.round((side.length / k) * 1000) / 1000,
    samples: k,
    agreeing: side.length,
  };
}

// A judge on an Llm: one prompt per question type, replies validated (schema and quote), k samples, majority.
export function createStepJudge(opts: StepJudgeOptions): StepJudge {
  const samples = opts.samples ?? 1;
  const versions = QuestionType.options.map((t) => (opts.promptsDir ? loadPrompt(promptName(t), opts.promptsDir) : loadPrompt(promptName(t))).version);
  const key = createHash("sha256").update(JSON.stringify([opts.llm.model, versions, samples])).digest("hex").slice(0, 16);
  // a dead endpoint must not hold a batch through every question's retries: after a streak of unreachable
  // requests the judge answers at once, leaving the steps unverifiable with the reason
  let streak = 0;
  let gaveUp: string | undefined;
  const sample = async (q: JudgeQuestion, i: number): Promise<Sample> => {
    if (gaveUp) return { ok: false, reason: gaveUp };
    const r = await sampleOnce(opts.llm, q, i, samples, opts.promptsDir);
    if (r.ok || !r.unreachable) streak = 0;
    else if (++streak >= UNREACHABLE_STREAK) gaveUp ??= `the judge stopped asking: the endpoint failed ${UNREACHABLE_STREAK} requests in a row (last: ${r.reason})`;
    return r;
  };
  return {
    model: opts.llm.model,
    key,
    samples,
    async ask(q) {
      return majority(await Promise.all(Array.from({ length: samples }, (_, i) => sample(q, i))));
    },
  };
}

// The evidence line of a judged step: the reason, the quote, and the agreement when several samples were taken.
export function judgedEvidence(a: Extract<JudgeAnswer, { ok: true }>): string {
  const agree = a.samples > 1 ? ` (${a.agreeing}/${a.samples} samples agree)` : "";
  return `${a.reason} (quoting ${JSON.stringify(a.quote.slice(0, 160))})${agree}`;
}
