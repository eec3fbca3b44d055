import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { AnnotatedProblem } from "../../core/problem.js";
import type { CompleteRequest, Llm } from "../../llm/types.js";
import { assembleImplementation, firstAttempt, implementationMessages, implementationSkip, type ImplementationReply } from "./generate.js";
import { ImplementationRecord } from "./schema.js";

const problems = readFileSync("fixtures/problems/annotated.jsonl", "utf8").split("\n").filter(Boolean).map((l) => AnnotatedProblem.parse(JSON.parse(l)));
const divisor = problems.find((p) => p.id === "Mbpp/96")!;
const io = problems.find((p) => p.tests?.kind === "io")!;

const reply: ImplementationReply = {
  requirements: ["count the divisors of n"],
  design: { approach: "trial division", functions: [{ name: "divisor", role: "entry point", calls: [] }] },
  edge_cases: [{ call: "divisor(1)", expected: "1", reason: "1 divides itself" }],
  code: "def divisor(n):\n    return sum(1 for i in range(1, n + 1) if n % i == 0)\n",
};

// A model that answers every request with the same reply and counts the requests.
function fakeLlm(): Llm & { requests: CompleteRequest<unknown>[] } {
  const requests: CompleteRequest<unknown>[] = [];
  return {
    model: "fake",
    requests,
    async complete<T>(req: CompleteRequest<T>) {
      requests.push(req as CompleteRequest<unknown>);
      return { value: reply as T, raw: JSON.stringify(reply), cached: false, usage: { promptTokens: 1, completionTokens: 1 } };
    },
    usage: () => ({ promptTokens: 0, completionTokens: 0, requests: 0, cachedReplies: 0, retries: 0, reasks: 0, byPurpose: {} }),
  };
}

describe("implementation generator", () => {
  test("the prompt carries the task and problem lines, the statement, visible tests only, and the annotations", () => {
    const [system, user] = implementationMessages(divisor);
    expect(system!.role).toBe("system");
    expect(user!.content).toMatch(/^Task: implementation\nProblem id: Mbpp\/96\n/);
    expect(user!.content).toContain("assert divisor(15) == 4");
    expect(user!.content).not.toContain("assert divisor(9) == 3"); // the hidden test
    expect(user!.content).toContain(divisor.annotations.approaches[0]!.steps[0]!);
    expect(user!.content).toContain(divisor.annotations.pitfalls[0]!.pitfall);
    expect(user!.content).toContain(divisor.annotations.verification[0]!.method);
    expect(implementationMessages(divisor)).toEqual([system, user]); // deterministic: a re-run hits the cache
  });

  test("the record: the reply's trajectory, the problem's entry point, visible and hidden tests, the reference", () => {
    const rec = assembleImplementation(divisor, reply);
    expect(ImplementationRecord.parse(rec)).toEqual(rec);
    expect(rec).toMatchObject({ id: "Mbpp/96:implementation", entry_point: "divisor", code: reply.code, reference: divisor.solution });
    expect(rec.tests).toEqual({ kind: "assert", code: "assert divisor(15) == 4\nassert divisor(12) == 6\n" });
    expect(rec.hidden_tests).toEqual({ kind: "assert", code: "assert divisor(9) == 3\n" });
  });

  test("stdin/stdout programs are skipped with the reason", () => {
    expect(implementationSkip(io)).toBe("a stdin/stdout program (no entry point the tests call)");
    expect(implementationSkip(divisor)).toBeUndefined();
  });

  test("one request per problem and client, shared by the kinds that start from the first attempt", async () => {
    const llm = fakeLlm();
    const [a, b] = await Promise.all([firstAttempt(divisor, llm), firstAttempt(divisor, llm)]);
    expect(a).toBe(b);
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0]!.purpose).toBe("generate:implementation");
  });
});
