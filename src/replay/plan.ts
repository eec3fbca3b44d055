import type { TestSpec } from "../core/test-spec.js";
import { recordsSomething } from "../tasks/error-recovery-multi/feedback-check.js";
import type { ErrorRecoveryMulti, Turn } from "../tasks/error-recovery-multi/schema.js";
import { resolveTurns } from "../tasks/error-recovery-multi/verify.js";
import { extractCode, prose } from "./extract-code.js";
import { extractFeedback } from "./extract-feedback.js";
import { knownTests, testsFromStatement } from "./known-tests.js";
import type { ReplayFeedback, Transcript } from "./schema.js";

// What replaying a trajectory means, before anything runs: each turn's full code, its recorded feedback and the
// reflection on it; or why it cannot be replayed. Pure.

export interface PlannedTurn {
  /** The turn's whole code (its patch applied), or undefined with `reason`. */
  code?: string;
  reason?: string;
  recorded: ReplayFeedback;
  /** The reading of this turn's feedback (the record's reflection, or the next assistant message's prose). */
  reflection?: string;
  /** Transcripts: the message carrying the code and those carrying its feedback. */
  messages?: { code: number; feedback: number[]; reflection?: number };
}

export interface ReplayPlan {
  id: string;
  shape: "multi-turn" | "transcript";
  tests?: TestSpec;
  turns: PlannedTurn[];
  /** Set when nothing can be replayed. */
  unreplayable?: string;
}

// Whether recorded feedback says anything a run can check.
export function checkable(f: ReplayFeedback): boolean {
  return recordsSomething(f) || f.errors.length > 0 || f.passed !== undefined || f.failed !== undefined;
}

// A multi-turn record's plan: its turns as they are.
export function planRecord(rec: ErrorRecoveryMulti): ReplayPlan {
  const codes = resolveTurns(rec.turns);
  const turns = rec.turns.map((t, k) => ({
    ...codes[k]!,
    recorded: { ...t.feedback, errors: [] },
    ...(t.reflection !== undefined ? { reflection: t.reflection } : {}),
  }));
  return { id: rec.id, shape: "multi-turn", tests: rec.tests, turns };
}

// A transcript's plan: a turn per assistant message with code; the user/tool messages after it are its feedback,
// and the prose of the assistant messages after it (up to the next code) its reflection.
export function planTranscript(t: Transcript): ReplayPlan {
  const firstUser = t.messages.find((m) => m.role === "user");
  const tests = t.tests ?? (firstUser ? testsFromStatement(firstUser.content) : undefined);
  const base = { id: t.id, shape: "transcript" as const, turns: [] };
  if (!tests) return { ...base, unreplayable: "no tests: the record has no `tests` and its first user message has no assert lines" };
  const known = knownTests(tests);
  const raw: Array<Turn & { messages: NonNullable<PlannedTurn["messages"]>; texts: string[]; reflections: string[] }> = [];
  t.messages.forEach((m, i) => {
    const cur = raw.at(-1);
    if (m.role === "assistant") {
      const code = extractCode(m.content, t.entry_point);
      const text = prose(m.content);
      if (cur && text) {
        cur.reflections.push(text);
        cur.messages.reflection ??= i;
      }
      if (code) raw.push({ ...code, feedback: { tests: [] }, messages: { code: i, feedback: [] }, texts: [], reflections: [] });
    } else if (m.role !== "system" && cur) {
      cur.texts.push(m.content);
      cur.messages.feedback.push(i);
    }
  });
  if (raw.length === 0) return { ...base, tests, unreplayable: "no assistant message carries a python code block" };
  const codes = resolveTurns(raw);
  const turns = raw.map((r, k) => ({
    ...codes[k]!,
    recorded: extractFeedback(r.texts.join("\n"), { known, kind: tests.kind }),
    ...(r.reflections.length ? { reflection: r.reflections.join("\n\n") } : {}),
    messages: r.messages,
  }));
  return { ...base, tests, turns };
}
