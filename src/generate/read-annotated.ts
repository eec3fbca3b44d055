import { basename } from "node:path";
import { AnnotatedProblem } from "../core/problem.js";
import { readJsonl, type JsonlItem } from "../dataset/jsonl-reader.js";

// Streams annotated problems from JSONL; a line that is not an annotated problem becomes an error item
// (a problem without annotations says to run `vouch annotate` first).
export async function* readProblems(path: string): AsyncGenerator<JsonlItem<AnnotatedProblem>> {
  const name = basename(path);
  for await (const item of readJsonl(path, AnnotatedProblem)) {
    if (item.ok || !/ annotations: /.test(item.error)) {
      yield item;
      continue;
    }
    const hint = `${name}:${item.line}: not annotated (run \`vouch annotate\` first): ${item.error}`;
    yield { ...item, error: hint };
  }
}
