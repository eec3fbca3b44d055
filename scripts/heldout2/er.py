# ---------------- error-recovery ----------------
# S1: pair_xor_Sum, inner loop stops one short; assert failure with got/expected
r = mb(633)
buggy = """def pair_xor_Sum(arr,n) : 
    ans = 0 
    for i in range(0,n) :    
        for j in range(i + 1,n - 1) :   
            ans = ans + (arr[i] ^ arr[j])          
    return ans 
"""
fixed = buggy.replace("range(i + 1,n - 1)", "range(i + 1,n)")
res = run_asserts(buggy, r["tests"]["code"])
assert res[0][1] == "fail"
got = call(buggy, "pair_xor_Sum([5,9,7,6],4)")
assert all(s == "pass" for _, s, _, _ in run_asserts(fixed, r["tests"]["code"]))
hid = hidden_from(r["solution"], ["pair_xor_Sum([1, 2, 3, 4, 5], 5)", "pair_xor_Sum([0, 0], 2)", "pair_xor_Sum([8], 1)", "pair_xor_Sum([10, 20, 30], 3)"])
emit({"task": "error-recovery", "id": "ho2-er-sound-pair-xor-last", "problem": prompt(r), "entry_point": "pair_xor_Sum",
      "buggy_code": buggy, "tests": r["tests"], "hidden_tests": {"kind": "assert", "code": hid}, "reference": r["solution"],
      "failing_test": "line 1: assert pair_xor_Sum([5,9,7,6],4) == 47",
      "claimed_error": "AssertionError: got %d, expected 47" % got,
      "diagnosis": {"function": "pair_xor_Sum", "line": 4, "text": "The inner loop's upper bound is n - 1, so j never reaches the last index: every pair (i, n-1) is dropped. For [5,9,7,6] the pairs with 6 (5^6=3, 9^6=15, 7^6=1) are missing, 47 - 19 = %d." % got},
      "patch": udiff(buggy, fixed),
      "explanation": "Use `range(i + 1,n)` instead of `range(i + 1,n - 1)`: the stop of `range` is already exclusive, so subtracting one excluded the last element from every pair.",
      "claimed_result": {"all_pass": True}}, PASS)
assert got == 47 - (5 ^ 6) - (9 ^ 6) - (7 ^ 6)

# S2: CodeContests 9_A (io), off-by-one in the count of winning faces, script code
r = cc("9_A")
buggy = r["solution"].replace("z = 7 - max(x, y)", "z = 6 - max(x, y)")
assert buggy != r["solution"]
fixed = r["solution"]
ok = io_ok(buggy, r["tests"]["cases"])
assert ok[0] is False
out0 = run_io(buggy, r["tests"]["cases"][0]["input"])[0]
assert out0 == "1/3\n"
assert all(io_ok(fixed, r["tests"]["cases"]))
line = buggy.splitlines().index("z = 6 - max(x, y)") + 1
emit({"task": "error-recovery", "id": "ho2-er-sound-die-roll-io", "problem": prompt(r),
      "buggy_code": buggy, "tests": r["tests"],
      "failing_test": "case 1",
      "claimed_error": "wrong answer on input \"4 2\": expected \"1/2\", got \"1/3\"",
      "diagnosis": {"function": "<module>", "line": line, "text": "Dot wins on every face from max(Y, W) up to 6 (ties go to Dot), which is 7 - max faces; the code counts 6 - max, one face short, so with max 4 it gets 2/6 and prints 1/3."},
      "patch": udiff(buggy, fixed),
      "explanation": "The count of winning faces is `7 - max(x, y)`, not `6 - max(x, y)`: faces max..6 inclusive are 7 - max of them. With 4 and 2 that gives 3/6 = 1/2.",
      "claimed_result": {"all_pass": True}}, PASS)

# S3: bell_Number, table one row/column too small and the matching wrong index; IndexError; two hunks
r = mb(608)
buggy = """def bell_Number(n): 
    bell = [[0 for i in range(n)] for j in range(n)] 
    bell[0][0] = 1
    for i in range(1, n+1):
        bell[i][0] = bell[i-1][i-1]
        for j in range(1, i+1): 
            bell[i][j] = bell[i-1][j-1] + bell[i][j-1] 
    return bell[n-1][0] 
"""
fixed = buggy.replace("range(n)] for j in range(n)]", "range(n+1)] for j in range(n+1)]").replace("return bell[n-1][0]", "return bell[n][0]")
res = run_asserts(buggy, r["tests"]["code"])
assert res[0][1] == "error" and res[0][2] == "IndexError: list index out of range", res
assert all(s == "pass" for _, s, _, _ in run_asserts(fixed, r["tests"]["code"]))
patch = udiff(buggy, fixed, n=1)
assert patch.count("@@ -") == 2
hid = hidden_from(r["solution"], ["bell_Number(1)", "bell_Number(5)", "bell_Number(7)"])
emit({"task": "error-recovery", "id": "ho2-er-sound-bell-table-size", "problem": prompt(r), "entry_point": "bell_Number",
      "buggy_code": buggy, "tests": r["tests"], "hidden_tests": {"kind": "assert", "code": hid}, "reference": r["solution"],
      "failing_test": "line 1",
      "claimed_error": "Traceback (most recent call last):\n  File \"solution.py\", line 5, in bell_Number\nIndexError: list index out of range",
      "diagnosis": {"function": "bell_Number", "line": 2, "text": "The Bell triangle needs rows 0..n, i.e. n+1 rows, but it is allocated n x n; the loop reaches i = n and bell[i] is out of range. The return also reads row n-1, which only made sense for the short table."},
      "patch": patch,
      "explanation": "Allocate the table with `range(n+1)` in both dimensions so row n exists, and return `bell[n][0]` (the first entry of row n is B(n)) instead of `bell[n-1][0]`.",
      "claimed_result": {"all_pass": True}}, PASS)

# F1: cummulative_sum: invented TypeError message (hallucinated-step at 0)
r = mb(614)
buggy = "def cummulative_sum(test_list):\n  return sum(test_list)\n"
fixed = "def cummulative_sum(test_list):\n  return sum(map(sum, test_list))\n"
res = run_asserts(buggy, r["tests"]["code"])
assert res[0][2] == "TypeError: unsupported operand type(s) for +: 'int' and 'tuple'", res
claimed = 'TypeError: can only concatenate tuple (not "int") to tuple'
assert claimed != res[0][2]
emit({"task": "error-recovery", "id": "ho2-er-flaw-sum-tuple-message", "problem": prompt(r), "entry_point": "cummulative_sum",
      "buggy_code": buggy, "tests": r["tests"], "reference": r["solution"],
      "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], ["cummulative_sum([])", "cummulative_sum([(1,), (2, 3)])"])},
      "failing_test": "line 1: assert cummulative_sum([(1, 3), (5, 6, 7), (2, 6)]) == 30",
      "claimed_error": claimed,
      "diagnosis": {"function": "cummulative_sum", "line": 2, "text": "sum() over a list of tuples tries to add tuples together; each tuple must be summed first."},
      "patch": udiff(buggy, fixed),
      "explanation": "Replace `sum(test_list)` with `sum(map(sum, test_list))`: the inner sum totals each tuple, the outer one adds those totals.",
      "claimed_result": {"all_pass": True}}, FAIL("hallucinated-step", 0))

# F2: odd_position: patch passes visible tests but also demands even numbers at even indices (pseudo-fix at 2)
r = mb(775)
buggy = "def odd_position(nums):\n\treturn all(n % 2 == 1 for n in nums[::2])\n"
fixed = "def odd_position(nums):\n\treturn all(nums[i] % 2 == i % 2 for i in range(len(nums)))\n"
res = run_asserts(buggy, r["tests"]["code"])
assert res[0][1] == "fail"
assert all(s == "pass" for _, s, _, _ in run_asserts(fixed, r["tests"]["code"]))
hcalls = ["odd_position([1, 1, 1])", "odd_position([3, 5, 7, 9])", "odd_position([])", "odd_position([2, 4])"]
hid = hidden_from(r["solution"], hcalls)
assert call(fixed, hcalls[0]) != call(r["solution"], hcalls[0])
emit({"task": "error-recovery", "id": "ho2-er-flaw-odd-position-parity", "problem": prompt(r), "entry_point": "odd_position",
      "buggy_code": buggy, "tests": r["tests"], "hidden_tests": {"kind": "assert", "code": hid}, "reference": r["solution"],
      "failing_test": "line 1: assert odd_position([2,1,4,3,6,7,6,3]) == True",
      "claimed_error": "AssertionError",
      "diagnosis": {"function": "odd_position", "line": 2, "text": "The slice nums[::2] takes the even indices (2, 4, 6, 6), all even, so all() is False; the odd indices are the ones to check."},
      "patch": udiff(buggy, fixed),
      "explanation": "Instead of slicing `nums[::2]`, compare each element's parity with its index: `nums[i] % 2 == i % 2` makes odd positions hold odd numbers.",
      "claimed_result": {"all_pass": True}}, FAIL("pseudo-fix", 2))

# F3: filter_oddnumbers: explanation names none of the changed tokens (pseudo-explanation at 3)
r = mb(426)
buggy = "def filter_oddnumbers(nums):\n    return [n for n in nums if n % 2 == 0]\n"
fixed = r["solution"].strip() + "\n"
fixed = "def filter_oddnumbers(nums):\n    return [n for n in nums if n % 2 == 1]\n"
res = run_asserts(buggy, r["tests"]["code"])
assert res[0][1] == "fail"
assert all(s == "pass" for _, s, _, _ in run_asserts(fixed, r["tests"]["code"]))
expl = "The comprehension kept the wrong half of the input; with this change it keeps exactly the values the problem asks for, so each expected list is produced in its original order."
assert not any(ch.isdigit() for ch in expl)
emit({"task": "error-recovery", "id": "ho2-er-flaw-filter-odd-vague", "problem": prompt(r), "entry_point": "filter_oddnumbers",
      "buggy_code": buggy, "tests": r["tests"], "reference": r["solution"],
      "hidden_tests": {"kind": "assert", "code": hidden_from(r["solution"], ["filter_oddnumbers([])", "filter_oddnumbers([-3, -2, 0, 7])"])},
      "failing_test": "line 1", "claimed_error": "AssertionError: got [2, 4, 6, 8, 10], expected [1, 3, 5, 7, 9]",
      "diagnosis": {"function": "filter_oddnumbers", "line": 2, "text": "The condition selects even numbers."},
      "patch": udiff(buggy, fixed), "explanation": expl, "claimed_result": {"all_pass": True}}, FAIL("pseudo-explanation", 3))
assert call(buggy, "filter_oddnumbers([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])") == [2, 4, 6, 8, 10]
