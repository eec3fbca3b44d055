import { z } from "zod";
import { OPERATORS, type Edit, type Operator } from "./mutate-operators.js";
import { parsePython } from "./parser.js";

export { OPERATORS, type Edit, type Operator } from "./mutate-operators.js";

// The name of a mutation operator (a key of OPERATORS).
export const OperatorName = z.enum(Object.keys(OPERATORS) as [keyof typeof OPERATORS, ...(keyof typeof OPERATORS)[]]);
export type OperatorName = z.infer<typeof OperatorName>;

// One mutant of a program: a single edit by one operator, and the whole mutated source.
export const Mutant = z.object({
  /** A key of OPERATORS (or of the registry the mutants were made with). */
  operator: z.string(),
  /** 1-based line and column of the edit in the original source. */
  line: z.number().int().positive(),
  column: z.number().int().positive(),
  /** For people: "line 5: `i < n` -> `i <= n`". */
  description: z.string(),
  /** The replaced text and what replaced it. */
  original: z.string(),
  replacement: z.string(),
  code: z.string(),
});
export type Mutant = z.infer<typeof Mutant>;

export const MutateOptions = z.object({
  /** Only these operators (all by default). */
  operators: z.array(OperatorName).optional(),
  /** At most this many mutants per operator, spread evenly over the source. */
  maxPerOperator: z.number().int().positive().optional(),
});
export type MutateOptionsInput = z.input<typeof MutateOptions>;

const SHOWN_CHARS = 60;

// Text for a description: whitespace runs collapsed, long text cut.
function shown(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SHOWN_CHARS ? `${flat.slice(0, SHOWN_CHARS - 3)}...` : flat;
}

// 1-based line and column of an index into the source.
function position(code: string, index: number): { line: number; column: number } {
  const before = code.slice(0, index);
  const line = before.split("\n").length;
  return { line, column: index - before.lastIndexOf("\n") };
}

// The mutant an edit makes, or null when the result does not parse.
function apply(code: string, operator: string, e: Edit): Mutant | null {
  const mutated = code.slice(0, e.start) + e.text + code.slice(e.end);
  if (parsePython(mutated).rootNode.hasError) return null;
  const { startIndex: cs, endIndex: ce } = e.context;
  const before = code.slice(cs, ce);
  const after = code.slice(cs, e.start) + e.text + code.slice(e.end, ce);
  const { line, column } = position(code, e.start < cs ? cs : e.start);
  const description = `line ${position(code, cs).line}: \`${shown(before)}\` -> ${after.trim() ? `\`${shown(after)}\`` : "(removed)"}`;
  return { operator, line, column, description, original: code.slice(e.start, e.end), replacement: e.text, code: mutated };
}

// `count` items spread evenly over a list (first and last included), in order.
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  if (count === 1) return [items[0]!];
  return Array.from({ length: count }, (_, i) => items[Math.round((i * (items.length - 1)) / (count - 1))]!);
}

// One operator's work on a source: distinct edits tried, how many parsed, and the mutants (capped).
export interface MutationCandidates {
  tried: number;
  parsed: number;
  mutants: Mutant[];
}

// What each operator proposed on a source: every edit, and the mutants left once the unparsable and the
// duplicates (of the original or of an earlier mutant) are dropped. `registry` is OPERATORS unless a caller
// (a test) brings its own.
export function mutationCandidates<K extends string = OperatorName>(
  code: string,
  opts: MutateOptionsInput = {},
  registry: Record<K, Operator> = OPERATORS as Record<K, Operator>,
): Record<K, MutationCandidates> {
  const o = MutateOptions.parse(opts);
  const root = parsePython(code).rootNode;
  const seen = new Set<string>([code]);
  const out = {} as Record<K, MutationCandidates>;
  for (const name of Object.keys(registry) as K[]) {
    if (o.operators && !(o.operators as string[]).includes(name)) continue;
    const edits = registry[name](root, code).sort((a, b) => a.start - b.start || a.end - b.end);
    const mutants: Mutant[] = [];
    let tried = 0;
    for (const e of edits) {
      const m = apply(code, name, e);
      const key = m?.code ?? `${e.start}:${e.end}:${e.text}`;
      if (m && seen.has(key)) continue; // the same program again is not another try
      tried++;
      if (!m) continue;
      seen.add(key);
      mutants.push(m);
    }
    out[name] = { tried, parsed: mutants.length, mutants: o.maxPerOperator ? spread(mutants, o.maxPerOperator) : mutants };
  }
  return out;
}

// The mutants of a Python source, one edit each, deterministic, in operator then source order;
// none equals the original, none repeats another, every one parses.
export function mutants(code: string, opts: MutateOptionsInput = {}): Mutant[] {
  return Object.values(mutationCandidates(code, opts)).flatMap((c) => c.mutants);
}
