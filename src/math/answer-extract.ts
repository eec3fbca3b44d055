// Final-answer extraction, as the common graders do it: the last \boxed{...}, a GSM8K "#### 72" line,
// "The answer is ...", else the last number of the text.

function boxed(text: string): string | undefined {
  const at = Math.max(text.lastIndexOf("\\boxed"), text.lastIndexOf("\\fbox"));
  if (at < 0) return undefined;
  const open = text.indexOf("{", at);
  if (open < 0) return undefined;
  let depth = 0;
  for (let j = open; j < text.length; j++) {
    if (text[j] === "{") depth++;
    else if (text[j] === "}" && --depth === 0) return text.slice(open + 1, j);
  }
  return undefined;
}

// The answer a text states, or undefined when it states none. `whole`: the text is the answer itself
// (a final_answer field) unless it carries a marker.
export function extractAnswer(text: string, whole: boolean): string | undefined {
  const b = boxed(text);
  if (b !== undefined) return b.trim();
  const hashes = /####\s*(.+?)\s*$/m.exec(text);
  if (hashes) return hashes[1]!.trim();
  const said = /(?:final answer|the answer|answer)\s*(?:is|:|=)\s*:?\s*(.+?)\s*$/im.exec(text);
  if (said) return said[1]!.replace(/[.。]\s*$/, "").trim();
  if (whole) return text.trim();
  const nums = text.replace(/(\d),(\d{3})/g, "$1$2").match(/-?\d+(?:\.\d+)?(?:\/\d+)?/g);
  return nums ? nums[nums.length - 1] : undefined;
}

// String clean-up before parsing: dollars, \left/\right, spacing, \dfrac, text units, degrees, a trailing period.
export function normaliseAnswer(text: string): string {
  return text
    .replace(/\\\$|\$/g, "")
    .replace(/\\(?:left|right)\b/g, "")
    .replace(/\\[!,;: ]/g, " ")
    .replace(/\\[dt]frac/g, "\\frac")
    .replace(/\^\s*\{?\\circ\}?|°|\\degree/g, "")
    .replace(/\b(?:dollars?|cents?|units?|degrees?|meters?|cm|km|miles?|hours?|minutes?|seconds?|inches|feet|pounds?|kg|grams?)\b\.?/gi, "")
    .replace(/\\text\{\s*([^{}]*)\}/g, (_all, inner: string) => (/^\s*(or|and)\s*$/.test(inner) ? ` ${inner.trim()} ` : /^[a-zA-Z\s.]+$/.test(inner) && !/^\s*\(?[A-E]\)?\s*$/.test(inner) ? " " : inner))
    .replace(/\\mbox\{[^{}]*\}/g, " ")
    .replace(/(\d),(\d{3})(?!\d)/g, "$1$2")
    .replace(/(\d),(\d{3})(?!\d)/g, "$1$2")
    .replace(/[.\s]+$/, "")
    .replace(/\s+/g, " ")
    .trim();
}
