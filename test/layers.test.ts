import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";

// Every import in src/ points down the layers (docs/architecture.md): a folder may import its own layer and the
// layers below it, never one above. The map is data: a new folder of src/ must be placed in it (the test fails
// until it is).
const LAYERS: readonly (readonly string[])[] = [
  ["cli", "index.ts"], // the commands, and the library's public entry point (src/index.ts)
  ["pipeline", "judge", "distributed"], // the batch orchestrator (records in, verdicts and results files out), the judge stage it runs last, and its spread over a queue
  ["tasks", "replay", "generate"],
  ["math", "report"],
  ["exec", "analysis", "llm", "dataset"],
  ["sandbox"],
  ["core"],
];

// (src/dataset/problem-shapes.ts -> src/llm/structured.ts is not upward: dataset and llm share a layer.)

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");
const posix = (p: string) => p.split(sep).join("/");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

// The layer of a file of src/: its top folder's (or, for a file directly in src/, its own name's) index in LAYERS.
function layerOf(file: string): { unit: string; layer: number } {
  const unit = posix(relative(SRC, file)).split("/")[0]!;
  return { unit, layer: LAYERS.findIndex((l) => l.includes(unit)) };
}

// The files of src/ a file imports (static, re-exports, dynamic import() and import type alike), by path.
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith("."))
    .map((s) => resolve(dirname(file), s.replace(/\.js$/, ".ts")))
    .filter((p) => posix(p).startsWith(posix(SRC) + "/"));
}

const files = sourceFiles(SRC);

function upwardImports(): string[] {
  const out: string[] = [];
  for (const file of files) {
    const from = layerOf(file);
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      if (to.layer < from.layer) out.push(`${posix(relative(ROOT, file))} -> ${posix(relative(ROOT, target))}`);
    }
  }
  return [...new Set(out)].sort();
}

describe("layers: every import in src/ points down", () => {
  test("every folder of src/ has a layer", () => {
    const units = [...new Set(files.map((f) => layerOf(f)))].filter((u) => u.layer < 0).map((u) => u.unit);
    expect(units, "place these in LAYERS (test/layers.test.ts) and in docs/architecture.md").toEqual([]);
  });

  test("docs/architecture.md names every folder of src/, and links only inside the repository", () => {
    const doc = readFileSync(join(ROOT, "docs", "architecture.md"), "utf8");
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `src/${e.name}/`);
    expect(folders.filter((f) => !doc.includes(f)), "folders the architecture page does not describe").toEqual([]);
    expect(doc).not.toMatch(/\]\((\.\.\/)+\.\.|\/work\/|\.\.\/shared/);
  });

  test("the import reader sees static, type-only, re-exported and dynamic imports", () => {
    const sample = join(SRC, "x", "a.ts");
    const text = `import { a } from "../core/a.js";\nimport type { B } from "./b.js";\nexport { c } from "../cli/c.js";\nconst d = await import("../tasks/d.js");\nimport e from "zod";`;
    const got = ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
    expect(got).toEqual(["../core/a.js", "./b.js", "../cli/c.js", "../tasks/d.js", "zod"]);
    expect(layerOf(join(SRC, "cli", "main.ts")).layer).toBeLessThan(layerOf(join(SRC, "sandbox", "x.ts")).layer);
    expect(layerOf(sample).layer).toBe(-1);
  });

  test("no import from a lower layer to a higher one", () => {
    expect(upwardImports(), "upward imports").toEqual([]);
  });
});
