# ---------------- error-recovery-multi ----------------
def fb(code, tests, names=None, msg=True):
    res = run_asserts(code, tests)
    out = []
    for name, st, m, src in res:
        if names and name not in names:
            continue
        t = {"name": name, "status": st}
        if msg and m:
            t["message"] = m
        out.append(t)
    allp = all(s == "pass" for _, s, _, _ in res)
    return out, allp, res


def apply_ok(prev, new):
    return udiff(prev, new)

# S1: sort_numeric_strings, 2 turns (full code each)
r = mb(749)
t0 = "def sort_numeric_strings(nums_str):\n    return sorted(nums_str, key=int)\n"
t1 = "def sort_numeric_strings(nums_str):\n    return sorted(int(x) for x in nums_str)\n"
f0, a0, res0 = fb(t0, r["tests"]["code"])
assert not a0 and all(s == "fail" for _, s, _, _ in res0)
got0 = call(t0, "sort_numeric_strings(['4','12','45','7','0','100','200','-12','-500'])")
assert got0[0] == "-500"
f1, a1, _ = fb(t1, r["tests"]["code"])
assert a1
emit({"task": "error-recovery-multi", "id": "ho2-erm-sound-numeric-strings", "problem": prompt(r), "entry_point": "sort_numeric_strings",
      "tests": r["tests"], "reference": r["solution"],
      "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], ["sort_numeric_strings([])", "sort_numeric_strings(['10', '9', '-1'])"])},
      "turns": [
        {"code": t0, "feedback": {"tests": f0},
         "reflection": "Every assert fails although the order looks right: key=int only sorts by value, the elements stay strings, so the first test returns ['-500', '-12', '0', ...] while it expects [-500, -12, 0, ...]. The result has to be a list of ints."},
        {"code": t1, "feedback": {"all_pass": True}}]}, PASS)

# S2: perfect_squares, 3 turns via patches (NameError, then an off-by-one root, then pass)
r = mb(589)
t0 = """def perfect_squares(a, b):
    if a > b:
        a, b = b, a
    if b < 0:
        return []
    a = max(a, 0)
    lo = math.isqrt(a)
    hi = math.isqrt(b)
    return [i * i for i in range(lo, hi + 1)]
"""
t1 = "import math\n\n\n" + t0
t2 = t1.replace("    lo = math.isqrt(a)\n", "    lo = math.isqrt(a)\n    if lo * lo < a:\n        lo += 1\n")
f0, a0, res0 = fb(t0, r["tests"]["code"])
assert all(s == "error" and m == "NameError: name 'math' is not defined" for _, s, m, _ in res0), res0
f1, a1, res1 = fb(t1, r["tests"]["code"])
assert [s for _, s, _, _ in res1] == ["pass", "fail", "pass"], res1
assert call(t1, "perfect_squares(50,100)") == [49, 64, 81, 100]
f2, a2, _ = fb(t2, r["tests"]["code"])
assert a2
hcalls = ["perfect_squares(0, 10)", "perfect_squares(30, 1)", "perfect_squares(-5, 3)", "perfect_squares(-9, -1)", "perfect_squares(26, 35)"]
for c in hcalls:
    assert call(t2, c) == call(r["solution"], c), c
emit({"task": "error-recovery-multi", "id": "ho2-erm-sound-perfect-squares-3turns", "problem": prompt(r), "entry_point": "perfect_squares",
      "tests": r["tests"], "reference": r["solution"], "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], hcalls)},
      "input_domain": "lambda a, b: isinstance(a, int) and isinstance(b, int) and abs(a) <= 10**6 and abs(b) <= 10**6",
      "turns": [
        {"code": t0, "feedback": {"tests": f0, "error": "NameError: name 'math' is not defined"},
         "reflection": "All three tests error with NameError: name 'math' is not defined. I call math.isqrt but never imported math."},
        {"patch": udiff(t0, t1), "feedback": {"tests": f1},
         "reflection": "Now only perfect_squares(50,100) fails. isqrt(50) is 7, so the range starts at 7 and 49 (below 50) sneaks into the result. The lower root must be rounded up, not down."},
        {"patch": udiff(t1, t2), "feedback": {"all_pass": True}}]}, PASS)

# S3: CodeContests 91_A (io), 2 turns: the copy counter starts at 0
r = cc("91_A")
good = """import sys
from bisect import bisect_left


def main():
    s1 = sys.stdin.readline().strip()
    s2 = sys.stdin.readline().strip()
    where = {}
    for i, ch in enumerate(s1):
        where.setdefault(ch, []).append(i)
    copies = 1
    pos = 0
    for ch in s2:
        idx = where.get(ch)
        if idx is None:
            print(-1)
            return
        k = bisect_left(idx, pos)
        if k == len(idx):
            copies += 1
            k = 0
        pos = idx[k] + 1
    print(copies)


main()
"""
bad = good.replace("    copies = 1\n", "    copies = 0\n")
cases = r["tests"]["cases"]
okb = io_ok(bad, cases)
okg = io_ok(good, cases)
assert all(okg) and okb[0] and not okb[1], okb
fb0 = [{"name": "case %d" % (i + 1), "status": "pass" if o else "fail"} for i, o in enumerate(okb)]
outb = run_io(bad, cases[1]["input"])[0]
assert outb == "1\n"
emit({"task": "error-recovery-multi", "id": "ho2-erm-sound-newspaper-io", "problem": prompt(r), "tests": r["tests"],
      "turns": [
        {"code": bad, "feedback": {"tests": fb0},
         "reflection": "Case 2 (s1 = abcd, s2 = dabc) prints 1 but 2 is expected, and the other failures are also one short; case 1 (-1) passes. The first heading is in use before any wrap, so the counter must start at 1, not 0."},
        {"code": good, "feedback": {"all_pass": True}}]}, PASS)

# F1: largest_subset: recorded IndexError message is the wrong one (hallucinated-step, turn 0 feedback = step 1)
r = mb(620)
t0 = r["solution"].replace("dp = [0 for _ in range(n)]", "dp = [0 for _ in range(n - 1)]")
assert t0 != r["solution"]
t1 = r["solution"]
f0, a0, res0 = fb(t0, r["tests"]["code"])
assert res0[0][2] == "IndexError: list assignment index out of range", res0
f0_claim = [dict(t, message="IndexError: list index out of range") for t in f0]
f1, a1, _ = fb(t1, r["tests"]["code"])
assert a1
emit({"task": "error-recovery-multi", "id": "ho2-erm-flaw-subset-index-message", "problem": prompt(r), "entry_point": "largest_subset",
      "tests": r["tests"], "reference": r["solution"],
      "turns": [
        {"code": t0, "feedback": {"tests": f0_claim},
         "reflection": "IndexError on dp[n - 1] = 1: the dp list has only n - 1 slots, so index n - 1 does not exist. It needs one slot per element."},
        {"patch": udiff(t0, t1), "feedback": {"all_pass": True}}]}, FAIL("hallucinated-step", 1))

# F2: triangle_area: the reflection talks about the formula, not about the failure on -1 (pseudo-explanation at 2)
r = mb(626)
t0 = "def triangle_area(r):\n    return r * r\n"
t1 = r["solution"]
f0, a0, res0 = fb(t0, r["tests"]["code"])
assert [s for _, s, _, _ in res0] == ["fail", "pass", "pass"], res0
refl = "The formula itself may be off: the largest inscribed triangle has the diameter as its base and the radius as its height, so half of base times height is the square of the radius. I will keep that product but make the guard for invalid input explicit."
assert not any(ch.isdigit() for ch in refl) and "None" not in refl
f1, a1, _ = fb(t1, r["tests"]["code"])
assert a1
emit({"task": "error-recovery-multi", "id": "ho2-erm-flaw-triangle-offtopic", "problem": prompt(r), "entry_point": "triangle_area",
      "tests": r["tests"], "reference": r["solution"],
      "turns": [
        {"code": t0, "feedback": {"tests": f0}, "reflection": refl},
        {"code": t1, "feedback": {"all_pass": True}}]}, FAIL("pseudo-explanation", 2))

# F3: all_Characters_Same: last turn passes the visible tests, not the empty string (pseudo-fix at turn 1 code = step 3)
r = mb(741)
t0 = "def all_Characters_Same(s):\n    return set(s) == 1\n"
t1 = "def all_Characters_Same(s):\n    return len(set(s)) == 1\n"
f0, a0, res0 = fb(t0, r["tests"]["code"])
assert [s for _, s, _, _ in res0] == ["pass", "fail", "pass"], res0
f1, a1, _ = fb(t1, r["tests"]["code"])
assert a1
hcalls = ["all_Characters_Same('')", "all_Characters_Same('z')", "all_Characters_Same('zzzy')"]
assert call(t1, hcalls[0]) != call(r["solution"], hcalls[0])
emit({"task": "error-recovery-multi", "id": "ho2-erm-flaw-same-chars-empty", "problem": prompt(r), "entry_point": "all_Characters_Same",
      "tests": r["tests"], "reference": r["solution"], "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], hcalls)},
      "turns": [
        {"code": t0, "feedback": {"tests": f0},
         "reflection": "all_Characters_Same(\"aaa\") returned False: set(s) == 1 compares a set with an int, which is never equal. I meant the size of the set."},
        {"patch": udiff(t0, t1), "feedback": {"all_pass": True}}]}, FAIL("pseudo-fix", 3))
