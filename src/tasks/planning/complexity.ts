// Big-O classes a trajectory may claim, how they grow, and how a measured growth compares with a claim.

export type ComplexityClass = "O(1)" | "O(log n)" | "O(sqrt n)" | "O(n)" | "O(n log n)" | "O(n^2)" | "O(n^3)" | "O(2^n)";

// The classes from slowest-growing to fastest (the order used to compare two claims).
export const CLASS_ORDER: readonly ComplexityClass[] = ["O(1)", "O(log n)", "O(sqrt n)", "O(n)", "O(n log n)", "O(n^2)", "O(n^3)", "O(2^n)"];

export interface ParsedComplexity {
  cls: ComplexityClass;
  /** The size variable as written ("n", "m", "|s|"), lower-cased. */
  variable: string;
}

// Canonical body of a class (inside the O(...)) with the variable written as "n".
const BODIES: Record<string, ComplexityClass> = {
  "1": "O(1)",
  logn: "O(log n)",
  sqrtn: "O(sqrt n)",
  "n^0.5": "O(sqrt n)",
  "n^(1/2)": "O(sqrt n)",
  n: "O(n)",
  nlogn: "O(n log n)",
  lognn: "O(n log n)",
  "n^2": "O(n^2)",
  nn: "O(n^2)",
  "n^3": "O(n^3)",
  nnn: "O(n^3)",
  "2^n": "O(2^n)",
  "n2^n": "O(2^n)",
  "2^nn": "O(2^n)",
  "n!": "O(2^n)",
};

// Parses a claimed single-variable class ("O(n log n)", "Θ(N^2)", "O(n²)", "O(|s|)"); undefined for anything
// else (several variables, amortised prose, an unknown form).
export function parseComplexity(text: string): ParsedComplexity | undefined {
  const m = /[OΘθΩ]\s*\((.*)\)/.exec(text.trim());
  let body = (m ? m[1]! : text).toLowerCase();
  body = body
    .replace(/\\/g, "")
    .replace(/²/g, "^2")
    .replace(/³/g, "^3")
    .replace(/\*\*/g, "^")
    .replace(/√\s*/g, "sqrt")
    .replace(/\blg\b|\blog_?2\b|\bln\b/g, "log")
    .replace(/[\s·⋅*×]/g, "")
    .replace(/\^\{([^}]*)\}/g, "^$1")
    .replace(/log\(([^()]*)\)/g, "log$1")
    .replace(/sqrt\(([^()]*)\)/g, "sqrt$1");
  // "log" and "sqrt" become placeholders so their letters are not taken for variables
  const marked = body.replace(/log/g, "L").replace(/sqrt/g, "S");
  const vars = new Set(marked.match(/\|[a-z_0-9]+\||[a-z](?:_[a-z0-9])?/g) ?? []);
  if (vars.size > 1) return undefined;
  const variable = [...vars][0] ?? "n";
  const canon = marked.split(variable).join("n").replace(/L/g, "log").replace(/S/g, "sqrt");
  const cls = BODIES[canon];
  return cls ? { cls, variable } : undefined;
}

// The log-log slope a class shows at large n (log n and n log n barely differ from 0 and 1 there).
export function expectedSlope(cls: ComplexityClass): number {
  switch (cls) {
    case "O(1)":
      return 0;
    case "O(log n)":
      return 0.08;
    case "O(sqrt n)":
      return 0.5;
    case "O(n)":
      return 1;
    case "O(n log n)":
      return 1.08;
    case "O(n^2)":
      return 2;
    case "O(n^3)":
      return 3;
    case "O(2^n)":
      return Number.POSITIVE_INFINITY;
  }
}

// Elementary operations of a class at size n (for "is this feasible at the stated bound").
export function operations(cls: ComplexityClass, n: number): number {
  const lg = Math.max(1, Math.log2(Math.max(2, n)));
  switch (cls) {
    case "O(1)":
      return 1;
    case "O(log n)":
      return lg;
    case "O(sqrt n)":
      return Math.sqrt(n);
    case "O(n)":
      return n;
    case "O(n log n)":
      return n * lg;
    case "O(n^2)":
      return n * n;
    case "O(n^3)":
      return n * n * n;
    case "O(2^n)":
      return n >= 1024 ? Number.POSITIVE_INFINITY : 2 ** n;
  }
}

// Least-squares slope of y on x.
export function slope(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}
