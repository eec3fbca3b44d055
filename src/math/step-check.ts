import { Fraction } from "mathjs";
import { polyAdd, toPoly } from "./poly.js";
import { checkPair, recordFact, type PairContext, type PairOutcome } from "./claim-check.js";
import type { Side } from "./claims.js";
import { FactBase } from "./equation.js";
import { evaluate, ParseError, parseExpr, show, symbols, type Expr } from "./expr.js";
import { isExpanded, isFactored, sameExpr, sameTree } from "./identity.js";
import { equalNum, formatNum } from "./num.js";
import { hasLatex, latexToPlain } from "./parse-latex.js";
import { stepLabel } from "./nl-check.js";
import type { StepResult, StructuredRecord, StructuredStep } from "./schema.js";

// A structured step read: its sides (one for an expression, two or more for an equation chain).
interface Read {
  sides: Side[];
  exprs: Expr[];
  rels: Array<"=" | "≈">;
}

function read(text: string): Read | ParseError {
  const plain = hasLatex(text) ? latexToPlain(text) : text;
  const parts = plain.split(/(=|≈)/);
  const sides: Side[] = [];
  const rels: Array<"=" | "≈"> = [];
  for (let i = 0; i < parts.length; i += 2) {
    const t = parts[i]!.trim();
    if (i > 0) rels.push(parts[i - 1] as "=" | "≈");
    const lit = /^-?\d+(?:\.\d+)?$/.test(t) ? { src: t, text: t, percent: false } : undefined;
    sides.push({ text: t, shown: t, approx: false, ...(lit ? { literal: lit } : {}) });
  }
  try {
    return { sides, exprs: sides.map((s) => parseExpr(s.text)), rels };
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
}

// Names a step introduces through `vars` (["y"] or {"y": "x + 1"}).
function introduced(step: StructuredStep): string[] {
  if (!step.vars) return [];
  return Array.isArray(step.vars) ? step.vars : Object.keys(step.vars);
}

// Labels the steps of a structured solution: each step must follow from what came before (givens, earlier
// steps), use only given or defined variables, and perform the action it names.
export function checkStructuredSteps(rec: StructuredRecord): StepResult[] {
  const facts = new FactBase();
  const defined = new Set<string>();
  const givenCtx: PairContext = { facts, step: -1, defined, structured: true };
  for (const g of rec.given) {
    const r = read(g);
    if (r instanceof ParseError) continue;
    for (const e of r.exprs) for (const v of symbols(e)) defined.add(v);
    for (let i = 0; i + 1 < r.sides.length; i++) recordFact(r.sides[i]!, r.sides[i + 1]!, givenCtx, false);
  }
  const target = read(rec.target);
  let state: Expr | undefined; // the expression being worked on (for expression steps)
  let lastEquation: Expr[] | undefined;
  if (!(target instanceof ParseError)) {
    for (const e of target.exprs) for (const v of symbols(e)) defined.add(v);
    if (target.exprs.length === 1 && target.exprs[0]!.k !== "sym") state = target.exprs[0];
  }

  return rec.steps.map((step, index) => {
    for (const v of introduced(step)) defined.add(v);
    const ctx: PairContext = { facts, step: index, defined, structured: true, action: step.action };
    if (step.vars && !Array.isArray(step.vars)) {
      for (const [v, val] of Object.entries(step.vars)) {
        recordFact({ text: v, shown: v, approx: false }, { text: String(val), shown: String(val), approx: false }, ctx, false);
      }
    }
    const r = read(step.expr);
    if (r instanceof ParseError) return { index, label: "unparseable", evidence: r.message };
    const outcomes: PairOutcome[] = [];
    if (r.exprs.length === 1) {
      outcomes.push(checkExpression(r.exprs[0]!, state, step, ctx));
      state = r.exprs[0]!;
    } else {
      for (let i = 0; i + 1 < r.sides.length; i++) {
        const o = checkPair(r.sides[i]!, r.sides[i + 1]!, r.rels[i] === "≈", ctx);
        outcomes.push(o);
        if (o.switchCase) facts.switchCase(o.switchCase, index);
        if (o.label !== "unparseable" && o.label !== "undefined-variable") recordFact(r.sides[i]!, r.sides[i + 1]!, ctx, o.label !== "correct" && o.label !== "unverifiable");
      }
      const action = actionCheck(step.action, r.exprs, lastEquation, state);
      if (action) outcomes.push(action);
      lastEquation = r.exprs;
      if (r.exprs.length > 1 && state && sameExpr(state, r.exprs[0]!)) state = r.exprs[r.exprs.length - 1];
    }
    for (const e of r.exprs) for (const v of symbols(e)) defined.add(v);
    return stepLabel(index, outcomes);
  });
}

// An expression step: the same value (or the same function) as the expression before it, and the action done.
function checkExpression(cur: Expr, prev: Expr | undefined, step: StructuredStep, ctx: PairContext): PairOutcome {
  const missing = [...symbols(cur)].filter((v) => !ctx.defined.has(v));
  if (missing.length) return { label: "undefined-variable", evidence: `${show(cur)} uses ${missing.join(", ")}, never given or defined before`, checked: true };
  if (!prev) return { label: "unverifiable", evidence: `${show(cur)}: no earlier expression to compare with`, checked: false };
  const env = ctx.facts.known();
  const a = evaluate(prev, env);
  const b = evaluate(cur, env);
  let base: PairOutcome;
  if (a && b) {
    if (equalNum(a, b)) base = { label: "correct", evidence: `${show(cur)} = ${formatNum(b)}, as before`, checked: true };
    else if (step.action === "substitute") return { label: "inconsistent-step", evidence: `${show(cur)} is ${formatNum(b)} but ${show(prev)} is ${formatNum(a)} with the given values: the substituted values contradict them`, checked: true };
    else return { label: symbols(cur).size === 0 || step.action === "compute" ? "arithmetic-error" : "invalid-transformation", evidence: `${show(cur)} is ${formatNum(b)}, but ${show(prev)} is ${formatNum(a)}`, checked: true };
  } else {
    const same = sameExpr(prev, cur);
    if (same === undefined) return { label: "unverifiable", evidence: `could not compare ${show(prev)} with ${show(cur)}`, checked: false };
    if (!same && constantDifference(prev, cur)) return { label: "arithmetic-error", evidence: `${show(cur)} differs from ${show(prev)} by a constant: a term was miscalculated`, checked: true };
    if (!same) return { label: "invalid-transformation", evidence: `${show(cur)} is not equal to ${show(prev)} (exact comparison of expanded forms / random rational points)`, checked: true };
    base = { label: "correct", evidence: `${show(cur)} equals ${show(prev)}`, checked: true };
  }
  return actionCheck(step.action, [cur], undefined, prev) ?? base;
}

function constantDifference(a: Expr, b: Expr): boolean {
  const pa = toPoly(a);
  const pb = toPoly(b);
  if (!pa || !pb) return false;
  const d = polyAdd(pa, pb, new Fraction(-1));
  return d.size === 1 && d.has("");
}

// Whether the step does what its action says; undefined when it does (or the action is not one we know).
function actionCheck(action: string, cur: Expr[], prevEq: Expr[] | undefined, prevExpr: Expr | undefined): PairOutcome | undefined {
  const fail = (why: string): PairOutcome => ({ label: "invalid-transformation", evidence: `action "${action}" not performed: ${why}`, checked: true });
  const last = cur[cur.length - 1]!;
  switch (action) {
    case "expand":
      return cur.every(isExpanded) ? undefined : fail(`${cur.map(show).join(" = ")} still has a product of sums`);
    case "factor":
      return cur.some(isFactored) ? undefined : fail(`no side of ${cur.map(show).join(" = ")} is a product of factors`);
    case "solve": {
      const ok = cur.length === 2 && ((cur[0]!.k === "sym" && symbols(cur[1]!).size === 0) || (cur[1]!.k === "sym" && symbols(cur[0]!).size === 0));
      return ok ? undefined : fail(`${cur.map(show).join(" = ")} is not "variable = value"`);
    }
    case "transpose": {
      if (cur.length !== 2 || !prevEq || prevEq.length !== 2) return undefined;
      const moved = !sameTree(cur[0]!, prevEq[0]!) && !sameTree(cur[1]!, prevEq[prevEq.length - 1]!);
      return moved ? undefined : fail("no term moved from one side to the other");
    }
    case "substitute": {
      const before = prevEq ? new Set(prevEq.flatMap((e) => [...symbols(e)])) : prevExpr ? symbols(prevExpr) : undefined;
      if (!before) return undefined;
      const now = new Set(cur.flatMap((e) => [...symbols(e)]));
      const replaced = [...before].some((v) => !now.has(v));
      return replaced ? undefined : fail("no variable was replaced");
    }
    case "compute":
    case "simplify": {
      if (!prevExpr || cur.length !== 1) return undefined;
      return sameTree(prevExpr, last) ? fail("the expression is unchanged") : undefined;
    }
    default:
      return undefined;
  }
}
