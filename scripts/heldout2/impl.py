# ---------------- implementation ----------------
def edge(ref, code, c, reason):
    v = call(ref, c) if ref else call(code, c)
    assert call(code, c) == v, c
    return {"call": c, "expected": repr(v), "reason": reason}

# S1: toggle_middle_bits with bit arithmetic
r = mb(735)
code = """def toggle_middle_bits(n):
    width = n.bit_length()
    if width < 3:
        return n
    mask = (1 << (width - 1)) - 2
    return n ^ mask
"""
assert tests_pass(code, r["tests"]["code"])
hc = ["toggle_middle_bits(4)", "toggle_middle_bits(255)", "toggle_middle_bits(1024)", "toggle_middle_bits(6)"]
emit({"task": "implementation", "id": "ho2-impl-sound-toggle-mask", "problem": prompt(r), "entry_point": "toggle_middle_bits",
      "requirements": ["Flip every bit of n strictly between its most significant bit and bit 0.", "Numbers with fewer than three bits have no middle bits and come back unchanged."],
      "design": {"approach": "XOR with a mask of ones on positions 1 .. width-2", "functions": [{"name": "toggle_middle_bits", "role": "build the mask from bit_length and apply it", "calls": []}]},
      "edge_cases": [edge(r["solution"], code, "toggle_middle_bits(2)", "two bits: nothing in the middle"),
                     edge(r["solution"], code, "toggle_middle_bits(3)", "two bits, both kept"),
                     edge(r["solution"], code, "toggle_middle_bits(4)", "100 -> 110")],
      "code": code, "tests": r["tests"], "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], hc)}, "reference": r["solution"],
      "input_domain": "lambda n: isinstance(n, int) and n >= 2"}, PASS)

# S2: sample_nam with a helper
r = mb(639)
code = """def is_proper(name):
    return name[:1].isupper() and name[1:].islower()


def sample_nam(sample_names):
    return sum(len(name) for name in sample_names if is_proper(name))
"""
assert tests_pass(code, r["tests"]["code"])
dom = "lambda sample_names: isinstance(sample_names, list) and all(isinstance(x, str) and len(x) > 0 for x in sample_names)"
hc = ["sample_nam(['Ab', 'cD', 'Eee'])", "sample_nam(['ALL', 'Caps'])", "sample_nam([])"]
emit({"task": "implementation", "id": "ho2-impl-sound-names-helper", "problem": prompt(r), "entry_point": "sample_nam",
      "requirements": ["Keep names that start with an uppercase letter and continue in lowercase (as the examples: 'Dylan' kept, 'sally' dropped).", "Return the total length of the kept names."],
      "design": {"approach": "filter with a predicate, sum the lengths", "functions": [{"name": "is_proper", "role": "capitalised-name test", "calls": []},
                                                                                          {"name": "sample_nam", "role": "sum lengths of proper names", "calls": ["is_proper"]}]},
      "edge_cases": [edge(r["solution"], code, "sample_nam([])", "nothing to sum"),
                     edge(r["solution"], code, "sample_nam(['A', 'Bo'])", "a one-letter name has an empty tail, and ''.islower() is False"),
                     edge(r["solution"], code, "sample_nam(['McDonald', 'Ann'])", "an inner capital fails islower()")],
      "code": code, "tests": r["tests"], "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], hc)}, "reference": r["solution"], "input_domain": dom}, PASS)
assert call(code, "sample_nam(['A', 'Bo'])") == 2

# S3: CodeContests 902_B (io tests, function + main guard, no reference)
r = cc("902_B")
code = """import sys


def min_steps(n, parents, colors):
    steps = 1
    for v in range(2, n + 1):
        if colors[v - 1] != colors[parents[v - 2] - 1]:
            steps += 1
    return steps


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    parents = [int(x) for x in data[1:n]]
    colors = [int(x) for x in data[n:2 * n]]
    print(min_steps(n, parents, colors))


if __name__ == "__main__":
    main()
"""
assert all(io_ok(code, r["tests"]["cases"]))
emit({"task": "implementation", "id": "ho2-impl-sound-tree-coloring-io", "problem": prompt(r), "entry_point": "min_steps",
      "requirements": ["Read n, the parents p2..pn and the target colours.", "Print the least number of subtree-paint operations.", "The root always needs one operation (colours are never 0)."],
      "design": {"approach": "paint top-down: a vertex needs its own operation exactly when its colour differs from its parent's",
                 "functions": [{"name": "min_steps", "role": "count root + colour changes along edges", "calls": []},
                               {"name": "main", "role": "parse stdin, print the count", "calls": ["min_steps"]}]},
      "edge_cases": [edge(None, code, "min_steps(2, [1], [5, 5])", "one colour: only the root operation"),
                     edge(None, code, "min_steps(3, [1, 2], [1, 2, 1])", "every edge changes colour")],
      "code": code, "tests": r["tests"]}, PASS)

# F1: bell_Number rolling rows; edge case B(6) claimed 202 (real 203): hallucinated-step at edge case 2 (index 4)
r = mb(608)
code = """def bell_Number(n):
    row = [1]
    for _ in range(n):
        nxt = [row[-1]]
        for value in row:
            nxt.append(nxt[-1] + value)
        row = nxt
    return row[0]
"""
assert tests_pass(code, r["tests"]["code"])
assert call(r["solution"], "bell_Number(6)") == 203 and call(code, "bell_Number(6)") == 203
ecs = [edge(r["solution"], code, "bell_Number(0)", "the empty set has one partition"),
       edge(r["solution"], code, "bell_Number(1)", "one element, one partition"),
       {"call": "bell_Number(6)", "expected": "202", "reason": "1, 1, 2, 5, 15, 52, then 202 partitions of a 6-set"}]
emit({"task": "implementation", "id": "ho2-impl-flaw-bell-six", "problem": prompt(r), "entry_point": "bell_Number",
      "requirements": ["Return the n-th Bell number B(n), the number of partitions of an n-set, with B(0) = 1."],
      "design": {"approach": "Bell triangle kept one row at a time", "functions": [{"name": "bell_Number", "role": "build n rows; B(n) is the first entry of row n", "calls": []}]},
      "edge_cases": ecs, "code": code, "tests": r["tests"],
      "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], ["bell_Number(5)", "bell_Number(8)"])}, "reference": r["solution"],
      "input_domain": "lambda n: isinstance(n, int) and 0 <= n <= 60"}, FAIL("hallucinated-step", 4))

# F2: index_multiplication assuming pairs (pseudo-fix at implementation, index 2 + 2)
r = mb(445)
code = """def index_multiplication(test_tup1, test_tup2):
    return tuple((a[0] * b[0], a[1] * b[1]) for a, b in zip(test_tup1, test_tup2))
"""
assert tests_pass(code, r["tests"]["code"])
hc = ["index_multiplication(((1, 2, 3),), ((4, 5, 6),))", "index_multiplication(((2, 3), (4, 5)), ((1, 1), (0, 2)))"]
try:
    bad = call(code, hc[0]) != call(r["solution"], hc[0])
except Exception:
    bad = True
assert bad
emit({"task": "implementation", "id": "ho2-impl-flaw-index-mult-pairs", "problem": prompt(r), "entry_point": "index_multiplication",
      "requirements": ["Multiply the two nested tuples element by element at every index.", "Return a tuple of tuples."],
      "design": {"approach": "zip the outer tuples and multiply the inner ones position by position", "functions": [{"name": "index_multiplication", "role": "one generator expression", "calls": []}]},
      "edge_cases": [edge(r["solution"], code, "index_multiplication((), ())", "empty input gives an empty tuple"),
                     edge(r["solution"], code, "index_multiplication(((0, 5),), ((7, 0),))", "zeros propagate")],
      "code": code, "tests": r["tests"], "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], hc)}, "reference": r["solution"]},
     FAIL("pseudo-fix", 4))

# F3: occurance_substring: design promises a helper the code never defines (inconsistent-step at implementation, index 4)
r = mb(773)
code = """import re


def occurance_substring(text, pattern):
    match = re.search(pattern, text)
    if match is None:
        return None
    return (match.group(), match.start(), match.end())
"""
assert tests_pass(code, r["tests"]["code"])
emit({"task": "implementation", "id": "ho2-impl-flaw-substring-helper", "problem": prompt(r), "entry_point": "occurance_substring",
      "requirements": ["Return (matched text, start, end) of the first occurrence of pattern in text.", "Return None when there is no match."],
      "design": {"approach": "regex search for the first match; a small helper turns a match into the tuple",
                 "functions": [{"name": "occurance_substring", "role": "search and delegate", "calls": ["match_to_tuple"]},
                               {"name": "match_to_tuple", "role": "(group, start, end) of a match object", "calls": []}]},
      "edge_cases": [edge(r["solution"], code, "occurance_substring('abc', 'z')", "no match"),
                     edge(r["solution"], code, "occurance_substring('aaa', 'a')", "first of several matches")],
      "code": code, "tests": r["tests"], "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], ["occurance_substring('hello world', 'world')", "occurance_substring('', 'x')"])},
      "reference": r["solution"]}, FAIL("inconsistent-step", 4))
