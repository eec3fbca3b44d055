import type { z } from "zod";
import type { TrajectoryResult } from "../core/trajectory-result.js";
import { dotPath } from "../core/issues.js";
import { cacheKey, type ResultCache } from "../exec/result-cache.js";
import { Cascade, processScoreOf } from "./cascade.js";
import type { TaskContext, TaskDefinition, TrajectoryJudge } from "./types.js";

export interface TrajectoryContext extends TaskContext {
  image: string;
  /** The image's content digest: part of the cache key, so a rebuilt image re-verifies. */
  imageDigest?: string;
  limits: unknown;
  cache?: ResultCache<TrajectoryResult>;
  /** The judge stage; absent: skipped ("no LLM endpoint configured"). */
  judge?: TrajectoryJudge;
}

// Bumped when a verifier changes what it concludes.
const VERIFIER_VERSION = 1;

const round = (ms: number) => Math.round(ms * 1000) / 1000;

// The content key of a trajectory's verification (the record as given, the image, the limits, the mode).
export function trajectoryKey(def: TaskDefinition<unknown>, raw: unknown, ctx: TrajectoryContext): string {
  const v = [VERIFIER_VERSION, def.kind, def.version ?? 1];
  return cacheKey({ v, image: ctx.imageDigest ?? ctx.image, raw, limits: ctx.limits, exec: Boolean(ctx.exec), ...(ctx.judge ? { judge: ctx.judge.key } : {}) });
}

// A record that failed its schema: the cascade's first stage failed, nothing else ran.
function schemaFailure<T>(def: TaskDefinition<T>, id: string, error: z.ZodError, ctx: TrajectoryContext, key: string, ms: number): TrajectoryResult {
  const findings = error.issues.map((i) => `${dotPath(i.path) || "(record)"}: ${i.message}`);
  return {
    id,
    task: def.kind,
    verdict: "fail",
    stages: [
      { stage: "schema", status: "fail", durationMs: ms, findings },
      { stage: "static", status: "skipped", durationMs: 0, findings: ["the record does not match its schema"] },
      { stage: "execute", status: "skipped", durationMs: 0, findings: ["the record does not match its schema"] },
      { stage: "judge", status: "skipped", durationMs: 0, findings: ["the record does not match its schema"] },
    ],
    steps: [],
    errors: [],
    firstWrongStep: -1,
    processScore: 0,
    message: `schema: ${findings.join("; ")}`,
    durationMs: ms,
    cached: false,
    image: ctx.image,
    key,
  };
}

// The judge stage: only after execution gathered its evidence (or for a kind that runs nothing), only on what
// is left unverifiable; a failing judge leaves its steps unverifiable with the reason (src/judge).
async function judgeStage<T>(def: TaskDefinition<T>, rec: T, c: Cascade, ctx: TrajectoryContext): Promise<void> {
  const judge = ctx.judge;
  if (!judge) return c.skip("judge", "no LLM endpoint configured");
  if (def.execute && !ctx.exec) return c.skip("judge", "static only: the judge reads the evidence of execution, and nothing ran");
  if (!c.steps.some((s) => s.label === "unverifiable")) return c.skip("judge", "every step was decided by rules or execution");
  await c.stage("judge", () => judge.judge(def.kind, rec, c));
}

// Runs the cascade on one trajectory record: schema, static, execute (when a sandbox is at hand), judge.
// Never throws for the record's faults; a sandbox failure gives verdict infra-error.
export async function verifyTrajectory<T>(def: TaskDefinition<T>, raw: { id: string }, ctx: TrajectoryContext): Promise<TrajectoryResult> {
  const key = trajectoryKey(def as TaskDefinition<unknown>, raw, ctx);
  const hit = await ctx.cache?.get(key);
  if (hit) return { ...hit, id: raw.id, cached: true };
  const t0 = performance.now();
  const parsed = def.schema.safeParse(raw);
  if (!parsed.success) return schemaFailure(def, raw.id, parsed.error, ctx, key, round(performance.now() - t0));
  const rec = parsed.data;
  const c = new Cascade(def.steps(rec));
  c.stages.push({ stage: "schema", status: "pass", durationMs: round(performance.now() - t0), findings: [] });
  await c.stage("static", () => def.static(rec, c, ctx));
  const exec = ctx.exec;
  if (!def.execute) c.skip("execute", "nothing in this kind runs code");
  else if (!exec) c.skip("execute", "static only: no sandbox (steps that need a run stay unverifiable)");
  else await c.stage("execute", () => def.execute!(rec, c, { ...ctx, exec }));
  await judgeStage(def, rec, c, ctx);
  // a judge's reading is not a check: the verdict rests on rules and execution; judged labels count in the score
  const failed = c.firstWrongStep >= 0 || c.stages.some((s) => s.status === "fail" && s.stage !== "judge");
  const result: TrajectoryResult = {
    id: raw.id,
    task: def.kind,
    verdict: c.infraError ? "infra-error" : failed ? "fail" : "pass",
    stages: c.stages,
    steps: c.steps,
    errors: c.errors,
    firstWrongStep: c.firstWrongStep,
    processScore: processScoreOf(c.steps, ctx.judge?.weight),
    ...(Object.keys(c.observed).length ? { observed: c.observed } : {}),
    ...(c.infraError ? { message: `sandbox failed, not the trajectory: ${c.infraError}` } : {}),
    durationMs: round(performance.now() - t0),
    cached: false,
    image: ctx.image,
    key,
  };
  await ctx.cache?.set(key, result);
  return result;
}
