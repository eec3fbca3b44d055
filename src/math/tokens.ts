import { latexToPlain } from "./parse-latex.js";

// Tokens of a natural-language step: prose and inline math ($...$, \(...\), \[...\]) read into one stream.
export type Token =
  | { t: "num"; text: string; percent: boolean; src: string }
  | { t: "op"; text: string }
  | { t: "eq"; text: "=" | "≈" }
  | { t: "var"; text: string }
  | { t: "fn"; text: string }
  | { t: "word"; text: string }
  | { t: "approx" } // about, approximately, roughly, ~
  | { t: "break"; text: string }; // punctuation, unsupported symbols, segment ends

export interface Piece {
  text: string;
  math: boolean;
}

const FUNCTION_NAMES = new Set(["sqrt", "nthRoot", "abs", "floor", "ceil", "sin", "cos", "tan", "log", "ln", "exp", "pi"]);
const APPROX_WORDS = new Set(["about", "approximately", "approx", "roughly", "around", "nearly", "almost"]);
// Single letters written right after a digit that read as a variable (2x), not a unit (5m, 3h).
// Single letters that in prose are words or units (a, I, 5 m, 3 g, 10 s, 2 h, 4 L, 300 K), not variables.
const PROSE_NOT_VARIABLES = new Set(["a", "A", "I", "m", "g", "s", "h", "l", "L", "K", "k"]);
const VAR_AFTER_DIGIT = /^[abcnpqrtuvwxyz]$/;

// Splits a step into prose and math pieces. A `$` opens math only when the pair looks like TeX (no space just
// inside either `$`); otherwise it is a currency sign and is dropped ("$5 and $3" is prose).
export function splitPieces(text: string): Piece[] {
  const out: Piece[] = [];
  let prose = "";
  let i = 0;
  const flush = () => {
    if (prose) out.push({ text: prose, math: false });
    prose = "";
  };
  while (i < text.length) {
    const rest = text.slice(i);
    const open = /^(\$\$|\\\[|\\\()/.exec(rest);
    if (open) {
      const close = open[1] === "$$" ? "$$" : open[1] === "\\[" ? "\\]" : "\\)";
      const end = text.indexOf(close, i + 2);
      if (end > 0) {
        flush();
        out.push({ text: text.slice(i + 2, end), math: true });
        i = end + 2;
        continue;
      }
    }
    if (text[i] === "$" && text[i - 1] !== "\\") {
      const end = findClosingDollar(text, i + 1);
      const inner = end > 0 ? text.slice(i + 1, end) : "";
      if (end > 0 && inner.trim() && !/^\s|\s$/.test(inner) && !/\n/.test(inner) && !/^\d[\d,.]*$/.test(inner)) {
        flush();
        out.push({ text: inner, math: true });
        i = end + 1;
        continue;
      }
      i++; // currency
      continue;
    }
    prose += text[i];
    i++;
  }
  flush();
  return out;
}

function findClosingDollar(text: string, from: number): number {
  for (let j = from; j < text.length; j++) if (text[j] === "$" && text[j - 1] !== "\\") return j;
  return -1;
}

// Tokenises one piece. Math pieces go through the LaTeX normaliser; prose pieces too when they carry commands.
export function tokenize(piece: Piece): Token[] {
  const src = piece.math || /\\[a-zA-Z]/.test(piece.text) ? latexToPlain(piece.text) : piece.text;
  const out: Token[] = [];
  const re =
    /(\\[A-Za-z]+|[A-Za-z]+\s*_\s*(?:\([^()]*\)|[A-Za-z0-9]))|(\d+\s+\d+\/\d+(?![\d/]))|(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(\s*(?:%|percent\b))?|([A-Za-z]+(?:'[a-z]+)?)|(=|≈|~|≃)|([+\-*/^()×÷·⋅−–])|(\s+)|(.)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    const [all, unread, mixed, num, pct, word, eq, op, space] = m;
    if (space) continue;
    if (unread) {
      // an unknown command (`\nabla`) or a subscripted name (`t_1`, `v_{avg}`): one unreadable token, never a
      // product of its letters, so no claim is built on a misreading of it
      out.push({ t: "break", text: unread });
    } else if (mixed) {
      const [w, f] = mixed.split(/\s+/);
      out.push({ t: "num", text: `(${w}+${f})`, percent: false, src: mixed });
    } else if (num) {
      const after = src.slice(re.lastIndex, re.lastIndex + 8);
      const suffix = /^[A-Za-z]+/.exec(after)?.[0];
      const text = num.replace(/,/g, "");
      out.push({ t: "num", text: pct ? `(${text}/100)` : text, percent: Boolean(pct), src: num + (pct ?? "") });
      if (suffix && !pct && !(piece.math || VAR_AFTER_DIGIT.test(suffix))) {
        re.lastIndex += suffix.length; // 5km, 10am, 3rd: a unit or ordinal glued to the number
        // "81h + 3Dh = 18Dh + 6h" after "3*h": letters the piece also uses as an operand are a variable, not a unit;
        // the claim is cut there rather than read with the letters dropped
        out.push(usedAsOperand(src, suffix) ? { t: "break", text: suffix } : { t: "word", text: suffix });
      }
    } else if (word) {
      if (!piece.math && word === "x" && /^\s+\d/.test(src.slice(re.lastIndex))) out.push({ t: "op", text: "*" }); // "a day x 5 days"
      else if (!piece.math && PROSE_LETTER_WORDS.has(word) && proseLetterIsVariable(src, m.index, re.lastIndex, out)) out.push({ t: "var", text: word });
      else pushWord(out, word, piece.math);
    } else if (eq) {
      if (eq === "=") out.push({ t: "eq", text: "=" });
      else if (eq === "~" && !piece.math) out.push({ t: "approx" });
      else out.push({ t: "eq", text: "≈" });
    } else if (op) {
      out.push({ t: "op", text: op.replace(/[×·⋅]/, "*").replace("÷", "/").replace(/[−–]/, "-") });
    } else {
      out.push({ t: "break", text: all });
    }
  }
  if (piece.math) out.push({ t: "break", text: "" });
  return out;
}

// Whether letters appear on their own next to an operator or "=" ("3*h", "+ Dh", "h =") in the text.
function usedAsOperand(src: string, letters: string): boolean {
  return new RegExp(String.raw`[-+*/=^(×·]\s*${letters}(?![A-Za-z0-9])|(?<![A-Za-z0-9])${letters}\s*[-+*/=^)×·]`).test(src);
}

// "9a + 5c = 268", "a + c = 40", "I = Prt" written in prose: the article a and the pronoun I are variables when
// glued to a digit before them or next to an operator or "=" (an article is followed by a word, never by "+").
const PROSE_LETTER_WORDS = new Set(["a", "A", "I"]);
function proseLetterIsVariable(src: string, start: number, end: number, before: Token[]): boolean {
  if (/\d$/.test(src.slice(0, start)) && VAR_AFTER_DIGIT.test(src[start]!.toLowerCase())) return true;
  if (/^\s*[-+*/=^×÷·]/.test(src.slice(end))) return true;
  const prev = before[before.length - 1];
  return prev !== undefined && (prev.t === "eq" || (prev.t === "op" && prev.text !== ")")) && /[-+*/=^×÷·(]\s*$/.test(src.slice(0, start));
}

// Letters written together in math that are a name, not a product: a segment or angle (`BD`, `ABC`: an upper-case
// letter among others), a Greek letter or function spelled out (`theta`, `sec`), a word (`Area`). Only two or three
// lower-case letters (`xy`, `abc`) are read as a product.
const GREEK = /^(?:alpha|beta|gamma|delta|epsilon|zeta|eta|theta|iota|kappa|lambda|mu|nu|xi|omicron|rho|sigma|tau|upsilon|phi|chi|psi|omega)$/i;
function isName(word: string): boolean {
  return word.length >= 2 && (/[A-Z]/.test(word) || word.length >= 4 || GREEK.test(word) || /^(?:sec|csc|cot|mod|deg|det|arg|dim|ker|lim|min|max|gcd|lcm)$/.test(word));
}

function pushWord(out: Token[], word: string, math: boolean): void {
  const lower = word.toLowerCase();
  if (FUNCTION_NAMES.has(word)) out.push({ t: "fn", text: word });
  else if (math && /^(or|and)$/.test(lower)) out.push({ t: "break", text: word });
  else if (math && isName(word)) out.push({ t: "break", text: word });
  else if (math) for (const ch of word) out.push({ t: "var", text: ch });
  else if (APPROX_WORDS.has(lower)) out.push({ t: "approx" });
  else if (word.length === 1 && !PROSE_NOT_VARIABLES.has(word)) out.push({ t: "var", text: word });
  else out.push({ t: "word", text: word });
}

// All tokens of a step, pieces in order.
// A list bullet ("- ", "* " at the start of a line or after a sentence) is punctuation, not a minus sign or a product.
export function tokenizeStep(text: string): Token[] {
  return splitPieces(text.replace(/(^|\n|[.:;]\s)([ \t]*)[-*](?=[ \t])/g, "$1$2;")).flatMap((p) => [...tokenize(p)]);
}
