// A Python value as its repr or a literal writes it: what claimed and traced values are compared as.
export type PyValue =
  | { t: "int"; v: bigint }
  /** `decimals`: digits after the point as written (for rounding tolerance), -1 with an exponent. */
  | { t: "float"; v: number; decimals: number }
  | { t: "bool"; v: boolean }
  | { t: "none" }
  | { t: "str"; v: string }
  | { t: "bytes"; v: string }
  | { t: "list" | "tuple" | "set"; items: PyValue[] }
  | { t: "dict"; entries: [PyValue, PyValue][] }
  /** `Counter({...})`, `deque([...])`, `frozenset({1})`: a constructor call with literal arguments. */
  | { t: "call"; name: string; args: PyValue[] }
  /** `<function f at 0x...>`, `<class 'int'>`: compared as text. */
  | { t: "opaque"; text: string };

class Fail extends Error {}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0", a: "\x07", b: "\b", f: "\f", v: "\v", "\\": "\\", "'": "'", '"': '"', "\n": "" };

// Recursive-descent reader of one Python literal expression.
class Reader {
  i = 0;
  constructor(readonly s: string) {}

  ws(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }

  peek(): string {
    this.ws();
    return this.s[this.i] ?? "";
  }

  eat(ch: string): boolean {
    if (this.peek() !== ch) return false;
    this.i++;
    return true;
  }

  expect(ch: string): void {
    if (!this.eat(ch)) throw new Fail(`expected ${ch} at ${this.i}`);
  }

  value(): PyValue {
    const c = this.peek();
    if (c === "-" || c === "+") {
      this.i++;
      const v = this.value();
      if (c === "+") return v;
      if (v.t === "int") return { t: "int", v: -v.v };
      if (v.t === "float") return { ...v, v: -v.v };
      throw new Fail("unary minus on a non-number");
    }
    if (c === "[") return { t: "list", items: this.items("]") };
    if (c === "(") return this.paren();
    if (c === "{") return this.brace();
    if (c === "<") return this.opaque();
    if (/[0-9.]/.test(c)) return this.number();
    if (c === "'" || c === '"') return this.string("");
    if (/[A-Za-z_]/.test(c)) return this.name();
    throw new Fail(`unexpected ${JSON.stringify(c)} at ${this.i}`);
  }

  items(close: string): PyValue[] {
    this.i++;
    const out: PyValue[] = [];
    while (!this.eat(close)) {
      out.push(this.value());
      if (!this.eat(",")) {
        this.expect(close);
        break;
      }
    }
    return out;
  }

  paren(): PyValue {
    this.i++;
    if (this.eat(")")) return { t: "tuple", items: [] };
    const first = this.value();
    if (this.eat(")")) return first;
    this.expect(",");
    const items = [first];
    while (!this.eat(")")) {
      items.push(this.value());
      if (!this.eat(",")) {
        this.expect(")");
        break;
      }
    }
    return { t: "tuple", items };
  }

  brace(): PyValue {
    this.i++;
    if (this.eat("}")) return { t: "dict", entries: [] };
    const first = this.value();
    if (this.eat(":")) {
      const entries: [PyValue, PyValue][] = [[first, this.value()]];
      while (this.eat(",")) {
        if (this.peek() === "}") break;
        const k = this.value();
        this.expect(":");
        entries.push([k, this.value()]);
      }
      this.expect("}");
      return { t: "dict", entries };
    }
    const items = [first];
    while (this.eat(",")) {
      if (this.peek() === "}") break;
      items.push(this.value());
    }
    this.expect("}");
    return { t: "set", items };
  }

  opaque(): PyValue {
    const start = this.i;
    let depth = 0;
    for (; this.i < this.s.length; this.i++) {
      const ch = this.s[this.i];
      if (ch === "<") depth++;
      else if (ch === ">" && --depth === 0) {
        this.i++;
        return { t: "opaque", text: this.s.slice(start, this.i) };
      }
    }
    throw new Fail("unclosed <");
  }

  number(): PyValue {
    const m = /^(\d[\d_]*)?(\.[\d_]*)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    const text = m?.[0] ?? "";
    if (!text || text === ".") throw new Fail(`bad number at ${this.i}`);
    this.i += text.length;
    const clean = text.replace(/_/g, "");
    if (!m![2] && !m![3]) return { t: "int", v: BigInt(clean) };
    const decimals = m![3] ? -1 : (m![2]!.length - 1);
    return { t: "float", v: Number(clean), decimals };
  }

  name(): PyValue {
    const m = /^[A-Za-z_][\w.]*/.exec(this.s.slice(this.i))!;
    const word = m[0];
    const next = this.s[this.i + word.length];
    if ((next === "'" || next === '"') && /^[rRbBuU]{1,2}$/.test(word)) {
      this.i += word.length;
      return this.string(word.toLowerCase());
    }
    this.i += word.length;
    if (word === "True" || word === "False") return { t: "bool", v: word === "True" };
    if (word === "None") return { t: "none" };
    if (word === "inf" || word === "nan") return { t: "float", v: word === "inf" ? Infinity : NaN, decimals: -1 };
    if (this.peek() === "(") {
      this.i++;
      const args: PyValue[] = [];
      while (!this.eat(")")) {
        args.push(this.value());
        if (!this.eat(",")) {
          this.expect(")");
          break;
        }
      }
      return { t: "call", name: word, args };
    }
    throw new Fail(`bare name ${word}`);
  }

  string(prefix: string): PyValue {
    const raw = prefix.includes("r");
    const q = this.s[this.i]!;
    const triple = this.s.startsWith(q.repeat(3), this.i);
    const close = triple ? q.repeat(3) : q;
    this.i += close.length;
    let out = "";
    while (true) {
      if (this.i >= this.s.length) throw new Fail("unclosed string");
      if (this.s.startsWith(close, this.i)) {
        this.i += close.length;
        break;
      }
      const ch = this.s[this.i]!;
      if (ch === "\\" && !raw) {
        const e = this.s[this.i + 1] ?? "";
        const hex = e === "x" ? 2 : e === "u" ? 4 : e === "U" ? 8 : 0;
        if (hex) {
          const code = parseInt(this.s.slice(this.i + 2, this.i + 2 + hex), 16);
          if (Number.isNaN(code)) throw new Fail("bad escape");
          out += String.fromCodePoint(code);
          this.i += 2 + hex;
        } else if (e in ESCAPES) {
          out += ESCAPES[e];
          this.i += 2;
        } else {
          out += ch;
          this.i++;
        }
      } else if (ch === "\\" && raw) {
        out += ch + (this.s[this.i + 1] ?? "");
        this.i += 2;
      } else {
        out += ch;
        this.i++;
      }
    }
    // adjacent literals concatenate, as in Python
    const next = this.peek();
    if (next === "'" || next === '"') {
      const more = this.string(prefix);
      if (more.t === "str" || more.t === "bytes") out += more.v;
    }
    return { t: prefix.includes("b") ? "bytes" : "str", v: out };
  }
}

// Parses a Python literal or repr; undefined when the text is not one (a name, an expression).
export function parsePyLiteral(text: string): PyValue | undefined {
  const r = new Reader(text);
  try {
    const v = r.value();
    r.ws();
    return r.i === text.length ? v : undefined;
  } catch (e) {
    if (e instanceof Fail || e instanceof SyntaxError || e instanceof RangeError) return undefined;
    throw e;
  }
}

// True for Python ints and floats (not bools).
export function isNumber(v: PyValue | undefined): boolean {
  return v?.t === "int" || v?.t === "float";
}
