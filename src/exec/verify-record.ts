import type { CodeRecord } from "../core/code-record.js";
import { isVouchError } from "../core/errors.js";
import type { SuiteResult, VerifyResult } from "../core/result.js";
import type { TestSpec } from "../core/test-spec.js";
import type { SandboxLimits } from "../sandbox/limits.js";
import type { Sandbox, SandboxProvider } from "../sandbox/types.js";
import { grade } from "./grade.js";
import { planPython } from "./python/plan.js";
import { cacheKey, type ResultCache } from "./result-cache.js";
import { runPlan } from "./run-plan.js";

export interface RecordContext {
  provider: SandboxProvider;
  image: string;
  /** The image's content digest (engine image id): the cache key uses it, so a rebuilt image re-verifies. */
  imageDigest?: string;
  limits: SandboxLimits;
  cache?: ResultCache;
}

// Bumped when grading changes in a way the image hash does not capture.
const GRADER_VERSION = 1;
const MAX_ATTEMPTS = 2; // an infra-error is retried once, on another sandbox

// The content key of a record's verification.
export function recordKey(rec: CodeRecord, image: string, limits: SandboxLimits): string {
  return cacheKey({ v: GRADER_VERSION, image, code: rec.code, tests: rec.tests, hidden: rec.hidden_tests ?? null, limits });
}

async function runSuite(ctx: RecordContext, sb: Sandbox, code: string, tests: TestSpec): Promise<SuiteResult> {
  const plan = planPython(code, tests);
  return grade(plan, await runPlan(sb, plan, ctx.limits.timeoutMs));
}

// Verifies one record: visible tests, then hidden ones (kept apart). Never throws for the code's failures.
export async function verifyRecord(rec: CodeRecord, ctx: RecordContext): Promise<VerifyResult> {
  const key = recordKey(rec, ctx.imageDigest ?? ctx.image, ctx.limits);
  const hit = await ctx.cache?.get(key);
  if (hit) return { ...hit, id: rec.id, cached: true };
  const queued = performance.now();
  let t0: number | undefined; // from the first sandbox given: a record waiting for one is not yet being verified
  let lastError = "";
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let sb: Sandbox | undefined;
    let visible: SuiteResult;
    let hidden: SuiteResult | undefined;
    try {
      sb = await ctx.provider.acquire();
      t0 ??= performance.now();
      visible = await runSuite(ctx, sb, rec.code, rec.tests);
      if (rec.hidden_tests) {
        if (sb.breached) {
          await ctx.provider.release(sb);
          sb = undefined;
          sb = await ctx.provider.acquire();
        }
        hidden = await runSuite(ctx, sb, rec.code, rec.hidden_tests);
      }
    } catch (e) {
      if (!isVouchError(e) || e.code !== "SANDBOX_UNAVAILABLE") throw e;
      lastError = e.message;
      continue;
    } finally {
      // given back before the result is built and cached: the next record need not wait for that
      if (sb) await ctx.provider.release(sb).catch(() => undefined);
    }
    const result: VerifyResult = {
      id: rec.id,
      verdict: visible.verdict,
      tests: visible.tests,
      ...(hidden ? { hidden } : {}),
      durationMs: round(performance.now() - t0!),
      truncated: visible.truncated || (hidden?.truncated ?? false),
      ...(visible.message ? { message: visible.message } : {}),
      ...(visible.verdict !== "pass" && visible.stdout ? { stdout: clip(visible.stdout) } : {}),
      ...(visible.verdict !== "pass" && visible.stderr ? { stderr: clip(visible.stderr) } : {}),
      attempts: attempt,
      cached: false,
      image: ctx.image,
      key,
    };
    await ctx.cache?.set(key, result);
    return result;
  }
  return {
    id: rec.id,
    verdict: "infra-error",
    tests: [],
    durationMs: round(performance.now() - (t0 ?? queued)),
    truncated: false,
    message: `sandbox failed twice, not the code: ${lastError}`,
    attempts: MAX_ATTEMPTS,
    cached: false,
    image: ctx.image,
    key,
  };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

// Output kept in a result line: the head and tail of a long stream, with what was cut said in between.
const KEEP_CHARS = 8 * 1024;
export function clip(text: string): string {
  if (text.length <= 2 * KEEP_CHARS) return text;
  return `${text.slice(0, KEEP_CHARS)}\n[... ${text.length - 2 * KEEP_CHARS} characters cut by vouch ...]\n${text.slice(-KEEP_CHARS)}`;
}
