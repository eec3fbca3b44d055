import type { z } from "zod";
import type { AnnotatedProblem } from "../../core/problem.js";
import { formatApproaches, formatPitfalls, formatTests, formatVerification, isCallable, recordId, statement } from "../../generate/prompting.js";
import { splitTests } from "../../generate/split-tests.js";
import { loadPrompt, renderPrompt } from "../../llm/prompts.js";
import type { ChatMessage, CompleteResult, Llm } from "../../llm/types.js";
import type { GenerationContext, GenerationSpec } from "../generation.js";
import { ImplementationRecord } from "./schema.js";

// What the model writes for an implementation: the trajectory part of the record.
export const ImplementationReply = ImplementationRecord.pick({ requirements: true, design: true, edge_cases: true, code: true, input_domain: true });
export type ImplementationReply = z.output<typeof ImplementationReply>;

// Why a problem cannot give an implementation trajectory (decided without the model).
export function implementationSkip(p: AnnotatedProblem): string | undefined {
  if (!p.tests) return "no tests";
  // an io program's tests feed stdin: there is no function for the record's tests to call
  if (!isCallable(p)) return "a stdin/stdout program (no entry point the tests call)";
  return undefined;
}

// The implementation prompt: statement, visible tests, approaches with steps, pitfalls, verification methods.
export function implementationMessages(p: AnnotatedProblem): ChatMessage[] {
  const { visible } = splitTests(p.tests!);
  return renderPrompt(loadPrompt("implementation"), {
    problem_id: p.id,
    statement: statement(p),
    entry_point: p.entry_point!,
    tests: formatTests(visible),
    approaches: formatApproaches(p.annotations),
    pitfalls: formatPitfalls(p.annotations),
    verification: formatVerification(p.annotations),
  });
}

// The first attempt at a problem, with the messages it answered (a repair conversation continues them).
export interface FirstAttempt {
  messages: ChatMessage[];
  reply: CompleteResult<ImplementationReply>;
}

// One request per problem and client, shared by the implementation and error-recovery-multi generators of a run.
const attempts = new WeakMap<Llm, WeakMap<AnnotatedProblem, Promise<FirstAttempt>>>();

// Asks the model for the implementation of a problem (once per problem object and client).
export function firstAttempt(p: AnnotatedProblem, llm: Llm): Promise<FirstAttempt> {
  let byProblem = attempts.get(llm);
  if (!byProblem) attempts.set(llm, (byProblem = new WeakMap()));
  let pending = byProblem.get(p);
  if (!pending) {
    const messages = implementationMessages(p);
    pending = llm
      .complete({ purpose: "generate:implementation", messages, schema: ImplementationReply, schemaName: "implementation_reply" })
      .then((reply) => ({ messages, reply }));
    byProblem.set(p, pending);
  }
  return pending;
}

// The record: the reply's trajectory, the problem's entry point, visible and hidden tests, and its reference.
export function assembleImplementation(p: AnnotatedProblem, reply: ImplementationReply): ImplementationRecord {
  const { visible, hidden } = splitTests(p.tests!);
  return {
    task: "implementation",
    id: recordId(p, "implementation"),
    problem: statement(p),
    entry_point: p.entry_point!,
    requirements: reply.requirements,
    design: reply.design,
    edge_cases: reply.edge_cases,
    code: reply.code,
    tests: visible,
    ...(hidden ? { hidden_tests: hidden } : {}),
    ...(p.solution ? { reference: p.solution } : {}),
    ...(reply.input_domain ? { input_domain: reply.input_domain } : {}),
  };
}

// The implementation generator: one record per problem with an entry point.
export const implementationGeneration: GenerationSpec = {
  kind: "implementation",
  skip: implementationSkip,
  async generate(p: AnnotatedProblem, ctx: GenerationContext) {
    const { reply } = await firstAttempt(p, ctx.llm);
    return { records: [assembleImplementation(p, reply.value)] };
  },
};
