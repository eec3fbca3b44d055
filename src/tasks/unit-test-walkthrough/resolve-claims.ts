import type { ErrorType } from "../../core/taxonomy.js";
import type { TraceFile } from "../../exec/trace.js";
import { functions } from "../../analysis/index.js";
import type { WalkthroughStep } from "./schema.js";

// A claimed step resolved against the source: which lines it can be, which variables it claims.
export interface ResolvedClaim {
  index: number;
  file: TraceFile;
  /** Line numbers the claim may be (one when the line is given; all lines with the quoted code otherwise). */
  lines: number[];
  /** Claimed variables that are plain names, checked against the trace. */
  vars: [string, string][];
  /** Claimed keys that are expressions (`s[i]`, `len(xs)`): not variables, so not checked. */
  unchecked: string[];
  returns?: string;
  /** The step is an `else:`/`finally:` line: it says the block is entered, it does not move the alignment. */
  marker?: boolean;
  /** The function (qualname) the step says the line runs in. */
  fn?: string;
  /** "return": the step says the function returns at this line. */
  event?: "line" | "return";
  /** Names a `for` line binds (its loop variables): values it takes, not values it computes. */
  loopTargets?: string[];
}

// The names a `for` line binds: "for i, (a, b) in ..." -> i, a, b.
export function loopTargets(lineText: string): string[] {
  const m = /^\s*(?:async\s+)?for\s+(.+?)\s+in\b/.exec(lineText);
  return m ? [...m[1]!.matchAll(/[A-Za-z_]\w*/g)].map((x) => x[0]) : [];
}

export type StaticStep =
  | { ok: true; claim: ResolvedClaim; evidence: string }
  | { ok: false; errorType: ErrorType; evidence: string };

const IDENT = /^[A-Za-z_]\w*$/;
// Block openers CPython gives no line event: a claim on one means the first statement of its block.
const SILENT_OPENERS = new Set(["else:", "finally:"]);

// A line's code without its trailing comment (a `#` outside quotes) and without any whitespace.
export function squashCode(text: string): string {
  let quote: string | null = null;
  let end = text.length;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === "\\") i++;
      else if (ch === quote) quote = null;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "#") {
      end = i;
      break;
    }
  }
  return text.slice(0, end).replace(/\s+/g, "");
}

// The quoted code is this line: equal once squashed, or most of it (a missing colon or comment).
export function codeMatchesLine(code: string, lineText: string): boolean {
  const c = squashCode(code);
  const l = squashCode(lineText);
  if (!c || !l) return false;
  if (c === l) return true;
  const [short, long] = c.length <= l.length ? [c, l] : [l, c];
  return long.includes(short) && short.length >= 0.75 * long.length;
}

// Line numbers (1-based) whose text the quoted code matches.
function linesWithCode(code: string, lines: readonly string[]): number[] {
  const out: number[] = [];
  lines.forEach((l, i) => {
    if (codeMatchesLine(code, l)) out.push(i + 1);
  });
  return out;
}

// The line a claim on `else:`/`finally:` stands for: the first statement of the block.
function eventLine(lineNo: number, lines: readonly string[]): number {
  if (!SILENT_OPENERS.has(squashCode(lines[lineNo - 1] ?? ""))) return lineNo;
  for (let i = lineNo; i < lines.length; i++) if (squashCode(lines[i]!)) return i + 1;
  return lineNo;
}

const quote = (s: string) => JSON.stringify(s.trim().length > 80 ? `${s.trim().slice(0, 77)}...` : s.trim());

// Checks a step against the source without running anything: the line exists and says what the step
// quotes, the variables exist in the code. `known`: every identifier of the solution and the test.
export function resolveStep(step: WalkthroughStep, index: number, sources: Record<TraceFile, string>, known: ReadonlySet<string>): StaticStep {
  const fileName = step.file === "test" ? "the test" : "solution.py";
  const lines = sources[step.file].split("\n");
  let candidates: number[];
  let where: string;
  let marker = false;
  if (step.line !== undefined) {
    const text = lines[step.line - 1];
    if (text === undefined || (step.line === lines.length && text === "")) {
      return { ok: false, errorType: "hallucinated-step", evidence: `${fileName} has ${lines.length - (lines.at(-1) === "" ? 1 : 0)} lines; there is no line ${step.line}` };
    }
    if (step.code !== undefined && !codeMatchesLine(step.code, text)) {
      const elsewhere = linesWithCode(step.code, lines);
      if (elsewhere.length) {
        return { ok: false, errorType: "inconsistent-step", evidence: `line ${step.line} of ${fileName} is ${quote(text)}; the quoted ${quote(step.code)} is line ${elsewhere.join(", ")}` };
      }
      return { ok: false, errorType: "hallucinated-step", evidence: `no line of ${fileName} reads ${quote(step.code)} (line ${step.line} is ${quote(text)})` };
    }
    if (!squashCode(text)) {
      return { ok: false, errorType: "hallucinated-step", evidence: `line ${step.line} of ${fileName} is blank or a comment: nothing runs there` };
    }
    candidates = [eventLine(step.line, lines)];
    marker = candidates[0] !== step.line;
    where = `line ${step.line} is ${quote(text)}`;
  } else {
    candidates = linesWithCode(step.code!, lines);
    if (!candidates.length) return { ok: false, errorType: "hallucinated-step", evidence: `no line of ${fileName} reads ${quote(step.code!)}` };
    marker = candidates.some((n) => eventLine(n, lines) !== n);
    candidates = [...new Set(candidates.map((n) => eventLine(n, lines)))];
    where = `${quote(step.code!)} is line ${candidates.join(", ")}`;
  }
  const vars: [string, string][] = [];
  const unchecked: string[] = [];
  for (const [name, value] of Object.entries(step.vars)) {
    if (!IDENT.test(name)) unchecked.push(name);
    else if (!known.has(name)) return { ok: false, errorType: "hallucinated-step", evidence: `${where}, but there is no variable \`${name}\` in the code` };
    else vars.push([name, value]);
  }
  let fn: string | undefined;
  if (step.function !== undefined && step.function !== "<module>") {
    const defs = functions(sources[step.file]);
    const named = defs.filter((f) => f.qualname === step.function || f.name === step.function);
    if (!named.length) return { ok: false, errorType: "hallucinated-step", evidence: `${where}, but ${fileName} has no function ${step.function} (it defines: ${defs.map((f) => f.qualname).join(", ") || "none"})` };
    const inside = named.filter((f) => candidates.some((l) => l >= f.startLine && l <= f.endLine));
    if (!inside.length) return { ok: false, errorType: "inconsistent-step", evidence: `${where}, which is not in ${step.function} (lines ${named.map((f) => `${f.startLine}-${f.endLine}`).join(", ")})` };
    fn = inside[0]!.qualname;
  }
  const claim: ResolvedClaim = {
    index, file: step.file, lines: candidates, vars, unchecked,
    ...(step.returns !== undefined ? { returns: step.returns } : {}),
    ...(marker ? { marker } : {}),
    ...(fn ? { fn } : {}),
    ...(step.event ? { event: step.event } : {}),
  };
  const targets = [...new Set(candidates.flatMap((l) => loopTargets(lines[l - 1] ?? "")))];
  if (targets.length) claim.loopTargets = targets;
  return { ok: true, claim, evidence: where };
}
