import { isVouchError } from "../core/errors.js";
import type { StageName, StageOutcome, StepVerdict, ErrorType } from "../core/taxonomy.js";

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

  get firstWrongStep(): number {
    return this.steps.findIndex((s) => s.label === "wrong");
  }

  /** Error types in step order, each once. */
  get errors(): ErrorType[] {
    const out: ErrorType[] = [];
    for (const s of this.steps) if (s.errorType && !out.includes(s.errorType)) out.push(s.errorType);
    return out;
  }

  /** Correct 1, unverifiable 0.5, wrong 0, averaged over the steps; 0 for a trajectory with no steps. */
  get processScore(): number {
    if (this.steps.length === 0) return 0;
    const credit = this.steps.reduce((a, s) => a + (s.label === "correct" ? 1 : s.label === "unverifiable" ? 0.5 : 0), 0);
    return Math.round((credit / this.steps.length) * 1000) / 1000;
  }
}
