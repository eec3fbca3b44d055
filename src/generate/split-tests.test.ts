import { describe, expect, test } from "vitest";
import { splitTests } from "./split-tests.js";

describe("splitTests", () => {
  test("with three asserts the last is held back as the hidden test", () => {
    const s = splitTests({ kind: "assert", code: "assert f(1) == 1\nassert f(2) == 4\nassert f(3) == 9\n" });
    expect(s.visible).toEqual({ kind: "assert", code: "assert f(1) == 1\nassert f(2) == 4\n" });
    expect(s.hidden).toEqual({ kind: "assert", code: "assert f(3) == 9\n" });
  });

  test("setup lines before the first assert go with both parts", () => {
    const s = splitTests({ kind: "assert", code: "import math\nassert f(1)\nassert f(2)\nassert f(3)\n" });
    expect(s.visible).toEqual({ kind: "assert", code: "import math\nassert f(1)\nassert f(2)\n" });
    expect(s.hidden).toEqual({ kind: "assert", code: "import math\nassert f(3)\n" });
  });

  test("fewer than three asserts, a last statement that is not an assert, and io tests stay all visible", () => {
    const two = { kind: "assert" as const, code: "assert f(1)\nassert f(2)\n" };
    expect(splitTests(two)).toEqual({ visible: two });
    const tail = { kind: "assert" as const, code: "assert f(1)\nassert f(2)\nassert f(3)\nprint('done')\n" };
    expect(splitTests(tail)).toEqual({ visible: tail });
    const io = { kind: "io" as const, cases: [{ input: "1\n", output: "1\n" }], compare: "whitespace" as const, tolerance: 1e-6 };
    expect(splitTests(io)).toEqual({ visible: io });
  });
});
