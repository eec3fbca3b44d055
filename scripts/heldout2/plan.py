# ---------------- planning ----------------
def slope(code, entry, builder, ns_sizes):
    ns = {}
    exec(code, ns)
    b = eval(builder, {"random": random})
    pts = []
    for n in ns_sizes:
        random.seed(n)
        args = b(n)
        best = 1e9
        for _ in range(3):
            t = time.perf_counter(); ns[entry](*args); best = min(best, time.perf_counter() - t)
        pts.append((n, best))
    (n0, t0), (n1, t1) = pts[0], pts[-1]
    return math.log(t1 / t0) / math.log(n1 / n0), pts


def tests_pass(code, tests):
    return all(s == "pass" for _, s, _, _ in run_asserts(code, tests))

# S1: pair_xor_Sum by per-bit counting, O(n)
r = mb(633)
code = """def pair_xor_Sum(arr, n):
    total = 0
    for bit in range(32):
        ones = 0
        for k in range(n):
            if (arr[k] >> bit) & 1:
                ones += 1
        total += ones * (n - ones) << bit
    return total
"""
assert tests_pass(code, r["tests"]["code"])
b = "lambda n: ([random.randint(0, 10**6) for _ in range(n)], n)"
s, pts = slope(code, "pair_xor_Sum", b, [2000, 8000])
assert 0.8 < s < 1.3, s
emit({"task": "planning", "id": "ho2-plan-sound-xor-bits", "problem": prompt(r), "entry_point": "pair_xor_Sum",
      "alternatives": [{"approach": "double loop over all pairs i < j adding arr[i] ^ arr[j]", "complexity": "O(n^2)", "rejected_for": "time",
                        "reason": "n(n-1)/2 pairs; quadratic in the list length"}],
      "chosen": {"approach": "count, per bit position, how many numbers have that bit set; a pair contributes 2^bit exactly when one has it and the other not",
                 "reason": "ones * (n - ones) pairs differ at each bit, so 32 linear passes suffice"},
      "plan": [{"step": "loop over the 32 bit positions", "code_refs": ["bit"]},
               {"step": "count the numbers with that bit set", "code_refs": ["ones", "arr"]},
               {"step": "add ones * (n - ones) shifted by the bit to the running total and return it", "code_refs": ["total"]}],
      "complexity": {"time": "O(n)", "input_builder": b}, "code": code, "tests": r["tests"]}, PASS)

# S2: largest_subset: sort, then longest divisibility chain DP, O(n^2)
r = mb(620)
code = """def largest_subset(a):
    nums = sorted(a)
    best = [1] * len(nums)
    for i in range(len(nums)):
        for j in range(i):
            if nums[i] % nums[j] == 0:
                best[i] = max(best[i], best[j] + 1)
    return max(best)
"""
assert tests_pass(code, r["tests"]["code"])
b = "lambda n: ([random.randint(1, 10**6) for _ in range(n)],)"
s, pts = slope(code, "largest_subset", b, [1000, 2800])
assert 1.8 < s < 2.3, (s, pts)
emit({"task": "planning", "id": "ho2-plan-sound-divisible-chain", "problem": prompt(r), "entry_point": "largest_subset",
      "alternatives": [{"approach": "enumerate every subset and test all pairs", "complexity": "O(2^n)", "rejected_for": "time", "reason": "exponential in the list length"},
                       {"approach": "greedy: start from the smallest number and keep taking the next multiple", "rejected_for": "correctness",
                        "reason": "taking the first multiple can block a longer chain (1, 2, 3, 6, 12: 2 then 6 is fine, but 1, 3, 9, 2 ... a greedy pick may skip the best branch)"}],
      "chosen": {"approach": "sort ascending; a pairwise-divisible set is a chain where each element divides the next, so do a longest-chain DP",
                 "reason": "after sorting only 'earlier divides later' needs checking"},
      "plan": [{"step": "sort the input", "code_refs": ["sorted", "nums"]},
               {"step": "best[i] = longest chain ending at nums[i], start at 1", "code_refs": ["best"]},
               {"step": "for each earlier j dividing nums[i], extend its chain", "code_refs": ["max"]},
               {"step": "return the longest chain", "code_refs": ["max", "best"]}],
      "complexity": {"time": "O(n^2)", "input_builder": b}, "code": code, "tests": r["tests"]}, PASS)

# S3: CodeContests 91_A (stdin program, dotted code_refs; complexity in two variables, not timed)
r = cc("91_A")
code = """import sys
import bisect


def main():
    s1 = sys.stdin.readline().strip()
    s2 = sys.stdin.readline().strip()
    pos = {}
    for idx, ch in enumerate(s1):
        pos.setdefault(ch, []).append(idx)
    copies = 1
    cur = 0
    for ch in s2:
        lst = pos.get(ch)
        if lst is None:
            print(-1)
            return
        k = bisect.bisect_left(lst, cur)
        if k == len(lst):
            copies += 1
            k = 0
        cur = lst[k] + 1
    print(copies)


main()
"""
assert all(io_ok(code, r["tests"]["cases"]))
emit({"task": "planning", "id": "ho2-plan-sound-newspaper-bisect", "problem": prompt(r),
      "alternatives": [{"approach": "walk s1 cyclically character by character for each letter of s2", "complexity": "O(|s1| * |s2|)", "rejected_for": "time",
                        "reason": "one letter can cost a full pass over s1: 10^4 * 10^6 steps"}],
      "chosen": {"approach": "per letter, the sorted positions in s1; for each letter of s2 binary-search the next position at or after the cursor, wrapping to a new copy when none is left",
                 "reason": "each letter of s2 costs one binary search"},
      "plan": [{"step": "read both lines", "code_refs": ["sys.stdin.readline", "s1", "s2"]},
               {"step": "collect positions per letter", "code_refs": ["pos", "setdefault", "enumerate"]},
               {"step": "a letter absent from s1 makes it impossible: print -1", "code_refs": ["lst"]},
               {"step": "binary-search the next occurrence; wrap and count a new copy when past the end", "code_refs": ["bisect.bisect_left", "cur", "copies"]}],
      "complexity": {"time": "O(|s1| + |s2| log |s1|)"}, "code": code, "tests": r["tests"]}, PASS)

# F1: catalan_number with a memo that is never written: exponential, claimed O(n^2) (inconsistent-step at complexity claim)
r = mb(583)
code = """def catalan_number(num, memo={}):
    if num <= 1:
        return 1
    if num in memo:
        return memo[num]
    res_num = 0
    for i in range(num):
        res_num += catalan_number(i, memo) * catalan_number(num - i - 1, memo)
    return res_num
"""
assert tests_pass(code, r["tests"]["code"])
t = time.perf_counter(); call(code, "catalan_number(14)"); t14 = time.perf_counter() - t
t = time.perf_counter(); call(code, "catalan_number(16)"); t16 = time.perf_counter() - t
assert t16 / t14 > 6, (t14, t16)  # ~3x per step: exponential
plan = [{"step": "base case: C(0) = C(1) = 1", "code_refs": ["num"]},
        {"step": "return a memoised value when there is one", "code_refs": ["memo"]},
        {"step": "otherwise sum C(i) * C(num-1-i) over i", "code_refs": ["res_num", "catalan_number"]}]
emit({"task": "planning", "id": "ho2-plan-flaw-catalan-memo-unused", "problem": prompt(r), "entry_point": "catalan_number",
      "alternatives": [{"approach": "plain recursion on the Segner recurrence", "complexity": "O(2^n)", "rejected_for": "time", "reason": "recomputes the same subproblems exponentially often"}],
      "chosen": {"approach": "the same recurrence with a memo dict", "reason": "each C(k) is computed once, n values times n terms"},
      "plan": plan, "complexity": {"time": "O(n^2)", "input_builder": "lambda n: (n,)"},
      "code": code, "tests": r["tests"]}, FAIL("inconsistent-step", 2 + len(plan)))

# F2: sort_numeric_strings: the plan sorts in place with values.sort, the code uses sorted() (inconsistent-step at plan step 2 = index 3)
r = mb(749)
code = """def sort_numeric_strings(nums_str):
    values = [int(x) for x in nums_str]
    return sorted(values)
"""
assert tests_pass(code, r["tests"]["code"])
b = "lambda n: ([str(random.randint(-10**9, 10**9)) for _ in range(n)],)"
emit({"task": "planning", "id": "ho2-plan-flaw-numeric-sort-inplace", "problem": prompt(r), "entry_point": "sort_numeric_strings",
      "alternatives": [{"approach": "selection: repeatedly take the minimum string by int value", "complexity": "O(n^2)", "rejected_for": "time", "reason": "n scans of the remaining list"}],
      "chosen": {"approach": "convert to int once, then one library sort", "reason": "Timsort, and ints compare numerically (negative numbers included)"},
      "plan": [{"step": "convert every string with int()", "code_refs": ["values", "int"]},
               {"step": "sort the list in place and return it", "code_refs": ["values.sort"]}],
      "complexity": {"time": "O(n log n)", "input_builder": b}, "code": code, "tests": r["tests"]}, FAIL("inconsistent-step", 3))

# F3: get_median: an O(n) alternative rejected for time against an O(n) choice (logical-leap at 0)
r = mb(622)
code = """def get_median(arr1, arr2, n):
    i = j = 0
    prev = cur = -1
    for _ in range(n + 1):
        prev = cur
        if j >= n or (i < n and arr1[i] <= arr2[j]):
            cur = arr1[i]
            i += 1
        else:
            cur = arr2[j]
            j += 1
    return (prev + cur) / 2
"""
assert tests_pass(code, r["tests"]["code"])
b = "lambda n: (sorted(random.sample(range(20 * n + 20), n)), sorted(random.sample(range(20 * n + 20), n)), n)"
s, pts = slope(code, "get_median", b, [20000, 80000])
assert 0.8 < s < 1.3, s
emit({"task": "planning", "id": "ho2-plan-flaw-median-same-class", "problem": prompt(r), "entry_point": "get_median",
      "alternatives": [{"approach": "merge both lists into a new list of 2n items, then average the two middle items", "complexity": "O(n)", "rejected_for": "time",
                        "reason": "merging touches all 2n elements"}],
      "chosen": {"approach": "two-pointer walk that stops after n + 1 elements, remembering the last two", "reason": "only half the elements are visited and no list is built"},
      "plan": [{"step": "advance whichever pointer has the smaller head n + 1 times", "code_refs": ["i", "j"]},
               {"step": "keep the previous and current values", "code_refs": ["prev", "cur"]},
               {"step": "return their mean", "code_refs": ["prev", "cur"]}],
      "complexity": {"time": "O(n)", "input_builder": b}, "code": code, "tests": r["tests"]}, FAIL("logical-leap", 0))
