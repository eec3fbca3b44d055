import type { z } from "zod";

// A zod issue path as a dot-path: tests.cases[0].output
export function dotPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((acc, k) => (typeof k === "number" ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), "");
}

// A zod error's issues on one line, each as "<prefix><dot-path>: <message>" ("approaches[0].steps: Too small: ...");
// `root` names an issue of the whole value.
export function describeIssues(error: z.ZodError, root = "(root)", prefix = ""): string {
  return error.issues.map((i) => `${prefix}${dotPath(i.path) || root}: ${i.message}`).join("; ");
}
