import type { Token } from "./tokens.js";
import { tokenizeStep } from "./tokens.js";

// A checkable claim found in a natural-language step: a chain of sides joined by = or ≈
// ("3 * 12 = 36", "x + 5 = 12", "20% of 50 = 10", "10 / 3 ≈ 3.33").
export interface Side {
  text: string; // plain math, for parseExpr
  shown: string; // as written, for evidence
  /** A single number as written ("3.33", "25%"), when the side is just that. */
  literal?: { src: string; text: string; percent: boolean };
  /** "about", "approximately", "~" before it. */
  approx: boolean;
}

export interface Claim {
  sides: Side[];
  rels: Array<"=" | "≈">;
  /** From a GSM8K calculator annotation <<48/2=24>>. */
  annotation: boolean;
  /** One of alternatives joined by "or" ("x = 3 or x = 4"), or a solution set joined by "and" ("the roots are
   * x = 3 and x = 4"): checked, but not a fact for later steps. */
  alternative?: boolean;
  /** Variables the step mentions before this claim (a variable used before `v = 5` defines it is a use). */
  varsBefore?: ReadonlySet<string>;
  /** Relations of the chain cut off because a side could not be seen whole (`\\log_2 8 = 3`, `h_1 + 1 = 4`, a chain
   * ending in an unread name): read, not checked. */
  cut?: number;
  /** `x_1 = 180 + 18.025 = 198.025`: the relation cut off the chain's start had a subscripted name as its whole first
   * side, one this step had not written before (the step may still have met it in the problem or earlier steps). */
  cutName?: string;
}

const OP_WORDS: Record<string, string> = { times: "*", plus: "+", minus: "-" };
const EQ_WORDS = new Set(["is", "equals", "makes", "gives", "was", "are"]);
const MAX_UNIT_WORDS = 3;

// Claims of one step: calculator annotations first, then every chain in prose and math.
export function extractClaims(step: string): Claim[] {
  const claims: Claim[] = [];
  const text = withoutNumberLabels(step).replace(/<<([^<>]*)>>/g, (_all, inner: string) => {
    claims.push(...claimsFromTokens(tokenizeStep(`$${inner}$`), true));
    return "";
  });
  claims.push(...claimsFromTokens(tokenizeStep(text), false));
  return claims;
}

// "7995 (total cookies) - 2595 (rainbow cookies) = 4500", "100 (\text{first day}) + 150 (\text{second day}) = 250":
// a label in words in parentheses after a number (and its unit words), followed by an operator or "=", names the
// number; it is dropped so the arithmetic around it is read. Only words (one of three letters or more, none a
// function or constant name such as "sin", "mod", "pi"): "3 (x + 1)", "2 (mod 5)", "4 (ab)" are left as they are.
const NUMBER_LABEL = /(?<=\d(?:\s+[A-Za-z]+){0,3})\s*\((?:\\text\{([A-Za-z][A-Za-z' ]*)\}|([A-Za-z][A-Za-z' ]*))\)(?=\s*(?:[-+×*/=]|\\times|\\cdot))/g;
const MATH_NAMES = /^(?:sin|cos|tan|cot|sec|csc|log|ln|exp|pi|sqrt|mod|gcd|lcm|max|min|det|deg|rad)$/i;
export function withoutNumberLabels(step: string): string {
  return step.replace(NUMBER_LABEL, (all, inText: string | undefined, bare: string | undefined) => {
    const words = (inText ?? bare ?? "").trim().split(/\s+/);
    return words.some((w) => w.length >= 3) && !words.some((w) => MATH_NAMES.test(w)) ? "" : all;
  });
}

// "\[ \text{Total} = 52 + 24 + 44 \] \[ \text{Total} = 130 \]", "Pencils left = (2/3) * 240. Pencils left = 160.": a
// label set equal to something in one display or sentence and to something else in the next asserts that the two are
// equal (the last side of the first with the first side of the second); each display alone holds only half of it.
// The label is a name in words ("Total cost", \text{Pencils left}), never a single letter: a letter set to one value
// and then another is as often two cases or two roots as one chain.
const LABEL_LINE = /^(?:\\text\{([^{}]{2,})\}|([A-Za-z][A-Za-z']+(?: [A-Za-z']+){0,5}))\s*=\s*(.+)$/s;
// A side in numbers only (LaTeX commands and trailing unit words aside): the words of a label's definition
// ("Time to heat up - 5 minutes") are not read as numbers.
const numeric = (side: string) => side !== "" && !/[A-Za-z]/.test(side.replace(/\\text\{[^{}]*\}|\\[a-zA-Z]+/g, "").replace(/(?<=\d)\s*[A-Za-z ]+$/, ""));
export function labelledChains(step: string): Claim[] {
  const lines = step.split(/\\\[|\\\]|\n|(?<=[a-zA-Z0-9$}][.;])\s+/).map((p) => p.trim().replace(/^(?:\$|\\\()\s*|\s*(?:\$|\\\))?\s*[.,;]?$/g, ""));
  const entries: Array<{ label: string; first: string; last: string }> = [];
  for (const line of lines) {
    const m = LABEL_LINE.exec(line);
    if (!m || /[=]/.test((m[1] ?? m[2])!)) {
      if (line) entries.push({ label: "", first: "", last: "" });
      continue;
    }
    const sides = m[3]!.split("=").map((s) => s.trim());
    entries.push({ label: (m[1] ?? m[2])!.trim().toLowerCase(), first: sides[0]!, last: sides[sides.length - 1]! });
  }
  const out: Claim[] = [];
  for (let i = 1; i < entries.length; i++) {
    const [a, b] = [entries[i - 1]!, entries[i]!];
    if (!a.label || a.label !== b.label || a.last === b.first || !numeric(a.last) || !numeric(b.first)) continue;
    const text = `${a.last} = ${b.first}`;
    out.push(...extractClaims(/\\[a-zA-Z]/.test(text) ? `\\(${text}\\)` : text));
  }
  return out;
}

type Item = Token | { t: "opw"; text: string };

// Finds runs of math tokens (unit words allowed between a number and the next operator) and splits them on =.
function claimsFromTokens(tokens: Token[], annotation: boolean): Claim[] {
  const out: Claim[] = [];
  let run: Item[] = [];
  let orSince = false; // an "or" since the last claim
  let andSince = false; // an "and" since the last claim
  let start = 0; // index of the run's first token
  const seen = new Set<string>(); // variables in the tokens before the run
  let fragment = false; // the run's first side is the tail of something it does not include
  let cutName: string | undefined; // the subscripted name just before the run's opening "=", not seen before in this text
  // "81h + 3Dh", "1 hour + 30 minutes", "40h - 16": terms of a sum with unlike units (or a unit and none) are not one
  // quantity's arithmetic; such a run is not read
  let unitHere: string | undefined; // unit words of the current term
  let termUnit: string | undefined; // unit of the term before the last + or - on this side
  let additive = false; // the current term follows a + or -
  let mixedUnits = false;
  const closeTerm = (next: "additive" | "side" | "end") => {
    const u = unitHere ?? "";
    if (additive && termUnit !== undefined && u !== termUnit && (u !== "" || termUnit !== "")) mixedUnits = true;
    termUnit = next === "additive" ? u : undefined;
    additive = next === "additive";
    unitHere = undefined;
  };
  const end = (at: number) => {
    closeTerm("end");
    const c = mixedUnits ? undefined : finishRun(run, annotation, fragment, run.length > 0 && cutsExpression(tokens[at]), cutName);
    mixedUnits = false;
    if (c) {
      const before = out[out.length - 1];
      if (before && (orSince || (andSince && sameVariableValues(before, c)))) {
        c.alternative = true;
        before.alternative = true;
      }
      c.varsBefore = new Set(seen);
      out.push(c);
      orSince = false;
      andSince = false;
    }
    for (let j = start; j <= at && j < tokens.length; j++) if (tokens[j]!.t === "var") seen.add((tokens[j] as { text: string }).text);
    start = at + 1;
    run = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (run.length === 0) {
      for (let j = start; j < i; j++) if (tokens[j]!.t === "var") seen.add((tokens[j] as { text: string }).text);
      start = i;
      fragment = startsMidExpression(tokens, i);
      const before = tokens[i - 1];
      cutName = fragment && tok.t === "eq" && before?.t === "break" && SUBSCRIPTED.test(before.text) && !tokens.slice(0, i - 1).some((t) => t.t === "break" && t.text === before.text) ? before.text : undefined;
    }
    const prev = run[run.length - 1];
    const next = tokens[i + 1];
    // "x = 2 or x = 3": the connective ends the claim before it and marks the next one (set after the claim it
    // ends is closed, so that claim does not swallow it — \boxed{x = 2 \text{ or } x = 3})
    const connective = (tok.t === "word" || tok.t === "break") ? tok.text.toLowerCase() : "";
    if (connective === "or" || connective === "and") {
      end(i);
      if (connective === "or") orSince = true;
      else andSince = true;
      continue;
    }
    const operandBefore = prev !== undefined && (prev.t === "num" || prev.t === "var" || (prev.t === "op" && prev.text === ")"));
    if (tok.t === "num" || tok.t === "fn" || tok.t === "eq") {
      if (tok.t === "eq") closeTerm("side");
      run.push(tok);
    } else if (tok.t === "var") {
      // "3 x 4": a multiplication sign in prose
      if (tok.text === "x" && prev?.t === "num" && next?.t === "num") run.push({ t: "op", text: "*" });
      else run.push(tok);
    } else if (tok.t === "op") {
      if (run.length === 0 && !(tok.text === "(" || tok.text === "-")) continue;
      if (tok.text === "/" && run[run.length - 1]?.t === "num" && perUnit(tokens, i + 1)) {
        // "$194/meter × 490 meters", "8 pounds / 2 pounds/week": the unit of a rate, not a division
        while (tokens[i + 1]?.t === "word") i++;
        continue;
      }
      if (operandBefore && (tok.text === "+" || tok.text === "-")) closeTerm("additive");
      run.push(tok);
    } else if (tok.t === "approx") {
      if (run.length > 0) run.push(tok);
    } else if (tok.t === "word") {
      const w = tok.text.toLowerCase();
      if (operandBefore && OP_WORDS[w] && startsOperand(next)) {
        if (OP_WORDS[w] !== "*") closeTerm("additive");
        run.push({ t: "opw", text: OP_WORDS[w]! });
      }
      else if (operandBefore && (w === "divided" || w === "multiplied") && next?.t === "word" && next.text === "by" && startsOperand(tokens[i + 2])) {
        run.push({ t: "opw", text: w === "divided" ? "/" : "*" });
        i++;
      } else if (w === "of" && prev?.t === "num" && (prev.percent || isFraction(run)) && startsOperand(next)) run.push({ t: "opw", text: "*" });
      else if (EQ_WORDS.has(w) && hasOperator(run) && (startsOperand(next) || next?.t === "approx")) {
        closeTerm("side");
        run.push({ t: "eq", text: "=" });
      }
      else if (w === "is" && next?.t === "word" && next.text === "equal" && tokens[i + 2]?.t === "word" && (tokens[i + 2] as { text: string }).text === "to" && hasOperator(run)) {
        closeTerm("side");
        run.push({ t: "eq", text: "=" });
        i += 2;
      } else if (operandBefore && unitWordsThenOperator(tokens, i)) {
        // units between a number and the next operator: "5 apples + 3 apples", "12 eggs/box"
        const from = i;
        while (tokens[i + 1]?.t === "word") i++;
        unitHere = tokens.slice(from, i + 1).map((t) => (t as { text: string }).text.toLowerCase().replace(/s$/, "")).join(" ");
        // "20 m^2": the exponent belongs to the unit
        if (tokens[i + 1]?.t === "op" && (tokens[i + 1] as { text: string }).text === "^" && tokens[i + 2]?.t === "num") i += 2;
      } else end(i);
    } else end(i);
  }
  end(tokens.length);
  return out;
}

// A subscripted name as the tokens keep it: `x_1`, `x_(2)`, `h_(max)`.
const SUBSCRIPTED = /^[A-Za-z]_(?:[A-Za-z0-9]|\([A-Za-z0-9]+\))$/;

// Whether a run starting at token i begins inside an expression it cannot see whole, so that its first side is a
// fragment: right after an operator (`side^2 = 6^2`: "2"), after an unread command or subscripted name
// (`\log_2{8} = 3`: "(8)", `\binom{10}{5} = 252`: "(10)(5)", `h_1 + 1 = 4`: "1"), or a minus sign right after a number or
// word (`595 minutes - 23 minutes = 572`: "- 23" has lost its left operand).
function startsMidExpression(tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const tok = tokens[i];
  if (!prev || !tok) return false;
  if (prev.t === "op" && prev.text !== "(" && prev.text !== ")") return true;
  if (cutsExpression(prev)) return true;
  if (tok.t === "op" && tok.text === "-" && (prev.t === "num" || prev.t === "word" || prev.t === "var")) return true;
  return false;
}

// A token that cuts an expression the run cannot see whole: an unread command or name (`\\cot`, `a_4`, `BD`), or an
// inequality sign (`90/123 < k < 180/123 ≈ 1.46`: the sides next to it belong to the inequality chain).
function cutsExpression(t: Token | undefined): boolean {
  if (!t || t.t !== "break") return false;
  if (/^(?:or|and)$/i.test(t.text)) return false;
  return /^[\\A-Za-z]/.test(t.text) || t.text.includes("_") || /^[<>≤≥≠]$/.test(t.text);
}

// "x = 3 and x = 4": two values of the same single variable, a solution set rather than a contradiction.
function sameVariableValues(a: Claim, b: Claim): boolean {
  const value = (c: Claim) => c.sides.length === 2 && /^[a-zA-Z]$/.test(c.sides[0]!.text.trim()) && !/[a-zA-Z]/.test(c.sides[1]!.text.replace(/sqrt|pi/g, ""));
  return value(a) && value(b) && a.sides[0]!.text.trim() === b.sides[0]!.text.trim();
}

function startsOperand(t: Token | undefined): boolean {
  return t !== undefined && (t.t === "num" || t.t === "var" || t.t === "fn" || (t.t === "op" && (t.text === "(" || t.text === "-")));
}

function isFraction(run: Item[]): boolean {
  const n = run.length;
  return n >= 3 && run[n - 2]!.t === "op" && (run[n - 2] as { text: string }).text === "/" && run[n - 3]!.t === "num";
}

function hasOperator(run: Item[]): boolean {
  let lastEq = -1;
  run.forEach((t, i) => t.t === "eq" && (lastEq = i));
  return run.slice(lastEq + 1).some((t) => (t.t === "op" && !["(", ")"].includes((t as { text: string }).text)) || t.t === "opw" || t.t === "fn");
}

function unitWordsThenOperator(tokens: Token[], i: number): boolean {
  let j = i;
  while (tokens[j]?.t === "word" && j - i < MAX_UNIT_WORDS) j++;
  const after = tokens[j];
  if (tokens[j]?.t === "word") return false;
  const w = (tokens[i] as { text: string }).text.toLowerCase();
  if (EQ_WORDS.has(w) || OP_WORDS[w]) return false;
  // a "-" after unit words is a minus only when a number follows ("595 minutes - 23 minutes"), else it is a dash
  return after !== undefined && (after.t === "eq" || (after.t === "op" && after.text !== "(" && (after.text !== "-" || tokens[j + 1]?.t === "num")));
}

// Unit words after a "/" (at most MAX_UNIT_WORDS), followed by an operator, a relation or the end of the claim.
function perUnit(tokens: Token[], j: number): boolean {
  let k = j;
  while (tokens[k]?.t === "word" && k - j < MAX_UNIT_WORDS) k++;
  if (k === j || tokens[k]?.t === "word") return false;
  const w = (tokens[j] as { text: string }).text.toLowerCase();
  if (EQ_WORDS.has(w) || OP_WORDS[w] || w === "of") return false;
  const after = tokens[k];
  return after === undefined || after.t === "eq" || after.t === "break" || (after.t === "op" && after.text !== "(");
}

// Splits a run on = / ≈ into sides; keeps it when it is a real claim (not "12 = 12"-style restatements of a number).
function finishRun(run: Item[], annotation: boolean, fragment = false, fragmentEnd = false, cutName?: string): Claim | undefined {
  if (!run.some((t) => t.t === "eq")) return undefined;
  const groups: Item[][] = [[]];
  const rels: Array<"=" | "≈"> = [];
  for (const t of run) {
    if (t.t === "eq") {
      groups.push([]);
      rels.push(t.text);
    } else groups[groups.length - 1]!.push(t);
  }
  if (fragment) {
    groups.shift();
    rels.shift();
  }
  if (fragmentEnd) {
    groups.pop();
    rels.pop();
  }
  cutFragments(groups, rels);
  if (groups.length < 2) return undefined;
  // trim dangling operators at the ends of the chain
  const first = groups[0]!;
  while (first.length && first[0]!.t === "op" && first[0]!.text !== "(" && first[0]!.text !== "-") first.shift();
  const last = groups[groups.length - 1]!;
  while (last.length && (last[last.length - 1]!.t === "op" || last[last.length - 1]!.t === "opw") && (last[last.length - 1] as { text: string }).text !== ")") last.pop();
  // keep the longest stretch of non-empty sides
  let sides: Item[][] = [];
  const kept: Array<"=" | "≈"> = [];
  for (let i = 0; i < groups.length; i++) {
    const g = balance(groups[i]!);
    if (g.some((t) => t.t !== "approx")) {
      if (sides.length > 0) kept.push(rels[i - 1]!);
      sides.push(g);
    } else if (sides.length < 2) {
      sides = [];
      kept.length = 0;
    } else break;
  }
  if (sides.length < 2) return undefined;
  const made = sides.map(toSide);
  if (made.every((s) => s.literal)) return undefined;
  const cut = (fragment ? 1 : 0) + (fragmentEnd ? 1 : 0);
  const named = fragment && cutName ? { cutName } : {};
  return { sides: made, rels: kept.slice(0, made.length - 1), annotation, ...(cut ? { cut } : {}), ...named };
}

// "P(sum = 7) = 6/36", "(x, y) = (4, 2)": a ")" the run never opened ends a group begun before the run, so the sides
// up to it are the inside of a parenthesis whose start is not part of the claim ("sum = 7", "y"); a "(" the run
// never closes starts a group that goes on after it ("(4", then ", 2)"). Those sides are fragments, not operands:
// they are cut off (a ")" in the last side or a "(" in the first closes or opens around the whole claim, and stays).
function cutFragments(groups: Item[][], rels: Array<"=" | "≈">): void {
  const open: number[] = [];
  let from = 0;
  let to = groups.length;
  groups.forEach((g, gi) => {
    for (const t of g) {
      if (t.t !== "op") continue;
      if (t.text === "(") open.push(gi);
      else if (t.text === ")") {
        if (open.length > 0) open.pop();
        else if (gi < groups.length - 1) from = Math.max(from, gi + 1);
      }
    }
  });
  for (const gi of open) if (gi > 0) to = Math.min(to, gi);
  if (from === 0 && to === groups.length) return;
  const keptGroups = from < to ? groups.slice(from, to) : [];
  const keptRels = from < to ? rels.slice(from, to - 1) : [];
  groups.splice(0, groups.length, ...keptGroups);
  rels.splice(0, rels.length, ...keptRels);
}

// Drops parentheses that do not match inside a side ("(so 3 + 4" -> "3 + 4").
function balance(items: Item[]): Item[] {
  const out = [...items];
  const stack: number[] = [];
  const drop = new Set<number>();
  out.forEach((t, i) => {
    if (t.t !== "op") return;
    if (t.text === "(") stack.push(i);
    else if (t.text === ")") {
      if (stack.length) stack.pop();
      else drop.add(i);
    }
  });
  for (const i of stack) drop.add(i);
  return out.filter((_, i) => !drop.has(i));
}

function toSide(items: Item[]): Side {
  const approx = items.some((t) => t.t === "approx");
  const body = items.filter((t) => t.t !== "approx");
  const text = body.map((t) => (t as { text: string }).text).join(" ");
  const shown = body.map((t) => (t.t === "num" ? t.src : (t as { text: string }).text)).join(" ");
  const only = body.length === 1 && body[0]!.t === "num" ? body[0] : undefined;
  return { text, shown, approx, ...(only?.t === "num" ? { literal: { src: only.src, text: only.text, percent: only.percent } } : {}) };
}

// Single-letter variables a step mentions in its claims, and those it defines in words
// ("let x be", "x represents", "the number of apples, n,").
export function definedInWords(text: string): Set<string> {
  const out = new Set<string>();
  const plain = text.replace(/\$|\\\(|\\\)/g, " ");
  const patterns = [
    /\b(?:let|call|denote|define|set|use|using|introduce)\s+([a-zA-Z])\b(?!')/gi,
    /\b([a-zA-Z])\s+(?:be|denotes?|represents?|stands? for|is the|are the|be the|is our|equal the)\b/g,
    /\b(?:be|as|by|called|named)\s+([a-zA-Z])\b(?![a-zA-Z'])/g,
    /\b(?:where|with|if)\s+([a-zA-Z])\s+(?:is|are|as|being)\b/g,
    /\b(?:number|amount|value|cost|price|age|length|width|height|side|speed|rate|time|count|total|quantity|variable|unknown|root|roots|term|ratio)\s+([a-zA-Z])\b(?![a-zA-Z'])/gi,
    /\b([a-zA-Z])\s+and\s+([a-zA-Z])\s+(?:be|are|denote|represent)\b/g,
    /\bfor\s+(?:some|any|each|every|all|a\s+number|a\s+constant)\s+([a-zA-Z])\b(?![a-zA-Z'])/gi,
  ];
  // a letter written as math ($a$) is a variable even when in prose it would be the article or "I"
  const mathLetters = new Set([...text.matchAll(/\$\s*([a-zA-Z])\s*\$|\\\(\s*([a-zA-Z])\s*\\\)/g)].map((m) => (m[1] ?? m[2])!));
  const keep = (g: string) => (g !== "a" && g !== "A" && g !== "I") || mathLetters.has(g);
  for (const re of patterns) for (const m of plain.matchAll(re)) for (const g of m.slice(1)) if (g && keep(g)) out.add(g);
  // "let a be the number of adult tickets", "I denotes the interest": the article and the pronoun never stand
  // before these verbs, so here they are letters
  for (const m of plain.matchAll(/\b[Ll]et\s+([aAI])\s+be\b|\b([aAI])\s+(?:denotes?|represents?|stands?\s+for)\b/g)) out.add((m[1] ?? m[2])!);
  for (const v of letIntroductions(text)) out.add(v);
  return out;
}

// "Let the numbers be $x$ and $y$", "Let $a$ be Amy's age", "let $x$, $y$ be the sides": a let ... be clause (up to the
// end of the sentence or a following "so", "then", "with", "where", "such that") introduces every variable it
// names on its own — a math piece of letters only (`$x$`, `$x, y$`) or a lone letter in prose other than a/I.
// Letters inside a formula in the clause (`$x > y$`) are uses, not introductions.
export function letIntroductions(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(/\blet\b([^.;:!?]*?)(?=[.;:!?](?:\s|$)|[.;:!?]$|,?\s+(?:so|then|thus|hence|with|where|such|which|and then|giving|we)\b|$)/gi)) {
    const clause = m[1]!;
    if (!/\b(?:be|denote|represent|stand for)\b/i.test(clause)) continue; // "let's substitute $x$" introduces nothing
    for (const p of clause.matchAll(/\$([^$]*)\$|\\\((.*?)\\\)/g)) {
      const inner = (p[1] ?? p[2] ?? "").trim();
      if (/^[a-zA-Z](?:\s*,\s*[a-zA-Z])*$/.test(inner)) for (const v of inner.split(/\s*,\s*/)) out.add(v);
    }
    const prose = clause.replace(/\$[^$]*\$|\\\(.*?\\\)/g, " ");
    for (const w of prose.matchAll(/(?<![\w'])([a-zA-Z])(?![\w'])/g)) if (!["a", "A", "I"].includes(w[1]!) || /^\s+be\b/.test(prose.slice(w.index! + 1))) out.add(w[1]!);
  }
  return out;
}
