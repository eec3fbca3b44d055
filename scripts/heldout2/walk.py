# ---------------- unit-test-walkthrough ----------------
def walk(code, test, entry, spec):
    """spec: (line, [vars], k-th run of that line in frames of `func`, explanation, func)."""
    tr, verdict = trace(code, test)
    lines = code.splitlines()
    steps = []
    for item in spec:
        line, names, k, expl = item[:4]
        func = item[4] if len(item) > 4 else entry
        runs = [t for t in tr if t["line"] == line and t["func"] == func]
        t = runs[k]
        st = {"line": line, "code": lines[line - 1].strip()}
        if names:
            st["vars"] = {n: t["after"][n] for n in names}
        if t["returns"] is not None and lines[line - 1].strip().startswith("return"):
            st["returns"] = t["returns"]
        if expl:
            st["explanation"] = expl
        steps.append(st)
    return steps, verdict, tr

# S1: pair_xor_Sum([7,3,5],3)
r = mb(633)
code = r["solution"].lstrip("\n")
test = "assert pair_xor_Sum([7,3,5],3) == 12"
steps, v, tr = walk(code, test, "pair_xor_Sum", [
    (2, ["ans"], 0, None), (3, ["i"], 0, "first i"), (4, ["i", "j"], 0, None),
    (5, ["j", "ans"], 0, "7 ^ 3 = 4"), (5, ["j", "ans"], 1, "7 ^ 5 = 2, ans = 6"),
    (3, ["i"], 1, None), (5, ["i", "j", "ans"], 2, "3 ^ 5 = 6, ans = 12"), (6, [], 0, "i = 2 has no j left")])
assert v == "pass" and steps[-1]["returns"] == "12", steps
emit({"task": "unit-test-walkthrough", "id": "ho2-walk-sound-xor-pairs", "problem": prompt(r), "code": code, "entry_point": "pair_xor_Sum",
      "test": test, "steps": steps, "predicted_return": "12", "predicted_verdict": "pass"}, PASS)

# S2: bell_Number(3), nested loops, list states
r = mb(608)
code = r["solution"].lstrip("\n")
test = "assert bell_Number(3) == 5"
steps, v, tr = walk(code, test, "bell_Number", [
    (3, ["bell"], 0, "a 4x4 zero table with a 1 in the corner"), (4, ["i"], 0, None),
    (5, ["bell"], 0, "row 1 starts with the last entry of row 0"),
    (7, ["i", "j", "bell"], 0, "1 + 1"),
    (5, ["i"], 1, None), (7, ["j", "bell"], 2, "row 2 is 2, 3, 5"),
    (5, ["i", "bell"], 2, "row 3 starts with 5"), (8, [], 0, None)])
assert v == "pass" and steps[-1]["returns"] == "5"
emit({"task": "unit-test-walkthrough", "id": "ho2-walk-sound-bell-triangle", "problem": prompt(r), "code": code, "entry_point": "bell_Number",
      "test": test, "steps": steps, "predicted_return": "5", "predicted_verdict": "pass"}, PASS)

# S3: CodeContests 91_A as a function, with the wrap branch taken
r = cc("91_A")
code = """def count_headings(s1, s2):
    copies = 1
    pos = 0
    for ch in s2:
        nxt = s1.find(ch, pos)
        if nxt == -1:
            copies += 1
            nxt = s1.find(ch)
            if nxt == -1:
                return -1
        pos = nxt + 1
    return copies
"""
for cse in r["tests"]["cases"][:6]:
    a, b = cse["input"].split("\n")[:2]
    assert str(call(code, "count_headings(%r, %r)" % (a, b))) == cse["output"].strip()
test = 'assert count_headings("abcd", "dabc") == 2'
steps, v, tr = walk(code, test, "count_headings", [
    (4, ["ch"], 0, None), (5, ["nxt"], 0, "d is at index 3"), (11, ["pos"], 0, None),
    (5, ["ch", "nxt"], 1, "no a at or after 4"), (7, ["copies"], 0, "start a second heading"), (8, ["nxt"], 0, None),
    (11, ["ch", "pos"], 1, None), (11, ["ch", "pos"], 3, "c at index 2"), (12, [], 0, None)])
assert v == "pass" and steps[-1]["returns"] == "2"
emit({"task": "unit-test-walkthrough", "id": "ho2-walk-sound-headings-wrap", "problem": prompt(r), "code": code, "entry_point": "count_headings",
      "test": test, "steps": steps, "predicted_return": "2", "predicted_verdict": "pass"}, PASS)

# F1: arithmetic slip 5 ^ 7 taken as 4 (ans claimed 16, really 14) at step 3
r = mb(633)
code = r["solution"].lstrip("\n")
test = "assert pair_xor_Sum([5,9,7,6],4) == 47"
steps, v, tr = walk(code, test, "pair_xor_Sum", [
    (2, ["ans"], 0, None), (4, ["i", "j"], 0, None), (5, ["j", "ans"], 0, "5 ^ 9 = 12"),
    (5, ["j", "ans"], 1, "5 ^ 7"), (5, ["j"], 2, None), (3, ["i"], 1, None), (6, [], 0, "sum over the six pairs")])
assert steps[3]["vars"] == {"j": "2", "ans": "14"}
steps[3]["vars"]["ans"] = "16"; steps[3]["explanation"] = "5 ^ 7 = 4, so ans = 12 + 4 = 16"
assert not any(t["line"] == 5 and t["after"].get("ans") == "16" and t["after"].get("j") == "2" for t in tr)
assert steps[-1]["returns"] == "47"
emit({"task": "unit-test-walkthrough", "id": "ho2-walk-flaw-xor-arith", "problem": prompt(r), "code": code, "entry_point": "pair_xor_Sum",
      "test": test, "steps": steps, "predicted_return": "47", "predicted_verdict": "pass"}, FAIL("arithmetic-error", 3))

# F2: perfect_squares(50,100): claims the clamp a = 0 runs (branch not taken) at step 3
r = mb(589)
code = r["solution"].lstrip("\n")
lines = code.splitlines()
assert lines[7].strip() == "a = 0" and lines[6].strip() == "if a < 0:"
test = "assert perfect_squares(50,100)==[64, 81, 100]"
steps, v, tr = walk(code, test, "perfect_squares", [
    (3, ["a", "b"], 0, "50 < 100, no swap"), (5, ["b"], 0, None), (7, ["a"], 0, None), (9, [], 0, "squares of 8, 9 and 10")])
assert not any(t["line"] == 8 for t in tr)
steps.insert(3, {"line": 8, "code": "a = 0", "explanation": "the lower bound is reset to zero before scanning"})
assert steps[-1]["returns"] == "[64, 81, 100]"
emit({"task": "unit-test-walkthrough", "id": "ho2-walk-flaw-squares-branch", "problem": prompt(r), "code": code, "entry_point": "perfect_squares",
      "test": test, "steps": steps, "predicted_return": "[64, 81, 100]", "predicted_verdict": "pass"}, FAIL("hallucinated-step", 3))

# F3: toggle_middle_bits(9): the return line quoted under line 3 (it is line 4) at step 2
r = mb(735)
code = r["solution"].lstrip("\n")
lines = code.splitlines()
assert lines[3].strip().startswith("return int(")
test = "assert toggle_middle_bits(9) == 15"
steps, v, tr = walk(code, test, "toggle_middle_bits", [
    (2, ["binary"], 0, "bin(9) is 0b1001"), (3, ["toggled"], 0, "middle '00' becomes '11'"), (4, [], 0, "'1' + '11' + '1' = 0b1111")])
assert steps[2]["returns"] == "15"
steps[2]["line"] = 3
emit({"task": "unit-test-walkthrough", "id": "ho2-walk-flaw-toggle-lineno", "problem": prompt(r), "code": code, "entry_point": "toggle_middle_bits",
      "test": test, "steps": steps, "predicted_return": "15", "predicted_verdict": "pass"}, FAIL("inconsistent-step", 2))
