// Static analysis of Python code on tree-sitter: what the static stage of the cascade asks.
export { parsePython, walk, BUILTINS, type SyntaxNode, type Tree } from "./parser.js";
export { syntaxErrors, type SyntaxIssue } from "./syntax.js";
export { functions, functionAt, nestingDepth, type FunctionInfo } from "./functions.js";
export { undefinedNames, identifiers, scanNames, type Binding, type NameUse } from "./names.js";
export { imports, missingImports, type ImportRef } from "./imports.js";
export { callsTo, type CallSite } from "./calls.js";
export { parseDiff, applyDiff, patchedFiles, touchedFunctions, type FilePatch, type Hunk } from "./diff.js";
export { codeMetrics, unusedNames, type CodeMetrics, type UnusedName } from "./metrics.js";
export { imageModules, MODULES_SNAPSHOT } from "./modules.js";
export { mutants, mutationCandidates, OPERATORS, Mutant, OperatorName, type MutateOptionsInput, type MutationCandidates, type Edit, type Operator } from "./mutate.js";
