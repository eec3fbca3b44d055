import { isVouchError } from "../core/errors.js";
import type { StageName, StageOutcome, StepVerdict, ErrorType } from "../core/taxonomy.js";

/** The weight of a judged step in the process score when none is given: half an executed one. */
export const DEFAULT_JUDGE_WEIGHT = 0.5;

// What the judge said about one step.
export interface JudgedLabel {
  label: "correct" | "wrong";
  errorType?: ErrorType;
  evidence: string;
  model: string;
  confidence?: number;
  /** Steps this one rests on: a "correct" is refused when one of them was found wrong by rules or execution. */
  restsOn?: readonly number[];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

// Thrown inside a stage to stop the cascade: the sample failed hard (nothing later can be checked).
export class HardStop extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = "HardStop";
  }
}

// The step book and stage log of one trajectory. Verifiers declare their steps up front, label them as
// evidence comes in, and run their work inside stages; every label carries its evidence.
export class Cascade {
  readonly steps: StepVerdict[];
  readonly stages: StageOutcome[] = [];
  /** Facts measured on the way (observed outputs, metrics), written to the result's `observed`. */
  readonly observed: Record<string, unknown> = {};
  halted = false;
  infraError?: string;
  private findings: string[] = [];

  constructor(stepNames: readonly string[]) {
    this.steps = stepNames.map((name, index) => ({ index, name, label: "unverifiable", evidence: "not checked" }));
  }

  private step(index: number): StepVerdict {
    const s = this.steps[index];
    if (!s) throw new Error(`step ${index} is not declared (${this.steps.length} steps)`);
    return s;
  }

  /** Marks a step correct, unless an earlier check already found it wrong. */
  correct(index: number, evidence: string): void {
    const s = this.step(index);
    if (s.label === "wrong") return;
    s.label = "correct";
    s.evidence = evidence;
  }

  /** Marks a step wrong; the first error found on a step is the one kept. */
  wrong(index: number, errorType: ErrorType, evidence: string): void {
    const s = this.step(index);
    this.findings.push(`step ${index} (${s.name}): ${errorType}: ${evidence}`);
    if (s.label === "wrong") return;
    s.label = "wrong";
    s.errorType = errorType;
    s.evidence = evidence;
  }

  /** Says why a step stays unverifiable (it already is by default). */
  unverifiable(index: number, evidence: string): void {
    const s = this.step(index);
    if (s.label === "unverifiable") s.evidence = evidence;
  }

  /**
   * Puts the judge's label on a step the earlier stages left unverifiable; returns why it was refused otherwise.
   * The judge never overrides a decided step, and never calls correct a step that rests on a step found wrong.
   */
  judged(index: number, j: JudgedLabel): string | undefined {
    const s = this.step(index);
    const refused = (why: string) => {
      this.findings.push(`step ${index} (${s.name}): judge reply ignored: ${why}`);
      return why;
    };
    if (s.label !== "unverifiable" || s.source) return refused(`the earlier stages already labelled it ${s.label} (${s.evidence})`);
    const broken = j.label === "correct" ? j.restsOn?.find((i) => this.steps[i]?.label === "wrong" && !this.steps[i]?.source) : undefined;
    if (broken !== undefined) {
      const b = this.steps[broken]!;
      const why = refused(`the judge (${j.model}) says correct, which contradicts execution: step ${broken} (${b.name}), which this step rests on, is wrong (${b.evidence})`);
      s.evidence += `; ${why}`;
      return why;
    }
    const before = s.evidence;
    Object.assign(s, { label: j.label, evidence: `judge (${j.model}): ${j.evidence} [earlier stages: ${before}]`, source: "judge" as const, model: j.model });
    if (j.label === "wrong") {
      s.errorType = j.errorType ?? "logical-leap";
      this.findings.push(`step ${index} (${s.name}): ${s.errorType} (judge ${j.model}): ${j.evidence}`);
    }
    if (j.confidence !== undefined) s.confidence = j.confidence;
    return undefined;
  }

  /** A finding of the current stage that is not a step label (a measurement, a note). */
  note(line: string): void {
    this.findings.push(line);
  }

  /** Runs one stage: times it, and records pass/fail from the labels it set. Never throws for the record's faults. */
  async stage(name: StageName, work: () => void | Promise<void>): Promise<void> {
    if (this.halted) {
      this.skip(name, "an earlier stage failed hard");
      return;
    }
    const wrongBefore = this.countWrong();
    this.findings = [];
    const t0 = performance.now();
    let status: StageOutcome["status"] = "pass";
    try {
      await work();
    } catch (e) {
      if (e instanceof HardStop) {
        this.halted = true;
        this.findings.push(`stopped: ${e.message}`);
        status = "fail";
      } else if (isVouchError(e) && e.code === "SANDBOX_UNAVAILABLE") {
        this.halted = true;
        this.infraError = e.message;
        this.findings.push(`infra-error: ${e.message}`);
        status = "error";
      } else throw e;
    }
    if (status === "pass" && this.countWrong() > wrongBefore) status = "fail";
    this.stages.push({ stage: name, status, durationMs: round(performance.now() - t0), findings: this.findings });
    this.findings = [];
  }

  skip(name: StageName, why: string): void {
    this.stages.push({ stage: name, status: "skipped", durationMs: 0, findings: [why] });
  }

  private countWrong(): number {
    return this.steps.filter((s) => s.label === "wrong").length;
  }

  /** The first step rules or execution found wrong (a judged step is a reading, kept apart: see its source). */
  get firstWrongStep(): number {
    return this.steps.findIndex((s) => s.label === "wrong" && !s.source);
  }

  /** Error types of the rule and execution labels in step order, each once (the judge's are on its steps). */
  get errors(): ErrorType[] {
    const out: ErrorType[] = [];
    for (const s of this.steps) if (s.errorType && !s.source && !out.includes(s.errorType)) out.push(s.errorType);
    return out;
  }

  /** The process score with judged steps at the default weight (see processScoreOf). */
  get processScore(): number {
    return processScoreOf(this.steps);
  }
}

/**
 * Correct 1, unverifiable 0.5, wrong 0, averaged over the steps; a step labelled by the judge counts with
 * `judgeWeight` (in [0,1]) where a step labelled by rules or execution counts 1. 0 for no steps.
 */
export function processScoreOf(steps: readonly StepVerdict[], judgeWeight: number = DEFAULT_JUDGE_WEIGHT): number {
  let credit = 0;
  let weight = 0;
  for (const s of steps) {
    const w = s.source === "judge" ? judgeWeight : 1;
    credit += w * (s.label === "correct" ? 1 : s.label === "unverifiable" ? 0.5 : 0);
    weight += w;
  }
  return weight === 0 ? 0 : Math.round((credit / weight) * 1000) / 1000;
}
