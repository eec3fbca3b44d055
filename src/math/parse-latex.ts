// A small LaTeX -> plain-math normaliser: its output is what `parseExpr` reads. It knows the commands that
// appear in worked solutions (fractions, roots, products, spacing, units in \text, degrees) and leaves anything
// else as a marker the parser rejects, so an unknown construct is "unparseable", never misread.

const SPACES = new Set(["left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr", "displaystyle", "textstyle", "quad", "qquad", ",", "!", ";", ":", " ", "limits", "middle"]);
const SYMBOLS: Record<string, string> = {
  times: "*", cdot: "*", ast: "*", div: "/", pi: "pi", infty: "Infinity", approx: "≈", neq: "≠", ne: "≠",
  le: "≤", leq: "≤", ge: "≥", geq: "≥", lt: "<", gt: ">", "%": "%", $: "", "#": "#", "&": "", "{": "\u27e8", "}": "\u27e9",
  cdots: "…", ldots: "…", dots: "…", circ: "°", degree: "°", prime: "'", minus: "-", pm: "±", mp: "∓",
  cup: "∪", cap: "∩", in: "∈", to: "→", rightarrow: "→", Rightarrow: "⇒", implies: "⇒", iff: "⇔", therefore: "∴",
  ell: "l", alpha: "alpha", beta: "beta", gamma: "gamma", theta: "theta", lambda: "lambda", mu: "mu", sigma: "sigma", phi: "phi", omega: "omega",
};
const FUNCTIONS = new Set(["sin", "cos", "tan", "cot", "sec", "csc", "log", "ln", "exp", "arcsin", "arccos", "arctan", "max", "min", "gcd", "lcm"]);
const FRACTIONS = new Set(["frac", "dfrac", "tfrac", "cfrac"]);
const TEXTS = new Set(["text", "textrm", "mathrm", "textbf", "mbox", "textit", "mathit"]);
const NAMES = new Set(["mathbf", "mathbb", "mathcal", "mathfrak", "mathscr", "boldsymbol", "bm", "vec", "overrightarrow", "overline", "operatorname"]);
const CONNECTIVES = /^\s*(or|and|if|where|so|for|when)\s*$/i;

// Reads one argument at i: a {group} (balanced) or a single character / command; returns [text, next index].
function readArg(s: string, i: number): [string, number] {
  while (s[i] === " ") i++;
  if (s[i] === "{") {
    let depth = 0;
    for (let j = i; j < s.length; j++) {
      if (s[j] === "\\") {
        j++;
        continue;
      }
      if (s[j] === "{") depth++;
      else if (s[j] === "}" && --depth === 0) return [s.slice(i + 1, j), j + 1];
    }
    return [s.slice(i + 1), s.length];
  }
  if (s[i] === "\\") {
    const m = /^\\([a-zA-Z]+|.)/.exec(s.slice(i));
    return m ? [m[0], i + m[0].length] : ["", i + 1];
  }
  return [s[i] ?? "", i + 1];
}

// Reads an optional [..] argument (the index of \sqrt[3]{x}).
function readOptional(s: string, i: number): [string | undefined, number] {
  if (s[i] !== "[") return [undefined, i];
  const end = s.indexOf("]", i);
  return end < 0 ? [undefined, i] : [s.slice(i + 1, end), end + 1];
}

// Converts LaTeX to plain math text: \frac{a}{b} -> ((a)/(b)), \sqrt[n]{x} -> nthRoot((x),(n)), x^{2} -> x^(2).
export function latexToPlain(src: string): string {
  src = alignedRows(src);
  let out = "";
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === "\\") {
      const m = /^\\([a-zA-Z]+|.)/.exec(src.slice(i));
      if (!m) {
        i++;
        continue;
      }
      const name = m[1]!;
      i += m[0].length;
      if (SPACES.has(name)) {
        out += " ";
      } else if (FRACTIONS.has(name)) {
        const [a, j] = readArg(src, i);
        const [b, k] = readArg(src, j);
        const whole = mixedWhole(out, src, i - m[0].length, a, b);
        if (whole !== undefined) out = `${out.slice(0, out.length - whole.length)}(${whole}+((${a.trim()})/(${b.trim()})))`;
        else out += `((${latexToPlain(a)})/(${latexToPlain(b)}))`;
        i = k;
      } else if (name === "sqrt") {
        const [n, j] = readOptional(src, i);
        const [x, k] = readArg(src, j);
        out += n === undefined ? `sqrt(${latexToPlain(x)})` : `nthRoot((${latexToPlain(x)}),(${latexToPlain(n)}))`;
        i = k;
      } else if (NAMES.has(name)) {
        // \mathbf{i}, \vec{v}, \mathcal{A}, \operatorname{lcm}: a name (a vector, a set, an operator), never a
        // number or a unit; kept as a marker the tokenizer reads as one unreadable name
        const [t, j] = readArg(src, i);
        i = j;
        out += /^[\sa-zA-Z]*$/.test(t) ? " \\name " : ` \\name(${latexToPlain(t)}) `;
      } else if (TEXTS.has(name)) {
        const [t, j] = readArg(src, i);
        i = j;
        // \text{cm}, \text{ dollars}: units, dropped; \text{ or }: a connective, kept as a word
        if (CONNECTIVES.test(t)) out += ` ${t.trim()} `;
        else if (!/^[\sa-zA-Z.]*$/.test(t)) out += latexToPlain(t);
        else out += " ";
      } else if (name === "boxed" || name === "fbox" || name === "overline" || name === "underline" || name === "mathbf") {
        const [t, j] = readArg(src, i);
        out += `(${latexToPlain(t)})`;
        i = j;
      } else if (name === "lceil" || name === "lfloor") {
        out += name === "lceil" ? " ceil(" : " floor(";
      } else if (name === "rceil" || name === "rfloor") {
        out += ") ";
      } else if (FUNCTIONS.has(name)) {
        out += ` ${name} `;
      } else if (name in SYMBOLS) {
        out += ` ${SYMBOLS[name]} `;
      } else {
        out += ` \\${name} `; // unknown command: kept, the parser rejects it
      }
      continue;
    }
    if (c === "{") {
      out += "(";
    } else if (c === "}") {
      out += ")";
    } else if (c === "~") {
      out += " ";
    } else {
      out += c;
    }
    i++;
  }
  return out
    .replace(/\^\s*\(?\s*°\s*\)?/g, "") // ^\circ, ^{\circ}: degrees
    .replace(/°/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

// Display environments that align rows (align, aligned, eqnarray, split, gather): `&` only marks the alignment
// column, `\\` ends a row, and a row that opens with its relation (`&= 5`) continues the chain of the row before
// (`x &= 2 + 3 \\ &= 5` is x = 2 + 3 = 5). Rows end with a plain break (not an unread command), so each row's chain is read on its own. Matrices,
// arrays and cases keep their `&` (a column separator there) and are not read as chains.
const ALIGNED = /\\begin\{(align|aligned|alignat|eqnarray|split|gather|gathered|flalign|multline)(\*?)\}(?:\{[^{}]*\})?([\s\S]*?)\\end\{\1\2\}/g;
const CONTINUED_ROW = /\\\\(?:\[[^\]]*\])?\s*&?\s*(?=(?:=|\\approx\b|\\le\b|\\leq\b|\\ge\b|\\geq\b|<|>)(?![a-zA-Z]))/g;
function alignedRows(src: string): string {
  if (!src.includes("\\begin")) return src;
  const rows = (body: string) => body.replace(CONTINUED_ROW, " ").replace(/(?<!\\)&/g, " ").replace(/\\\\(?:\[[^\]]*\])?/g, " ; ");
  return src.replace(ALIGNED, (_all, _env: string, _star: string, body: string) => ` ; ${rows(body)} ; `);
}

// A mixed number `8\frac{1}{2}` (8 + 1/2): a whole number written directly before a proper numeric fraction, the
// digits not part of an exponent, subscript, decimal or name. Returns the whole part as already written to `out`.
// `2\frac{x}{3}` (a variable) and `2\frac{5}{3}` (improper) stay products.
function mixedWhole(out: string, src: string, at: number, num: string, den: string): string | undefined {
  const whole = /(\d+)$/.exec(out)?.[1];
  if (!whole || !/\d$/.test(src.slice(0, at))) return undefined;
  const before = out.slice(0, out.length - whole.length);
  if (/[\^_.,a-zA-Z)]\s*$|[\^_]\s*\(?\s*$/.test(before)) return undefined;
  if (!/^\s*\d+\s*$/.test(num) || !/^\s*\d+\s*$/.test(den)) return undefined;
  const n = Number(num);
  const d = Number(den);
  return d > 0 && n > 0 && n < d ? whole : undefined;
}

// Whether a string contains LaTeX commands worth normalising.
export function hasLatex(text: string): boolean {
  return /\\[a-zA-Z]|[{}^_]/.test(text);
}
