import type { PairOutcome } from "./claim-check.js";
import { evaluate, show, symbols, tryParseExpr } from "./expr.js";
import { formatNum, sub, toFloat } from "./num.js";
import { latexToPlain } from "./parse-latex.js";
import { splitPieces } from "./tokens.js";

// "\frac{6}{10} = \frac{x}{8 - x} \Rightarrow x = \frac{24}{15}": an equation in one letter followed, across an
// implication arrow in the same display, by the value it gives that letter. The value must satisfy the equation: put
// in, both sides must be equal (exactly). Only a value written exactly (no decimals, no ≈, no ±, no "or") and an
// equation whose only letter is the one solved for are read; a side without a value there (division by zero) is no
// verdict. The same for an equation after "solving" and its value after "gives", "we get", ... in one sentence.
export function solvedValueClaims(text: string): PairOutcome[] {
  const out: PairOutcome[] = [];
  const pieces = splitPieces(text);
  pieces.forEach((piece, i) => {
    if (!piece.math) return;
    if (/\\Rightarrow|\\implies|⇒/.test(piece.text)) {
      const parts = latexToPlain(piece.text).split("⇒");
      for (let k = 0; k + 1 < parts.length; k++) {
        const o = solvedValue(parts[k]!, parts[k + 1]!);
        if (o) out.push(o);
      }
    }
    // "Solving \( 10 + 4d = 100 \) gives us \( d = 20 \)": the same, in words, in one sentence
    const before = pieces[i - 1];
    const between = pieces[i + 1];
    const after = pieces[i + 2];
    if (before && !before.math && SOLVING.test(before.text) && between && !between.math && SOLVED_BY.test(between.text) && after?.math) {
      const o = solvedValue(latexToPlain(piece.text), latexToPlain(after.text));
      if (o) out.push(o);
    }
  });
  return out;
}

// "Solving", "solve", "to solve" closing the words before the equation (within the sentence), and the words that
// give its solution: "gives (us)", "yields", "we get/find/obtain", "results in", "leads to".
const SOLVING = /\bsolv(?:e|es|ing)\b[^.!?:]*$/i;
const SOLVED_BY = /^\s*[,;]?\s*(?:(?:this|which|it)\s+)?(?:gives(?:\s+us)?|yields|results\s+in|leads\s+to|we\s+(?:get|find|obtain|have))\s*:?\s*$/i;

function solvedValue(equation: string, solution: string): PairOutcome | undefined {
  const sides = equation.split("=");
  const chain = solution.split("=").map((t) => t.trim().replace(/[.,;:]+$/, ""));
  if (sides.length !== 2 || chain.length < 2 || /\d?\.\d|[≈~]/.test(chain[1]!)) return undefined;
  const [left, right, letter, value] = [sides[0]!, sides[1]!, chain[0]!, chain[1]!].map((t) => tryParseExpr(t));
  if (!left || !right || !letter || !value || letter.k !== "sym" || symbols(value).size > 0) return undefined;
  const vars = new Set([...symbols(left), ...symbols(right)]);
  if (vars.size !== 1 || !vars.has(letter.name)) return undefined;
  const v = evaluate(value, new Map());
  if (!v || !v.exact) return undefined;
  const env = new Map([[letter.name, v]]);
  const a = evaluate(left, env);
  const b = evaluate(right, env);
  if (!a || !b) return undefined;
  const diff = sub(a, b);
  if (!diff) return undefined;
  const gap = toFloat(diff);
  const shown = `${show(left)} = ${show(right)}, so ${letter.name} = ${show(value)}`;
  if (Math.abs(gap) <= 1e-9 * Math.max(1, Math.abs(toFloat(a)), Math.abs(toFloat(b)))) return { label: "correct", evidence: `"${shown}": ${letter.name} = ${formatNum(v)} satisfies it`, checked: true };
  return { label: "arithmetic-error", evidence: `"${shown}": with ${letter.name} = ${formatNum(v)}, ${show(left)} is ${formatNum(a)} and ${show(right)} is ${formatNum(b)}: not a solution`, checked: true };
}

