import { checkPair, parseSide, recordFact, type PairContext, type PairOutcome } from "./claim-check.js";
import { definedInWords, extractClaims, labelledChains, letIntroductions, type Claim, type Side } from "./claims.js";
import { FactBase } from "./equation.js";
import { decidedRelation, givenRelations, WrittenRelations } from "./decided-relations.js";
import { boxedContradiction } from "./final-answer.js";
import { divisibilityClaims, isPrimePowerProduct, remainderClaims } from "./number-facts.js";
import { digitSumClaims } from "./digit-sums.js";
import { baseClaims } from "./number-bases.js";
import { solvedValueClaims } from "./solved-values.js";
import { namedValue } from "./named-values.js";
import { factoringSlip, zeroEquation } from "./factoring-slips.js";
import { evaluate, ParseError, symbols, type Expr } from "./expr.js";
import { substitutedValues } from "./substitution.js";
import { equalNum, type Num } from "./num.js";
import { ERROR_LABELS, type NaturalRecord, type StepResult } from "./schema.js";
import { CONVERSIONS, quantitiesOf, restatedOperand, type StepQuantities } from "./restated.js";
import { tokenizeStep } from "./tokens.js";

// Labels the steps of a natural-language solution: every claim is checked in order; the first error decides the
// step's label; a step with no claim that could be checked is unverifiable, never correct.
export function checkNaturalSteps(record: NaturalRecord): StepResult[] {
  const facts = new FactBase();
  const defined = new Set<string>([...problemSymbols(record.problem)]);
  const problemCtx: PairContext = { facts, step: -1, defined };
  const problemClaims = extractClaims(record.problem);
  for (const claim of problemClaims) forEachPair(claim, (l, r) => recordFact(l, r, problemCtx, false));
  const given = givenRelations(problemClaims);
  const written = new WrittenRelations(given, problemClaims);
  written.addCongruences(record.problem);

  const problemQuantities = quantitiesOf(record.problem, []);
  const earlier: StepQuantities[] = [];
  const aboutDigits = /\bdigit/i.test(record.problem);
  const formulaLetters = new Set<string>(); // letters a formula or an equation to solve introduced (not its subject)
  let earlierText = record.problem; // the problem and the steps before this one, as written
  return record.steps.map((text, index) => {
    if (index > 0) earlierText += `\n${record.steps[index - 1]}`;
    // "Now let $x$ be the second number": a let clause naming a letter the solution already used starts a new quantity;
    // what earlier steps said about the old one is forgotten (not evidence against the new one)
    const relet = [...letIntroductions(text)].filter((v) => defined.has(v) && facts.known().has(v));
    if (relet.length) facts.forget(relet);
    for (const v of definedInWords(text)) defined.add(v);
    const ctx: PairContext = { facts, step: index, defined, identityHint: /factor|expand|simplif|rewrit|distribut|cancel/i.test(text), statesEquation: /\b(?:set|sets|setting|set up|equation|equate|equating|equal to each other|condition)\b/i.test(text), equationSides: /\bboth sides\b/i.test(text) };
    const hypothetical = HYPOTHETICAL.test(text);
    const rejects = REJECTED.test(text);
    const modular = MODULAR.test(text);
    const factorises = /factori[sz]/i.test(text);
    // a value holds as a fact for the next step only: further on, letters are reused (a new case, a sub-problem,
    // another unknown called x), so an older value is no evidence against a new one
    facts.dropBefore(index - 1);
    const outcomes: PairOutcome[] = [];
    const computed: Array<{ at: number; left: Num; right: Num }> = []; // numeric pairs of this step, by outcome index
    const claims = dedupe([...extractClaims(text), ...labelledChains(text)]);
    let zeroBefore: ReturnType<typeof zeroEquation>; // the relation just read, when it is an equation `P = 0` in one letter
    written.addCongruences(text);
    const here = quantitiesOf(text, claims);
    for (const claim of claims) {
      const restated = restatedOperand(claim, here, earlier, problemQuantities);
      if (restated) outcomes.push(restated);
      const assigned = definesByAssignment(claim, defined, facts, index);
      if (assigned) defined.add(assigned);
      const assumed = assumedValue(claim, formulaLetters, facts, [problemQuantities, ...earlier]);
      if (assumed) outcomes.push(unreadLetters(assumed));
      const subject = claim.sides[0]?.text.trim();
      for (const v of introducedLetters(claim, defined)) {
        defined.add(v);
        if (v !== subject) formulaLetters.add(v); // `t = \frac{300}{v}`: v is an input, t the result
      }
      const named = claim.cutName ? namedValue(claim, earlierText) : undefined;
      if (named) outcomes.push(named);
      for (let c = named ? 1 : 0; c < (claim.cut ?? 0); c++) outcomes.push({ label: "unverifiable", evidence: `a relation next to "${claim.sides[c === 0 ? 0 : claim.sides.length - 1]!.shown}" whose other side could not be read whole: not checked`, checked: false });
      let prev: Num | undefined;
      forEachPair(claim, (l, r, rel) => {
        const decided = decidedRelation(notCalculation(rejects, modular, l, r, loneNumberFirst(withLetters(scoped(checkPair(l, r, rel === "≈", ctx, prev), hypothetical), l, r), l, r, l === claim.sides[0], factorises)), l, r, given, written, index);
        const o = factoringSlip(decided, l, r, zeroBefore);
        zeroBefore = zeroEquation(l, r);
        written.add(l, r, index);
        outcomes.push(unreadLetters(o));
        const values = numericValues(l, r);
        if (values) computed.push({ at: outcomes.length - 1, ...values });
        if (o.switchCase) facts.switchCase(o.switchCase, index);
        if (o.label !== "unparseable" && o.label !== "undefined-variable") recordFact(l, r, ctx, ERROR_LABELS.has(o.label), claim.alternative);
        const right = parseSide(r);
        prev = right instanceof ParseError ? undefined : evaluate(right, facts.known());
      });
      for (const side of claim.sides) {
        const e = parseSide(side);
        if (!(e instanceof ParseError)) for (const v of symbols(e)) defined.add(v);
      }
    }
    testedValues(outcomes, computed);
    outcomes.push(...remainderClaims(text), ...digitSumClaims(text, facts.known(), aboutDigits), ...baseClaims(text));
    // a false divisibility or solved value in a step that rejects what it wrote ("then 24 is divisible by 9, a
    // contradiction") is the point of the argument, not a claim
    for (const o of [...divisibilityClaims(text), ...solvedValueClaims(text)]) outcomes.push(rejects && o.label === "arithmetic-error" ? { label: "unverifiable", evidence: `${o.evidence} (the step itself rejects a claim it wrote: not asserted)`, checked: false } : o);
    const answer = boxedContradiction(text);
    if (answer) outcomes.push(answer);
    earlier.push(here);
    // what a case, trial or hypothesis binds holds inside it only: it is no fact for the steps after
    if (hypothetical) facts.dropStep(index);
    return stepLabel(index, outcomes);
  });
}

// A step that opens its own scope: a case ("Case 2", "if x = 0"), a trial ("try n = 3", "test a = 1", "check x = 5",
// "for n = 4"), a hypothesis ("suppose", "assume"). Values bound in it are not facts outside it, and a value that
// differs from one bound before is another case, not a contradiction.
const HYPOTHETICAL = /\b(?:if|suppose|supposing|assume|assuming|case|cases|try|trying|test|testing|check|checking|verify|verifying|consider|considering|when|whenever|say|plug|plugging|substitut\w*|example|instance|otherwise|else|possible|possibilities|alternatively)\b|\bfor\s+(?:\$|\\\(|\\\[)?\s*\\?[a-zA-Z_{}]+\s*(?:=|\\in|\\geq?|\\leq?|\\neq?|>|<)/i;

// Within a scope, a value that contradicts one bound before is a case or a trial: unverifiable, not an error.
function scoped(o: PairOutcome, hypothetical: boolean): PairOutcome {
  // an identity (a factorisation or expansion, checked for every value) holds or fails in every case alike
  if (!hypothetical || o.identity || (o.label !== "inconsistent-step" && o.label !== "invalid-transformation" && !(o.label === "arithmetic-error" && /\bis\b.*,.*\bis\b/.test(o.evidence)))) return o;
  return { label: "unverifiable", evidence: `${o.evidence} (in a case, trial or hypothesis: another value is not a contradiction)`, checked: false };
}

// A relation with letters that contradicts what earlier claims said about them: in real solutions letters are
// reused, redefined, set up as conditions or equations to solve ("setting the two equal"), so the contradiction is
// evidence of no error the evaluator can name: unverifiable. Identities (an expansion or factorisation checked for
// every value) and claims in numbers only are still decided.
function withLetters(o: PairOutcome, l: Side, r: Side): PairOutcome {
  if (!ERROR_LABELS.has(o.label) || o.identity) return o;
  const a = parseSide(l);
  const b = parseSide(r);
  if (a instanceof ParseError || b instanceof ParseError || symbols(a).size + symbols(b).size === 0) return o;
  if (o.label === "inconsistent-step" && /": puts /.test(o.evidence)) return o;
  return { label: "unverifiable", evidence: `${o.evidence} (a relation in letters against earlier values: a new case, a condition or an equation stated, not derived; not checked)`, checked: false };
}

// "f(2) = 6 \cdot 2 - 6", "a_1 = 4004", "x = 400 - 20": a chain that opens with a lone number set equal to an expression
// that disagrees is most often what is left of a name the reader could not see (a function value, a subscripted
// term, a letter lost in prose), so it is unverifiable; a calculation written the usual way (`expr = value`) is checked.
// So is a prime factorisation (`1584 = 2^4 \cdot 3^2 \cdot 11` in a step that factorises): the number is the subject.
function loneNumberFirst(o: PairOutcome, left: Side, right: Side, first: boolean, factorises: boolean): PairOutcome {
  if (!first || o.label !== "arithmetic-error") return o;
  const e = parseSide(left);
  const lone = !(e instanceof ParseError) && (e.k === "num" || (e.k === "neg" && e.a.k === "num"));
  if (!lone) return o;
  const product = parseSide(right);
  if (factorises && e.k === "num" && !(product instanceof ParseError) && isPrimePowerProduct(product)) return o;
  return { label: "unverifiable", evidence: `${o.evidence} (a lone number opening the chain may be what is left of a name: not checked)`, checked: false };
}

// "we get 0 + (15 - 1) \cdot 71 = 999, which simplifies to 14 \cdot 71 = 994": a target put to the test, not a result
// claimed, when the same step works the left side out itself (another pair whose sides both have its true value, the
// same expression or a rewriting of it) and arrives at that true value. Any failed claim so answered in its own step
// is unverifiable.
function testedValues(outcomes: PairOutcome[], computed: Array<{ at: number; left: Num; right: Num }>): void {
  for (const wrong of computed) {
    const o = outcomes[wrong.at]!;
    if (o.label !== "arithmetic-error") continue;
    const answered = computed.some((c) => c.at > wrong.at && outcomes[c.at]!.label === "correct" && equalNum(c.left, wrong.left) && equalNum(c.right, wrong.left) && !equalNum(c.right, wrong.right));
    if (answered) outcomes[wrong.at] = { label: "unverifiable", evidence: `${o.evidence} (the step works the left side out to its true value itself: a value tested, not claimed)`, checked: false };
  }
}

function numericValues(l: Side, r: Side): { left: Num; right: Num } | undefined {
  const a = parseSide(l);
  const b = parseSide(r);
  if (a instanceof ParseError || b instanceof ParseError || symbols(a).size + symbols(b).size > 0) return undefined;
  const left = evaluate(a, new Map());
  const right = evaluate(b, new Map());
  return left && right ? { left, right } : undefined;
}

// A step that itself rejects what it wrote ("1 = 0, which is false", "This is not correct", "a contradiction"): its
// claims are not asserted. A step about remainders or congruences: "2004 divided by 12 is 0" is a remainder, not a
// quotient. Either way a failed calculation there is unverifiable.
const REJECTED = /\b(?:false|not (?:correct|true|valid|possible|equal)|incorrect|contradiction|contradicts|impossible|does(?:n't| not) (?:hold|work|satisfy))\b/i;
const MODULAR = /remainder|modulo|\bmod\b|\\pmod|\\bmod|\\equiv|≡|congruen/i;
function notCalculation(rejects: boolean, modular: boolean, l: Side, r: Side, o: PairOutcome): PairOutcome {
  if (o.label !== "arithmetic-error") return o;
  if (rejects) return { label: "unverifiable", evidence: `${o.evidence} (the step itself rejects a claim it wrote: not asserted)`, checked: false };
  if (modular && remainderReading(l, r)) return { label: "unverifiable", evidence: `${o.evidence} (a step about remainders: a division may stand for a remainder)`, checked: false };
  return o;
}

// `2004 / 12 = 0` in a step about remainders: a claimed whole number below the divisor can be the remainder.
function remainderReading(l: Side, r: Side): boolean {
  const a = parseSide(l);
  const v = r.literal ? Number(r.literal.text) : NaN;
  if (a instanceof ParseError || a.k !== "op" || a.op !== "/" || a.b.k !== "num" || !Number.isInteger(v)) return false;
  return v >= 0 && v < a.b.q.valueOf();
}

// A letter the evaluator did not see introduced: in prose, letters come in too many ways (a formula's parameter,
// an integer k, a point's name, "where A = 1, B = -3") to call its use an error, so the claim is unverifiable.
function unreadLetters(o: PairOutcome): PairOutcome {
  if (o.label !== "undefined-variable") return o;
  return { label: "unverifiable", evidence: `${o.evidence} (a letter not seen introduced: not checked)`, checked: false };
}

function forEachPair(claim: Claim, fn: (l: Claim["sides"][number], r: Claim["sides"][number], rel: "=" | "≈") => void): void {
  for (let i = 0; i + 1 < claim.sides.length; i++) fn(claim.sides[i]!, claim.sides[i + 1]!, claim.rels[i] ?? "=");
}

// `A = \frac{1}{2} \times 10 \times 7`, `r = 5`, `c^2 = 6^2 + 8^2`: a fresh single variable (or a power of it) set
// equal to an expression in what is already known defines that variable; it is not a use. A variable the step
// mentioned before the assignment ("cost $5p$ with $p = 1.50$") was used first, so it stays undefined.
export function definesByAssignment(claim: Claim, defined: ReadonlySet<string>, facts?: FactBase, step = 0): string | undefined {
  const [left, right] = claim.sides;
  if (!left || !right || claim.annotation) return undefined;
  const l = parseSide(left);
  const r = parseSide(right);
  if (l instanceof ParseError || r instanceof ParseError) return undefined;
  const base = l.k === "sym" ? l : l.k === "op" && l.op === "^" && l.a.k === "sym" && l.b.k === "num" ? l.a : undefined;
  if (!base || base.k !== "sym") return undefined;
  const v = base.name;
  if (defined.has(v) || claim.varsBefore?.has(v)) return undefined;
  for (const s of symbols(r)) if (s === v || !defined.has(s)) return undefined;
  // "3x = 9", then "divide both sides by 3: y = 9/3": the value earlier equations fix for a variable not yet
  // stated on its own is x's, so the new letter renames x (a use of an undefined name), it defines nothing.
  if (facts && l.k === "sym") {
    const known = facts.known();
    const value = evaluate(r, known);
    if (value) for (const [u, q] of known) if (u !== v && !facts.assignmentOf(u, step + 1) && equalNum(q, value)) return undefined;
  }
  return v;
}

// Letters a claim introduces rather than uses. A fresh letter (not given, defined or used before) is a use of an
// undefined name when it stands where the solution already has a name for the quantity or is used with an assumed
// value; but a formula relating fresh letters (`A = \pi r^2`, `y = 3x + b`) states a relation and defines them, and
// an equation in one fresh letter and numbers when the solution has no letters yet (`2k + 3k + 4k = 180`)
// introduces the unknown to solve for. Kept as uses (flagged):
//  - `p = 1.50`: a fresh letter set to a number (definesByAssignment already accepts the legitimate ones);
//  - `3q = 3 \times 3`, `P = C + 14 = 44 + 14`: the chain puts a number in for a fresh letter (an assumed value);
//  - one fresh letter while other letters are defined (`2y = 12` after "let w be the width").
export function introducedLetters(claim: Claim, defined: ReadonlySet<string>): string[] {
  const sides = claim.sides.map(parseSide);
  if (claim.annotation || sides.some((e) => e instanceof ParseError)) return [];
  const exprs = sides as Expr[];
  const fresh = new Set<string>();
  for (const e of exprs) for (const v of symbols(e)) if (!defined.has(v)) fresh.add(v);
  if (fresh.size === 0) return [];
  if (exprs.length === 2 && ((exprs[0]!.k === "sym" && symbols(exprs[1]!).size === 0) || (exprs[1]!.k === "sym" && symbols(exprs[0]!).size === 0))) return [];
  for (let i = 0; i + 1 < exprs.length; i++) {
    const put = substitutedValues(exprs[i]!, exprs[i + 1]!) ?? substitutedValues(exprs[i + 1]!, exprs[i]!);
    if (put && [...put.keys()].some((v) => fresh.has(v))) return [];
  }
  if (fresh.size === 1 && [...defined].some((v) => !fresh.has(v))) return [];
  return [...fresh];
}

// `t = \frac{300}{v}` with `v = 50`: a letter a formula introduced as an input (not its subject), given a value that no earlier equation fixes and
// with a number that appears nowhere in the problem or the earlier steps, is used with an assumed value.
function assumedValue(claim: Claim, formula: ReadonlySet<string>, facts: FactBase, before: readonly StepQuantities[]): PairOutcome | undefined {
  const [left, right] = claim.sides;
  if (claim.sides.length !== 2 || claim.annotation || claim.alternative) return undefined;
  const l = parseSide(left!);
  const r = parseSide(right!);
  if (l instanceof ParseError || r instanceof ParseError || l.k !== "sym" || !formula.has(l.name) || symbols(r).size > 0) return undefined;
  if (facts.known().has(l.name)) return undefined;
  const numbers = [...right!.text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  const unseen = numbers.find((n) => !before.some((q) => seenAs(n, q.numbers)));
  if (unseen === undefined) return undefined;
  return { label: "undefined-variable", evidence: `"${left!.shown} = ${right!.shown}": ${l.name} is given a value with ${unseen}, which appears nowhere in the problem or earlier steps (an assumed value)`, checked: true };
}

// CONVERSIONS: the factors that turn a number written earlier into the one a formula takes: a percentage (4% is
// r = 0.04) and the common unit conversions (18 months is t = 1.5 years, 90 minutes is 1.5 hours, 350 cm is 3.5 m).

// Whether n is a number written earlier, directly or through a percentage or a unit conversion: only a number with
// no such origin is evidence of an assumed value.
export function seenAs(n: number, numbers: ReadonlySet<number>): boolean {
  if (numbers.has(n)) return true;
  const near = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const m of numbers) for (const k of CONVERSIONS) if (near(n * k, m) || near(n, m * k)) return true;
  return false;
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
  const undecided = outcomes.filter((o) => o.label === "unverifiable" || o.label === "unparseable").length;
  const more = undecided > 0 ? { undecided } : {};
  const error = outcomes.find((o) => ERROR_LABELS.has(o.label));
  if (error) return { index, label: error.label, evidence: error.evidence, ...more };
  const evidence = outcomes.map((o) => o.evidence).join("; ");
  if (outcomes.some((o) => o.label === "correct" && o.checked)) return { index, label: "correct", evidence, ...more };
  if (outcomes.length > 0 && outcomes.every((o) => o.label === "unparseable")) return { index, label: "unparseable", evidence, ...more };
  return { index, label: "unverifiable", evidence: evidence || "no checkable claim in this step", ...more };
}
