import { create, fractionDependencies, parseDependencies, type Fraction, type MathNode } from "mathjs";
import { add, approx, div, exact, mul, neg, pow, sqrt, sub, type Num } from "./num.js";

// The parser is mathjs's, configured so every number literal is an exact Fraction (BigInt based): "0.1" is
// 1/10 and a 25-digit integer keeps every digit. Only parsing is used; evaluation is ours (below), so no
// tolerance, unit or type coercion of mathjs takes part in a verdict.
const math = create({ parseDependencies: parseDependencies!, fractionDependencies: fractionDependencies! }, { number: "Fraction" });

// Our own small tree: the rest of src/math never sees mathjs nodes.
export type Expr =
  | { k: "num"; q: Fraction }
  | { k: "sym"; name: string }
  | { k: "op"; op: "+" | "-" | "*" | "/" | "^"; a: Expr; b: Expr }
  | { k: "neg"; a: Expr }
  | { k: "fn"; name: string; args: Expr[] };

export class ParseError extends Error {
  override name = "ParseError";
}

const OPS: Record<string, "+" | "-" | "*" | "/" | "^"> = { add: "+", subtract: "-", multiply: "*", divide: "/", pow: "^" };
const KNOWN_NAMES = new Set(["sqrt", "nthRoot", "abs", "sin", "cos", "tan", "log", "ln", "exp", "pi", "Infinity", "max", "min", "gcd", "lcm", "floor", "ceil"]);
const CONSTANTS = new Set(["pi", "Infinity"]);
const FUNCTION_NAMES = new Set([...KNOWN_NAMES].filter((n) => !CONSTANTS.has(n)));
const REJECT = /[<>≤≥≠±∓…∪∩∈→⇒⇔∴#&|!?;:'"\\@\[\]{}⟨⟩=≈~]/;

// Plain text as the parser wants it: unicode operators, thousands separators, percentages, implicit products
// of letters ("xy" is x*y unless it is a known function or constant).
export function normalisePlain(text: string): string {
  let s = text
    .replace(/[×·⋅∗]/g, "*")
    .replace(/÷/g, "/")
    .replace(/[−–—]/g, "-")
    .replace(/√\s*(\d+(?:\.\d+)?|[a-zA-Z])/g, "sqrt($1)")
    .replace(/√/g, "sqrt");
  while (/\d,\d{3}(?!\d)/.test(s)) s = s.replace(/(\d),(\d{3})(?!\d)/g, "$1$2");
  s = s.replace(/(\d+(?:\.\d+)?)\s*%/g, "($1/100)");
  s = s.replace(/[A-Za-z]+(_[A-Za-z0-9]+)?/g, (w) => (KNOWN_NAMES.has(w) || w.includes("_") || w.length === 1 ? w : w.split("").join(" ")));
  return s.trim();
}

// parseExpr, or undefined for what it does not accept (any other error is a bug and is thrown).
export function tryParseExpr(text: string): Expr | undefined {
  try {
    return parseExpr(text);
  } catch (e) {
    if (e instanceof ParseError) return undefined;
    throw e;
  }
}

// The factors of a product, flattened: (a * b) * c gives [a, b, c]; anything else is its own single factor.
export function productFactors(e: Expr): Expr[] {
  return e.k === "op" && e.op === "*" ? [...productFactors(e.a), ...productFactors(e.b)] : [e];
}

// Parses plain math (already LaTeX-normalised) into an Expr; throws ParseError for anything it does not accept.
export function parseExpr(text: string): Expr {
  const s = normalisePlain(text);
  if (!s) throw new ParseError("empty expression");
  if (REJECT.test(s)) throw new ParseError(`unsupported symbol in ${JSON.stringify(text)}`);
  let node: MathNode;
  try {
    node = math.parse(s);
  } catch (e) {
    throw new ParseError(`cannot parse ${JSON.stringify(text)}: ${(e as Error).message}`);
  }
  return convert(node, text, bareSymbols(node));
}

// Letters an expression uses as values, not as the name of a function applied to something.
function bareSymbols(node: MathNode, into = new Set<string>()): Set<string> {
  const n = node as MathNode & { name?: string; args?: MathNode[]; content?: MathNode };
  if (node.type === "SymbolNode") into.add(n.name!);
  else if (node.type === "ParenthesisNode") bareSymbols(n.content!, into);
  else for (const a of n.args ?? []) bareSymbols(a, into);
  return into;
}

// A call `x(...)` that is a product: a single letter the expression also uses as a value, or a constant, one argument.
// `\pi (r)^2`: a constant before a bracket multiplies it too.
function multipliesBracket(name: string | undefined, args: readonly MathNode[] | undefined, bare: ReadonlySet<string>): boolean {
  return name !== undefined && ((name.length === 1 && bare.has(name)) || CONSTANTS.has(name)) && args?.length === 1;
}

function convert(node: MathNode, text: string, bare: ReadonlySet<string>): Expr {
  const n = node as MathNode & { value?: unknown; name?: string; fn?: unknown; op?: string; args?: MathNode[]; content?: MathNode };
  switch (node.type) {
    case "ConstantNode":
      if (typeof n.value === "object" && n.value !== null && "d" in n.value) return { k: "num", q: n.value as Fraction };
      throw new ParseError(`unsupported constant in ${JSON.stringify(text)}`);
    case "SymbolNode":
      // `\sin^2 x`, `\cos 60`, `\log 8`: a function name not applied to a parenthesised argument is not a variable
      if (FUNCTION_NAMES.has(n.name!)) throw new ParseError(`function ${n.name} without a parenthesised argument in ${JSON.stringify(text)}`);
      return { k: "sym", name: n.name! };
    case "ParenthesisNode":
      return convert(n.content!, text, bare);
    case "OperatorNode": {
      const fn = String(n.fn);
      // `a(ax + b)^2`: mathjs raises the whole call to the power; read as a product, the power is the bracket's
      const base = n.args?.[0] as (MathNode & { fn?: { name?: string }; args?: MathNode[] }) | undefined;
      if (fn === "pow" && base?.type === "FunctionNode" && multipliesBracket(base.fn?.name, base.args, bare)) {
        return { k: "op", op: "*", a: { k: "sym", name: base.fn!.name! }, b: { k: "op", op: "^", a: convert(base.args![0]!, text, bare), b: convert(n.args![1]!, text, bare) } };
      }
      const args = (n.args ?? []).map((a) => convert(a, text, bare));
      if (fn === "unaryMinus") return { k: "neg", a: args[0]! };
      if (fn === "unaryPlus") return args[0]!;
      const op = OPS[fn];
      if (op && args.length === 2) return { k: "op", op, a: args[0]!, b: args[1]! };
      throw new ParseError(`unsupported operator ${n.op ?? fn} in ${JSON.stringify(text)}`);
    }
    case "FunctionNode": {
      const name = (n.fn as unknown as { name?: string })?.name;
      if (!name) throw new ParseError(`unsupported call in ${JSON.stringify(text)}`);
      const args = (n.args ?? []).map((a) => convert(a, text, bare));
      // `x^2 - x(8x - x^2)`: a single letter the expression also uses as a value, put before a bracket, multiplies it
      // (`f(10)`, a letter used only that way, stays a function)
      if (multipliesBracket(name, n.args, bare)) return { k: "op", op: "*", a: { k: "sym", name }, b: args[0]! };
      return { k: "fn", name, args };
    }
    default:
      throw new ParseError(`unsupported ${node.type} in ${JSON.stringify(text)}`);
  }
}

// Variables an expression uses (function names and pi are not variables).
export function symbols(e: Expr, into = new Set<string>()): Set<string> {
  if (e.k === "sym") {
    if (!CONSTANTS.has(e.name)) into.add(e.name);
  } else if (e.k === "op") {
    symbols(e.a, into);
    symbols(e.b, into);
  } else if (e.k === "neg") symbols(e.a, into);
  else if (e.k === "fn") for (const a of e.args) symbols(a, into);
  return into;
}

export function nodeCount(e: Expr): number {
  if (e.k === "op") return 1 + nodeCount(e.a) + nodeCount(e.b);
  if (e.k === "neg") return 1 + nodeCount(e.a);
  if (e.k === "fn") return 1 + e.args.reduce((s, a) => s + nodeCount(a), 0);
  return 1;
}

// Exact evaluation under an environment; undefined when a variable is unknown or the value does not exist
// (division by zero, even root of a negative, unknown function).
export function evaluate(e: Expr, env: ReadonlyMap<string, Num>): Num | undefined {
  switch (e.k) {
    case "num":
      return exact(e.q);
    case "sym":
      return env.get(e.name) ?? (e.name === "pi" ? approx(Math.PI) : undefined);
    case "neg": {
      const a = evaluate(e.a, env);
      return a && neg(a);
    }
    case "op": {
      const a = evaluate(e.a, env);
      if (!a) return undefined;
      const b = evaluate(e.b, env);
      if (!b) return undefined;
      return e.op === "+" ? add(a, b) : e.op === "-" ? sub(a, b) : e.op === "*" ? mul(a, b) : e.op === "/" ? div(a, b) : pow(a, b);
    }
    case "fn":
      return callFunction(e.name, e.args.map((a) => evaluate(a, env)));
  }
}

function callFunction(name: string, args: Array<Num | undefined>): Num | undefined {
  if (args.some((a) => a === undefined)) return undefined;
  const [a, b] = args as Num[];
  if (name === "sqrt" && args.length === 1) return sqrt(a!);
  if (name === "nthRoot" && args.length === 2 && b!.exact && b!.q.n !== 0n) return pow(a!, exact(b!.q.inverse()));
  if (name === "abs" && args.length === 1) return a!.exact ? exact(a!.q.abs()) : approx(Math.abs(a!.x));
  // the integer part of an exact value only: a rounded float next to an integer could fall either side
  if ((name === "floor" || name === "ceil") && args.length === 1 && a!.exact) return exact(name === "floor" ? a!.q.floor() : a!.q.ceil());
  return undefined;
}

// A readable form for evidence: fractions as a/b, products with *, minimal parentheses.
export function show(e: Expr): string {
  const prec = (x: Expr): number => (x.k === "op" ? { "+": 1, "-": 1, "*": 2, "/": 2, "^": 4 }[x.op] : x.k === "neg" ? 3 : 5);
  const wrap = (x: Expr, min: number) => (prec(x) < min ? `(${show(x)})` : show(x));
  switch (e.k) {
    case "num":
      return e.q.d === 1n ? e.q.toFraction() : `(${e.q.toFraction()})`;
    case "sym":
      return e.name;
    case "neg":
      return `-${wrap(e.a, 4)}`;
    case "fn":
      return `${e.name}(${e.args.map(show).join(", ")})`;
    case "op": {
      const p = prec(e);
      const left = wrap(e.a, e.op === "^" ? 5 : p);
      const right = wrap(e.b, e.op === "-" || e.op === "/" || e.op === "^" ? p + 1 : p);
      return `${left} ${e.op} ${right}`;
    }
  }
}

// Replaces variables by expressions.
export function substitute(e: Expr, values: ReadonlyMap<string, Expr>): Expr {
  switch (e.k) {
    case "sym":
      return values.get(e.name) ?? e;
    case "neg":
      return { k: "neg", a: substitute(e.a, values) };
    case "op":
      return { ...e, a: substitute(e.a, values), b: substitute(e.b, values) };
    case "fn":
      return { ...e, args: e.args.map((a) => substitute(a, values)) };
    default:
      return e;
  }
}
