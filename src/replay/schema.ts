import { z } from "zod";
import { SuiteResult } from "../core/result.js";
import { TestSpec } from "../core/test-spec.js";
import { TurnFeedback } from "../tasks/error-recovery-multi/schema.js";

// The shapes `vouch replay` reads and writes: its two input shapes, what it extracts from a turn, and its result line.

// One chat message, as public datasets store them ("tool" and "function" carry tool output, e.g. test runs).
export const ChatTurnMessage = z.looseObject({
  role: z.enum(["system", "user", "assistant", "tool", "function"]),
  content: z.string(),
});
export type ChatTurnMessage = z.infer<typeof ChatTurnMessage>;

// A plain chat transcript: code in ```python fences of assistant messages, test feedback as text in user/tool messages.
export const Transcript = z.looseObject({
  id: z.string().min(1),
  messages: z.array(ChatTurnMessage).min(1),
  /** The tests every turn runs; when absent, the assert lines of the first user message. */
  tests: TestSpec.optional(),
  entry_point: z.string().optional(),
});
export type Transcript = z.infer<typeof Transcript>;

// Feedback as replay reads it: a multi-turn TurnFeedback plus what free text can say beyond it.
export const ReplayFeedback = TurnFeedback.extend({
  /** Failures the text reports without naming their test ("Type: message", with its line when the text says). */
  errors: z.array(z.string()).default([]),
  /** Tallies such as "3 passed, 1 failed". */
  passed: z.number().int().nonnegative().optional(),
  failed: z.number().int().nonnegative().optional(),
});
export type ReplayFeedback = z.infer<typeof ReplayFeedback>;

export const TurnVerdict = z.enum(["reproduced", "diverged", "flaky", "unchecked"]);
export type TurnVerdict = z.infer<typeof TurnVerdict>;

export const ReplayVerdict = z.enum(["reproduced", "diverged", "flaky", "unreplayable", "infra-error"]);
export type ReplayVerdict = z.infer<typeof ReplayVerdict>;

// One turn of a replay: what it recorded, what the runs gave, and the verdict.
export const ReplayTurn = z.object({
  turn: z.number().int().nonnegative(),
  verdict: TurnVerdict,
  /** Why: the disagreements (diverged), how the runs differed (flaky), what could not be checked (unchecked). */
  reasons: z.array(z.string()),
  /** A unified diff of the recorded feedback against the real one (diverged turns). */
  diff: z.string().optional(),
  recorded: ReplayFeedback,
  /** The first run's result (absent when the turn's code could not be had). */
  real: SuiteResult.optional(),
  /** How many runs of this turn were made. */
  runs: z.number().int().nonnegative(),
});
export type ReplayTurn = z.infer<typeof ReplayTurn>;

// One result line of `vouch replay`.
export const ReplayResult = z.object({
  id: z.string(),
  shape: z.enum(["multi-turn", "transcript"]),
  verdict: ReplayVerdict,
  /** The first diverged turn, or -1. */
  firstDivergedTurn: z.number().int().min(-1),
  /** unreplayable / infra-error: why. */
  reason: z.string().optional(),
  turns: z.array(ReplayTurn),
  repeat: z.number().int().positive(),
  image: z.string(),
  durationMs: z.number().nonnegative(),
});
export type ReplayResult = z.infer<typeof ReplayResult>;

// What a fixture expects of its replay.
export const ReplayExpect = z.object({ verdict: ReplayVerdict, firstDivergedTurn: z.number().int().min(-1).optional() });
export type ReplayExpect = z.infer<typeof ReplayExpect>;
