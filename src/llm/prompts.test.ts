import { describe, expect, it } from "vitest";
import { parsePrompt, renderPrompt } from "./prompts.js";

describe("prompt templates", () => {
  const t = parsePrompt("demo", "You are {{role}}.\n=== user ===\nProblem id: {{id}}\n{{ statement }}\n");

  it("splits system and user parts and lists the variables", () => {
    expect(t.system).toBe("You are {{role}}.");
    expect(t.user).toBe("Problem id: {{id}}\n{{ statement }}");
    expect(t.variables).toEqual(["role", "id", "statement"]);
  });

  it("fills every variable", () => {
    expect(renderPrompt(t, { role: "a tester", id: "Mbpp/2", statement: "Add {{x}}." })).toEqual([
      { role: "system", content: "You are a tester." },
      { role: "user", content: "Problem id: Mbpp/2\nAdd {{x}}." },
    ]);
  });

  it("refuses a missing variable, naming it", () => {
    expect(() => renderPrompt(t, { role: "r", id: "i" })).toThrow(/\{\{statement\}\}/);
  });

  it("versions the template by its content", () => {
    expect(parsePrompt("demo", "a {{x}}").version).not.toBe(parsePrompt("demo", "b {{x}}").version);
  });

  it("treats a template without the user mark as one user message", () => {
    expect(renderPrompt(parsePrompt("u", "Only {{x}}"), { x: "this" })).toEqual([{ role: "user", content: "Only this" }]);
  });
});
