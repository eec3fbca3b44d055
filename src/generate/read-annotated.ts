import { basename } from "node:path";
import { AnnotatedProblem } from "../core/problem.js";
import { formatIssues, type JsonlItem } from "../dataset/jsonl-reader.js";
import { readProblems as readInputProblems } from "../dataset/read-problems.js";

// Streams annotated problems from JSONL or Parquet (any input shape src/dataset/read-problems.ts knows); a
// record that is not a problem, or a problem without annotations (run `vouch annotate` first), is an error item.
export async function* readProblems(path: string): AsyncGenerator<JsonlItem<AnnotatedProblem>> {
  const name = basename(path);
  for await (const item of readInputProblems(path)) {
    if (!item.ok) {
      yield item;
      continue;
    }
    const parsed = AnnotatedProblem.safeParse(item.problem);
    if (parsed.success) yield { line: item.line, ok: true, value: parsed.data, raw: item.problem };
    else yield { line: item.line, ok: false, id: item.problem.id, error: `${formatIssues(name, item.line, parsed.error)}${item.problem.annotations ? "" : " (not annotated: run `vouch annotate` first)"}` };
  }
}
