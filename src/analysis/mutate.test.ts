import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mutants, mutationCandidates, type Mutant, type Operator } from "./mutate.js";
import { syntaxErrors } from "./syntax.js";

interface FixtureProblem {
  id: string;
  solution: string;
}

const PROBLEMS: FixtureProblem[] = readFileSync(new URL("../../fixtures/problems/problems.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as FixtureProblem);

const solution = (id: string): string => PROBLEMS.find((p) => p.id === id)!.solution;

// The mutant of `code` by `operator` whose source is `code` with `from` (which occurs once) replaced by `to`.
function expectEdit(id: string, operator: string, from: string, to: string): Mutant {
  const code = solution(id);
  expect(code.split(from).length, `${from} occurs once in ${id}`).toBe(2);
  const want = code.replace(from, to);
  const found = mutants(code).find((m) => m.operator === operator && m.code === want);
  expect(found, `${operator} on ${id}: ${from} -> ${to}`).toBeDefined();
  return found!;
}

describe("mutation operators on real MBPP solutions", () => {
  it("flip-comparison negates a comparison and moves its boundary", () => {
    const m = expectEdit("Mbpp/71", "flip-comparison", "while gap > 1", "while gap <= 1");
    expect(m).toMatchObject({ line: 7, column: 15, original: ">", replacement: "<=", description: "line 7: `gap > 1` -> `gap <= 1`" });
    expectEdit("Mbpp/71", "flip-comparison", "while gap > 1", "while gap >= 1");
    expectEdit("Mbpp/113", "flip-comparison", "if text[0] in '+-'", "if text[0] not in '+-'");
  });

  it("off-by-one moves integer bounds in range(), slices and comparisons, and len(x) to len(x) - 1", () => {
    const m = expectEdit("Mbpp/96", "off-by-one", "range(1, n + 1)", "range(1, n + 2)");
    expect(m.description).toBe("line 3: `range(1, n + 1)` -> `range(1, n + 2)`");
    expectEdit("Mbpp/96", "off-by-one", "range(1, n + 1)", "range(0, n + 1)");
    expectEdit("Mbpp/96", "off-by-one", "n % i == 0", "n % i == 1");
    expectEdit("Mbpp/113", "off-by-one", "text[1:]", "text[2:]");
    expectEdit("Mbpp/74", "off-by-one", "if len(colors) != len(patterns)", "if len(colors) - 1 != len(patterns)");
  });

  it("off-by-one leaves integers that are not bounds alone", () => {
    // `shrink = 1.3` is a float, `bell[0][0] = 1` assigns a value: neither is a bound
    const ms = mutants(solution("Mbpp/71"), { operators: ["off-by-one"] });
    expect(ms.every((m) => !m.code.includes("shrink = 2") && !m.code.includes("gap = 2\n"))).toBe(true);
    const bell = mutants(solution("Mbpp/67"), { operators: ["off-by-one"] });
    expect(bell.some((m) => m.code.includes("bell[0][0] = 2"))).toBe(false);
  });

  it("wrong-operator swaps arithmetic and boolean operators", () => {
    expectEdit("Mbpp/96", "wrong-operator", "n % i", "n // i");
    expectEdit("Mbpp/96", "wrong-operator", "n + 1", "n - 1");
    const m = expectEdit("Mbpp/71", "wrong-operator", "gap > 1 or swapped", "gap > 1 and swapped");
    expect(m.description).toBe("line 7: `gap > 1 or swapped` -> `gap > 1 and swapped`");
    expectEdit("Mbpp/71", "wrong-operator", "int(gap / shrink)", "int(gap // shrink)");
  });

  it("wrong-variable reads another local that holds a value by then, never one bound later", () => {
    const m = expectEdit("Mbpp/65", "wrong-variable", "return total", "return data_list");
    expect(m.description).toBe("line 9: `return total` -> `return data_list`");
    expectEdit("Mbpp/65", "wrong-variable", "return total", "return element");
    const all = mutants(solution("Mbpp/65"), { operators: ["wrong-variable"] });
    // `element` is bound by the loop only after `data_list` is read
    expect(all.some((x) => x.code.includes("for element in element"))).toBe(false);
    // `seq` is bound by the assignment it is read in: not yet a value there
    const seq = mutants(solution("Mbpp/84"), { operators: ["wrong-variable"] });
    expect(seq.some((x) => x.code.includes("seq = [0] * (seq + 1)"))).toBe(false);
    // a comprehension's variable does not exist outside it
    const pos = mutants(solution("Mbpp/66"), { operators: ["wrong-variable"] });
    expect(pos.map((x) => x.replacement).sort()).toEqual(["l", "l"]);
  });

  it("wrong-variable leaves attribute names, keyword names and called functions alone", () => {
    const code = "def f(a, b):\n    c = a.b + g(b=a)\n    return c\n";
    const edits = mutants(code, { operators: ["wrong-variable"] }).map((m) => m.code.split("\n")[1]);
    expect(edits).not.toContain("    c = a.a + g(b=a)");
    expect(edits).not.toContain("    c = a.b + g(a=a)");
    expect(edits).toContain("    c = b.b + g(b=a)");
  });

  it("dropped-branch removes an else branch and empties an if-body", () => {
    const code = solution("Mbpp/113");
    const m = expectEdit("Mbpp/113", "dropped-branch", "        text = text[1:]", "        pass");
    expect(m.description).toBe("line 7: `if text[0] in '+-': text = text[1:]` -> `if text[0] in '+-': pass`");
    const noElse = mutants(code, { operators: ["dropped-branch"] }).find((x) => x.description.endsWith("(removed)"));
    expect(noElse?.code).toBe(code.replace(/\n else:\n {4}if text\[0\] in '\+-':\n {8}text = text\[1:\]\n {4}return text.isdigit\(\)/, ""));
    expect(noElse?.line).toBe(6);
    const abs = mutants("def f(x):\n    return x if x > 0 else -x\n", { operators: ["dropped-branch"] });
    expect(abs.map((m) => m.code)).toEqual(["def f(x):\n    return x\n"]);
  });

  it("swapped-arguments swaps the first two positional arguments of a call", () => {
    const m = expectEdit("Mbpp/96", "swapped-arguments", "range(1, n + 1)", "range(n + 1, 1)");
    expect(m.description).toBe("line 3: `range(1, n + 1)` -> `range(n + 1, 1)`");
  });
});

describe("mutants()", () => {
  it("drops an edit whose result does not parse, and counts it as tried", () => {
    const code = "def f(x):\n    return x + 1\n";
    const broken: Operator = (root) => {
      const ret = root.descendantsOfType("return_statement")[0]!;
      return [
        { start: ret.startIndex, end: ret.startIndex + "return".length, text: "return (", context: ret },
        { start: ret.startIndex, end: ret.endIndex, text: "return x - 1", context: ret },
      ];
    };
    const c = mutationCandidates(code, {}, { broken });
    expect(c.broken.tried).toBe(2);
    expect(c.broken.parsed).toBe(1);
    expect(c.broken.mutants.map((m) => m.code)).toEqual(["def f(x):\n    return x - 1\n"]);
  });

  it("gives mutants that parse, differ from the original and from each other, on every fixture problem", () => {
    for (const p of PROBLEMS) {
      const ms = mutants(p.solution);
      expect(ms.length, p.id).toBeGreaterThan(0);
      for (const m of ms) {
        expect(m.code, `${p.id} ${m.description}`).not.toBe(p.solution);
        expect(syntaxErrors(m.code), `${p.id} ${m.description}`).toEqual([]);
      }
      expect(new Set(ms.map((m) => m.code)).size, p.id).toBe(ms.length);
    }
  });

  it("points line and column at the replaced text", () => {
    for (const p of PROBLEMS) {
      const lines = p.solution.split("\n");
      for (const m of mutants(p.solution)) {
        if (m.replacement === "") continue; // a removed branch starts on the line before
        expect(lines[m.line - 1]!.slice(m.column - 1).startsWith(m.original.split("\n")[0]!), `${p.id} ${m.description}`).toBe(true);
        expect(m.code).toBe(applyAt(p.solution, m));
      }
    }
  });

  it("is deterministic (the same mutants in the same order, whatever was parsed before)", () => {
    const forward = PROBLEMS.map((p) => mutants(p.solution));
    const backward = [...PROBLEMS].reverse().map((p) => mutants(p.solution)).reverse();
    expect(backward).toEqual(forward);
  });

  it("caps each operator, spreading the kept mutants over the source", () => {
    const code = solution("Mbpp/67");
    const all = mutants(code, { operators: ["off-by-one"] });
    const capped = mutants(code, { operators: ["off-by-one"], maxPerOperator: 3 });
    expect(all.length).toBeGreaterThan(3);
    expect(capped).toEqual([all[0], all[Math.round((all.length - 1) / 2)], all.at(-1)]);
  });
});

// The source with a mutant's edit made at its line and column (to check the two agree).
function applyAt(code: string, m: Mutant): string {
  const lines = code.split("\n");
  const start = lines.slice(0, m.line - 1).reduce((n, l) => n + l.length + 1, 0) + m.column - 1;
  return code.slice(0, start) + m.replacement + code.slice(start + m.original.length);
}
