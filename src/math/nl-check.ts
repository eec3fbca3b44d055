import { checkPair, parseSide, recordFact, type PairContext, type PairOutcome } from "./claim-check.js";
import { definedInWords, extractClaims, type Claim } from "./claims.js";
import { FactBase } from "./equation.js";
import { evaluate, ParseError, symbols } from "./expr.js";
import type { Num } from "./num.js";
import { ERROR_LABELS, type NaturalRecord, type StepResult } from "./schema.js";
import { tokenizeStep } from "./tokens.js";

// Labels the steps of a natural-language solution: every claim is checked in order; the first error decides the
// step's label; a step with no claim that could be checked is unverifiable, never correct.
export function checkNaturalSteps(record: NaturalRecord): StepResult[] {
  const facts = new FactBase();
  const defined = new Set<string>([...problemSymbols(record.problem)]);
  const problemCtx: PairContext = { facts, step: -1, defined };
  for (const claim of extractClaims(record.problem)) forEachPair(claim, (l, r) => recordFact(l, r, problemCtx, false));

  return record.steps.map((text, index) => {
    for (const v of definedInWords(text)) defined.add(v);
    const ctx: PairContext = { facts, step: index, defined, identityHint: /factor|expand|simplif|rewrit|distribut/i.test(text) };
    const outcomes: PairOutcome[] = [];
    for (const claim of dedupe(extractClaims(text))) {
      let prev: Num | undefined;
      forEachPair(claim, (l, r, rel) => {
        const o = checkPair(l, r, rel === "≈", ctx, prev);
        outcomes.push(o);
        if (o.label !== "unparseable" && o.label !== "undefined-variable") recordFact(l, r, ctx, ERROR_LABELS.has(o.label), claim.alternative);
        const right = parseSide(r);
        prev = right instanceof ParseError ? undefined : evaluate(right, facts.known());
      });
      for (const side of claim.sides) {
        const e = parseSide(side);
        if (!(e instanceof ParseError)) for (const v of symbols(e)) defined.add(v);
      }
    }
    return stepLabel(index, outcomes);
  });
}

function forEachPair(claim: Claim, fn: (l: Claim["sides"][number], r: Claim["sides"][number], rel: "=" | "≈") => void): void {
  for (let i = 0; i + 1 < claim.sides.length; i++) fn(claim.sides[i]!, claim.sides[i + 1]!, claim.rels[i] ?? "=");
}

// The same chain written twice (a calculator annotation and its prose) is checked once.
function dedupe(claims: Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((c) => {
    const key = c.sides.map((s) => s.text.replace(/\s+/g, "")).join("=");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Variables the problem statement mentions (in its math, or as single letters in words) or defines.
export function problemSymbols(problem: string): Set<string> {
  const out = definedInWords(problem);
  for (const t of tokenizeStep(problem)) if (t.t === "var") out.add(t.text);
  return out;
}

// A step's label from its outcomes: the first error; else correct when a check passed; else unparseable when
// nothing could be read; else unverifiable.
export function stepLabel(index: number, outcomes: PairOutcome[]): StepResult {
  const error = outcomes.find((o) => ERROR_LABELS.has(o.label));
  if (error) return { index, label: error.label, evidence: error.evidence };
  const evidence = outcomes.map((o) => o.evidence).join("; ");
  if (outcomes.some((o) => o.label === "correct" && o.checked)) return { index, label: "correct", evidence };
  if (outcomes.length > 0 && outcomes.every((o) => o.label === "unparseable")) return { index, label: "unparseable", evidence };
  return { index, label: "unverifiable", evidence: evidence || "no checkable claim in this step" };
}
