# ---------------- quality-evaluation ----------------
def flen(code, name):
    import ast
    for n in ast.parse(code).body:
        if isinstance(n, ast.FunctionDef) and n.name == name:
            return n.end_lineno - n.lineno + 1

# S1: low: get_median with floor division
r = mb(622)
code = """def get_median(arr1, arr2, n):
    i = 0
    j = 0
    m1 = -1
    m2 = -1
    for _ in range(n + 1):
        m1 = m2
        if j == n or (i < n and arr1[i] <= arr2[j]):
            m2 = arr1[i]
            i += 1
        else:
            m2 = arr2[j]
            j += 1
    return (m1 + m2) // 2
"""
c = "get_median([2, 4, 8, 9], [7, 13, 19, 28], 4)"
assert call(code, c) == 8 and call(r["solution"], c) == 8.5
assert depth(code) == 2
emit({"task": "quality-evaluation", "id": "ho2-qe-sound-median-floor", "problem": prompt(r), "entry_point": "get_median", "code": code,
      "tests": r["tests"], "reference": r["solution"],
      "observations": [{"kind": "bug", "call": c, "expected": "8.5", "actual": "8", "description": "// truncates the mean of the two middle values (8 and 9)"},
                       {"kind": "nesting-depth", "function": "get_median", "depth": 2, "description": "an if/else inside the for loop"},
                       {"kind": "remark", "text": "m1/m2 are opaque names; prev/cur would read better"}],
      "verdict": "low", "rationale": "Integer division loses the .5 whenever the two middle values have an odd sum."}, PASS)

# S2: high: tuple_modulo
r = mb(616)
code = """def tuple_modulo(test_tup1, test_tup2):
    \"\"\"Element-wise a % b of two equally long tuples.\"\"\"
    return tuple(a % b for a, b in zip(test_tup1, test_tup2))
"""
assert tests_pass(code, r["tests"]["code"])
L = flen(code, "tuple_modulo")
emit({"task": "quality-evaluation", "id": "ho2-qe-sound-tuple-modulo-high", "problem": prompt(r), "entry_point": "tuple_modulo", "code": code,
      "tests": r["tests"], "reference": r["solution"],
      "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], ["tuple_modulo((7, -7), (3, 3))", "tuple_modulo((), ())"])},
      "observations": [{"kind": "function-length", "function": "tuple_modulo", "lines": L, "description": "a docstring and one expression"},
                       {"kind": "nesting-depth", "function": "tuple_modulo", "depth": 0, "description": "no control blocks"},
                       {"kind": "remark", "text": "zip silently truncates tuples of different lengths; the problem promises equal lengths"}],
      "verdict": "high", "rationale": "Correct, minimal and idiomatic."}, PASS)

# S3: low: all_Characters_Same raising on '' plus a dead import
r = mb(741)
code = """import string


def all_Characters_Same(s):
    first = s[0]
    for ch in s:
        if ch != first:
            return False
    return True
"""
try:
    call(code, "all_Characters_Same('')"); raise SystemExit("no raise")
except IndexError:
    pass
assert call(r["solution"], "all_Characters_Same('')") is True
emit({"task": "quality-evaluation", "id": "ho2-qe-sound-same-chars-empty", "problem": prompt(r), "entry_point": "all_Characters_Same", "code": code,
      "tests": r["tests"], "reference": r["solution"],
      "observations": [{"kind": "unused-name", "name": "string", "description": "imported, never used"},
                       {"kind": "bug", "call": "all_Characters_Same('')", "expected": "True", "raises": "IndexError", "description": "s[0] on the empty string; vacuously all characters are the same"}],
      "verdict": "low", "rationale": "Crashes on the empty string and carries a dead import."}, PASS)

# F1: hallucinated bug on cummulative_sum with an empty tuple (hallucinated-step at 0)
r = mb(614)
code = """def cummulative_sum(test_list):
    return sum(sum(t) for t in test_list)
"""
assert call(code, "cummulative_sum([(), (4,)])") == call(r["solution"], "cummulative_sum([(), (4,)])") == 4
emit({"task": "quality-evaluation", "id": "ho2-qe-flaw-cumsum-empty-tuple", "problem": prompt(r), "entry_point": "cummulative_sum", "code": code,
      "tests": r["tests"], "reference": r["solution"],
      "observations": [{"kind": "bug", "call": "cummulative_sum([(), (4,)])", "expected": "4", "raises": "TypeError", "description": "sum of an empty tuple inside the generator has no start value to add to"},
                       {"kind": "nesting-depth", "function": "cummulative_sum", "depth": 0, "description": "flat"}],
      "verdict": "low", "rationale": "Breaks on empty inner tuples."}, FAIL("hallucinated-step", 0))

# F2: toggle_middle_bits: nesting depth claimed 2, really 3 (inconsistent-step at 1)
r = mb(735)
code = """def toggle_middle_bits(n):
    width = n.bit_length()
    result = n
    for pos in range(1, width - 1):
        if width > 2:
            if (n >> pos) & 1:
                result -= 1 << pos
            else:
                result += 1 << pos
    return result
"""
assert tests_pass(code, r["tests"]["code"])
for k in range(2, 300):
    assert call(code, "toggle_middle_bits(%d)" % k) == call(r["solution"], "toggle_middle_bits(%d)" % k)
assert depth(code) == 3
emit({"task": "quality-evaluation", "id": "ho2-qe-flaw-toggle-depth", "problem": prompt(r), "entry_point": "toggle_middle_bits", "code": code,
      "tests": r["tests"], "reference": r["solution"], "input_domain": "lambda n: isinstance(n, int) and n >= 2",
      "observations": [{"kind": "function-length", "function": "toggle_middle_bits", "lines": flen(code, "toggle_middle_bits"), "description": "short"},
                       {"kind": "nesting-depth", "function": "toggle_middle_bits", "depth": 2, "description": "a loop with one if/else inside"},
                       {"kind": "remark", "text": "the width > 2 test is redundant: the range is already empty for narrow numbers"}],
      "verdict": "high", "rationale": "Correct bit by bit, readable."}, FAIL("inconsistent-step", 1))

# F3: high verdict on perfect_squares that neither swaps nor clamps (logical-leap at verdict)
r = mb(589)
code = """import math


def perfect_squares(a, b):
    lo = math.isqrt(a)
    if lo * lo < a:
        lo += 1
    return [i * i for i in range(lo, math.isqrt(b) + 1)]
"""
assert tests_pass(code, r["tests"]["code"])
hc = ["perfect_squares(30, 1)", "perfect_squares(0, 10)"]
assert call(code, hc[0]) != call(r["solution"], hc[0])
obs = [{"kind": "function-length", "function": "perfect_squares", "lines": flen(code, "perfect_squares"), "description": "four lines"},
       {"kind": "remark", "text": "integer square roots avoid float rounding and skip the non-squares entirely"}]
emit({"task": "quality-evaluation", "id": "ho2-qe-flaw-squares-high", "problem": prompt(r), "entry_point": "perfect_squares", "code": code,
      "tests": r["tests"], "reference": r["solution"], "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], hc)},
      "observations": obs, "verdict": "high", "rationale": "Exact integer arithmetic, O(sqrt b) instead of scanning the range; handles every input."},
     FAIL("logical-leap", len(obs)))
