import { basename } from "node:path";
import { z } from "zod";
import { dotPath } from "../core/issues.js";
import { readJsonl, formatIssues } from "../dataset/jsonl-reader.js";
import { VerifyResult } from "../core/result.js";
import { TrajectoryResult } from "../core/trajectory-result.js";

/** One readable line of a results file: a trajectory result (with the record it judged, when the line carried
 *  one: a generated record with `verification`) or a code-record result. */
export type ResultEntry =
  | { kind: "trajectory"; line: number; result: TrajectoryResult; record?: Record<string, unknown> }
  | { kind: "code"; line: number; result: VerifyResult };

/** A line that is none of those: counted and listed by reports, never fatal. */
export const UnreadLine = z.object({ line: z.number().int(), id: z.string().optional(), reason: z.string() });
export type UnreadLine = z.infer<typeof UnreadLine>;

export type ResultItem = { ok: true; entry: ResultEntry } | { ok: false; unread: UnreadLine };

const JsonObject = z.record(z.string(), z.unknown());
const idOf = (o: Record<string, unknown>) => (typeof o.id === "string" ? { id: o.id } : {});

// Decides what one parsed line is, by its shape; a shape that fails its schema says where.
export function classifyResult(name: string, line: number, o: Record<string, unknown>): ResultItem {
  const fail = (reason: string): ResultItem => ({ ok: false, unread: { line, ...idOf(o), reason } });
  if ("verification" in o) {
    const p = TrajectoryResult.safeParse(o.verification);
    if (!p.success) return fail(p.error.issues.map((i) => `${name}:${line} verification.${dotPath(i.path)}: ${i.message}`.replace(/\.: /, ": ")).join("; "));
    const { verification: _v, ...record } = o;
    return { ok: true, entry: { kind: "trajectory", line, result: p.data, record } };
  }
  if ("task" in o && "steps" in o) {
    const p = TrajectoryResult.safeParse(o);
    return p.success ? { ok: true, entry: { kind: "trajectory", line, result: p.data } } : fail(formatIssues(name, line, p.error));
  }
  if ("verdict" in o && "tests" in o) {
    const p = VerifyResult.safeParse(o);
    return p.success ? { ok: true, entry: { kind: "code", line, result: p.data } } : fail(formatIssues(name, line, p.error));
  }
  return fail(`${name}:${line}: not a result: neither a trajectory result (task, steps), a code result (verdict, tests) nor a record with \`verification\``);
}

// Streams a results file (vouch verify output or generated records), one item per non-empty line.
export async function* readResults(path: string): AsyncGenerator<ResultItem> {
  const name = basename(path);
  for await (const item of readJsonl(path, JsonObject)) {
    if (item.ok) yield classifyResult(name, item.line, item.value);
    else yield { ok: false, unread: { line: item.line, ...(item.id ? { id: item.id } : {}), reason: item.error } };
  }
}

// The last result per id (a resumed run rewrites records that got infra-error), in first-seen order.
export async function latestResults(path: string): Promise<{ entries: ResultEntry[]; unread: UnreadLine[] }> {
  const byId = new Map<string, ResultEntry>();
  const unread: UnreadLine[] = [];
  for await (const item of readResults(path)) {
    if (!item.ok) unread.push(item.unread);
    else {
      byId.set(`${item.entry.kind}:${item.entry.result.id}`, item.entry);
    }
  }
  return { entries: [...byId.values()], unread };
}
