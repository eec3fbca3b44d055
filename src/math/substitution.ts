import { Fraction } from "mathjs";
import type { Expr } from "./expr.js";

// `4s = 4 \cdot 12`, `2w + 3 = 2 \cdot 9 + 3`, `\pi z^2 = \pi \cdot 7^2`: the right side is the left side with its
// variables replaced by numbers (a bare `x = 8` is not one). Returns the value put in for each variable (at least one), or undefined when the
// two sides differ in anything else (an operator, a number, a function) or a variable gets two values.
export function substitutedValues(pattern: Expr, instance: Expr): Map<string, Fraction> | undefined {
  if (pattern.k === "sym") return undefined; // `x = 8` states a value, it puts none in
  const out = new Map<string, Fraction>();
  const match = (p: Expr, e: Expr): boolean => {
    if (p.k === "sym" && p.name !== "pi") {
      const q = numberOf(e);
      if (!q) return false;
      const before = out.get(p.name);
      if (before && !before.equals(q)) return false;
      out.set(p.name, q);
      return true;
    }
    if (p.k === "num") {
      const q = numberOf(e);
      return q !== undefined && q.equals(p.q);
    }
    if (p.k !== e.k) return false;
    if (p.k === "sym") return e.k === "sym" && e.name === p.name;
    if (p.k === "neg") return match(p.a, (e as Extract<Expr, { k: "neg" }>).a);
    if (p.k === "op") {
      const o = e as Extract<Expr, { k: "op" }>;
      return o.op === p.op && match(p.a, o.a) && match(p.b, o.b);
    }
    const f = e as Extract<Expr, { k: "fn" }>;
    return f.name === p.name && f.args.length === p.args.length && p.args.every((a, i) => match(a, f.args[i]!));
  };
  return match(pattern, instance) && out.size > 0 ? out : undefined;
}

// A number written as such (`12`, `-3`, `2.50`), not an expression to compute.
function numberOf(e: Expr): Fraction | undefined {
  if (e.k === "num") return e.q;
  if (e.k === "neg" && e.a.k === "num") return e.a.q.neg();
  return undefined;
}
