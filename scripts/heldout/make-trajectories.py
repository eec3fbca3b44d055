#!/usr/bin/python3
"""Held-out trajectories for Vouch (7 kinds x (3 sound + 3 flawed)).

Written from docs/tasks/*.md only. Every value in a record (error messages, got/expected, traced variable
values, reference outputs of edge cases) is computed here by running the code with this interpreter.
Deterministic: no randomness at generation time. Run: /usr/bin/python3 scripts/heldout/make-trajectories.py
"""
import json, os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import load, run_asserts, all_pass, call, patch, trace, line_text, line_of  # noqa: E402

MBPP = load('mbpp_dev.jsonl')
CC = load('codecontests_dev.jsonl')
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'fixtures', 'heldout', 'trajectories.jsonl')
records = []


def P(pid):
    r = MBPP[pid]
    return r['prompt'].strip().strip('"').strip(), r['entry_point'], r['solution'], r['tests']


def hidden(ref, entry, args_list):
    """assert tests on new inputs, expected values computed with the reference."""
    lines = []
    for a in args_list:
        v = call(ref, f'{entry}({a})')
        lines.append(f'assert {entry}({a}) == {v!r}')
    return {'kind': 'assert', 'code': '\n'.join(lines) + '\n'}


def add(rec, expect):
    rec['expect'] = expect
    records.append(rec)


def check(cond, what):
    if not cond:
        raise SystemExit(f'generation check failed: {what}')


PASS = {'verdict': 'pass'}


def FAIL(err, step):
    return {'verdict': 'fail', 'error': err, 'firstWrongStep': step}


# ---------------------------------------------------------------- error-recovery
def er(rid, pid, buggy, fixed, failing_no, diag_line, diag_text, explanation, hidden_args, expect,
       claimed_error=None, claimed_result=None):
    prob, entry, ref, tests = P(pid)
    res = run_asserts(buggy, tests['code'])
    name, stmt, status, msg = [r for r in res if r[0] == f'line {failing_no}'][0]
    check(status != 'pass', f'{rid}: failing test passes on buggy code')
    after = run_asserts(fixed, tests['code'])
    failing_after = [f'{n}: {s}' for n, s, st, _ in after if st != 'pass']
    rec = {'task': 'error-recovery', 'id': rid, 'problem': prob, 'entry_point': entry,
           'buggy_code': buggy, 'tests': tests, 'hidden_tests': hidden(ref, entry, hidden_args), 'reference': ref,
           'failing_test': f'{name}: {stmt}',
           'claimed_error': claimed_error or msg,
           'diagnosis': {'function': entry, 'line': diag_line, 'text': diag_text},
           'patch': patch(buggy, fixed), 'explanation': explanation,
           'claimed_result': claimed_result or ({'all_pass': True} if not failing_after
                                                else {'all_pass': False, 'failing': failing_after})}
    check(buggy.split('\n')[diag_line - 1].strip() != '', 'diag line')
    add(rec, expect)
    return rec, msg


# sound 1: largest_subset, dp[n] = 1 -> IndexError on assignment
b = ("def largest_subset(a):\n\tn = len(a)\n\tdp = [0 for _ in range(n)]\n\tdp[n] = 1\n"
     "\tfor i in range(n - 2, -1, -1):\n\t\tmxm = 0\n\t\tfor j in range(i + 1, n):\n"
     "\t\t\tif a[j] % a[i] == 0 or a[i] % a[j] == 0:\n\t\t\t\tmxm = max(mxm, dp[j])\n"
     "\t\tdp[i] = 1 + mxm\n\treturn max(dp)\n")
f = b.replace('dp[n] = 1', 'dp[n - 1] = 1')
_, m = er('ho-er-sound-largest-subset', 'Mbpp/620', b, f, 1, 4,
          'dp has n slots, indices 0..n-1; seeding the base case at index n writes one past the end, so every call '
          'raises before the loop starts.',
          'Change `dp[n] = 1` to `dp[n - 1] = 1`: the base case belongs to the last element (index n - 1), '
          'the only one with nothing after it, and the backward loop starts from n - 2 as intended.',
          ['[2, 4, 8, 3]', '[7]', '[1, 2, 3, 4, 5, 6]', '[9, 3, 27, 5]'], PASS)
check(m == 'IndexError: list assignment index out of range', m)

# sound 2: count_Substrings with a plain dict -> KeyError
b = ("from collections import defaultdict\ndef count_Substrings(s):\n    n, count, sum = len(s), 0, 0\n"
     "    mp = {}\n    mp[0] = 1\n    for i in range(n):\n        sum += ord(s[i]) - ord('0')\n"
     "        count += mp[sum - i - 1]\n        mp[sum - i - 1] += 1\n    return count\n")
f = b.replace('    mp = {}\n', '    mp = defaultdict(lambda : 0)\n')
_, m = er('ho-er-sound-count-substrings', 'Mbpp/61', b, f, 1, 4,
          'mp is a plain dict, so looking up a key sum - i - 1 that has not been seen yet raises instead of '
          'counting zero earlier prefixes.',
          'Use `defaultdict(lambda : 0)` instead of `{}` for `mp`: an unseen key sum - i - 1 then reads as 0 '
          '(no earlier prefix with that balance) and the `+= 1` that follows creates it.',
          ["'1'", "'0'", "'2211'", "'101'"], PASS)
check(m == 'KeyError: 1', m)

# sound 3: perfect_squares with an exclusive upper bound
pr = MBPP['Mbpp/589']['solution']
b = pr.replace('range(a, b+1)', 'range(a, b)')
er('ho-er-sound-perfect-squares', 'Mbpp/589', b, pr, 2, b.split('\n').index('    return list(filter(lambda x: math.sqrt(x).is_integer(), range(a, b)))') + 1,
   'range(a, b) stops at b - 1, so when b itself is a perfect square (100) it is left out.',
   'Change `range(a, b)` to `range(a, b+1)` so that the upper bound b is tested too: the problem asks for the '
   'squares between the two numbers inclusive, and 100 is the last one in [50, 100].',
   ['1, 1', '-5, 10', '30, 1', '0, 0', '10, 15'], PASS)

# flaw 1: lps with j starting at i -> IndexError on a read; the claimed message is the assignment one
pr = MBPP['Mbpp/247']['solution']
b = pr.replace('for j in range(i + 1, n):', 'for j in range(i, n):')
_, m = er('ho-er-flaw-invented-message', 'Mbpp/247', b, pr, 1, b.split('\n').index('\t\tfor j in range(i, n):') + 1,
          'The inner loop starts at j = i, so for i = n - 1 the equal-ends branch reads dp[i + 1], one row past '
          'the table.',
          'Change `range(i, n)` to `range(i + 1, n)`: the diagonal dp[i][i] = 1 is already set, so j must start '
          'after i, and dp[i + 1][j - 1] is then always inside the table.',
          ["'A'", "'ABBA'", "'XYZ'", "'AABAA'"], FAIL('hallucinated-step', 0),
          claimed_error='IndexError: list assignment index out of range')
check(m == 'IndexError: list index out of range', m)

# flaw 2: triangle_area: the patch special-cases the visible r == -1 instead of every negative radius
b = "def triangle_area(r) :\n    return r * r\n"
f = "def triangle_area(r) :\n    if r == -1 :\n        return None\n    return r * r\n"
rec, m = er('ho-er-flaw-pseudo-fix', 'Mbpp/626', b, f, 1, 2,
            'The function never rejects an invalid radius: for -1 it squares it and returns 1 instead of None.',
            'Add a guard `if r == -1 :` that returns `None` before `return r * r`, so the invalid radius gives None '
            'and valid radii keep the r * r area of the inscribed triangle.',
            ['-2', '-0.5', '3', '1.5'], FAIL('pseudo-fix', 2))
check(rec['claimed_result'] == {'all_pass': True}, 'pseudo-fix passes visible')
check(not all_pass(f, rec['hidden_tests']['code']), 'pseudo-fix fails hidden')

# flaw 3: tetrahedral_number: the explanation names a change (`// 6`) the patch does not make
pr = MBPP['Mbpp/80']['solution']
b = pr.replace('/ 6', '/ 3')
f = pr
_, m = er('ho-er-flaw-explanation-mismatch', 'Mbpp/80', b, f, 1, 3,
          'The product n(n+1)(n+2) must be divided by 3! = 6, not 3; the result is twice the tetrahedral number.',
          'Change `/ 3` to `// 6`: the tetrahedral number is n(n+1)(n+2)/6, so dividing by 6 gives 35 for n = 5.',
          ['1', '2', '10', '0'], FAIL('inconsistent-step', 3))
check(m == 'AssertionError: got 70.0, expected 35', m)


# ---------------------------------------------------------------- error-recovery-multi
def erm(rid, pid, codes, reflections, hidden_args, expect, feedback_override=None):
    """codes: list of full codes per turn (turn 0 given as code, later as patches)."""
    prob, entry, ref, tests = P(pid)
    turns = []
    for k, c in enumerate(codes):
        res = run_asserts(c, tests['code'])
        t = {'code': c} if k == 0 else {'patch': patch(codes[k - 1], c)}
        if all(st == 'pass' for _, _, st, _ in res):
            t['feedback'] = {'all_pass': True}
        else:
            fb = [{'name': n, 'status': st, **({'message': msg} if msg else {})} for n, _, st, msg in res]
            t['feedback'] = {'tests': fb}
        if feedback_override and k in feedback_override:
            t['feedback'] = feedback_override[k](t['feedback'])
        if k < len(reflections) and reflections[k]:
            t['reflection'] = reflections[k]
        turns.append(t)
    rec = {'task': 'error-recovery-multi', 'id': rid, 'problem': prob, 'entry_point': entry, 'tests': tests,
           'hidden_tests': hidden(ref, entry, hidden_args), 'reference': ref, 'turns': turns}
    add(rec, expect)
    return rec


def msgs(pid, code):
    return run_asserts(code, MBPP[pid]['tests']['code'])


# sound 1: bell_Number with an n x n table
pr = MBPP['Mbpp/608']['solution']
t0 = pr.replace('[[0 for i in range(n+1)] for j in range(n+1)]', '[[0 for i in range(n)] for j in range(n)]')
check(msgs('Mbpp/608', t0)[0][3] == 'IndexError: list index out of range', msgs('Mbpp/608', t0))
erm('ho-erm-sound-bell', 'Mbpp/608', [t0, pr],
    ['Every test raises IndexError: list index out of range. The triangle needs rows 0..n because the answer is '
     'read from bell[n][0], but the table was built with only n rows (indices 0..n-1), so the outer loop fails '
     'when i reaches n. Build it with n+1 rows and n+1 columns.'],
    ['1', '5', '6', '8'], PASS)

# sound 2: pair_xor_Sum, three turns: | instead of ^, then j from 0 counts every pair twice, then fixed
pr = MBPP['Mbpp/633']['solution']
t0 = pr.replace('(arr[i] ^ arr[j])', '(arr[i] | arr[j])')
t1 = pr.replace('for j in range(i + 1,n)', 'for j in range(0,n)')
r0 = msgs('Mbpp/633', t0)
r1 = msgs('Mbpp/633', t1)
g0 = r0[0][3].split('got ')[1].split(',')[0]
g1 = r1[0][3].split('got ')[1].split(',')[0]
check(int(g1) == 2 * 47, r1)
erm('ho-erm-sound-pair-xor', 'Mbpp/633', [t0, t1, pr],
    [f'All three tests fail and the sums are too large: got {g0} instead of 47 for [5,9,7,6]. The pair '
     f'value is computed with `|` (bitwise OR) where the task asks for XOR; OR keeps the common bits that XOR '
     f'cancels. Use `^`.',
     f'Now the first test gives {g1}, exactly twice 47 (and the others are doubled too). The inner loop runs j '
     f'over the whole list, so every unordered pair is counted as (i, j) and (j, i) (the i == j terms are 0). '
     f'Start j at i + 1.'],
    ['[1, 2, 3], 3', '[0, 0], 2', '[10, 20, 30, 40, 50], 5', '[8], 1'], PASS)

# sound 3: catalan_number with range(num - 1)
pr = MBPP['Mbpp/583']['solution']
t0 = pr.replace('for i in range(num):', 'for i in range(num - 1):')
r0 = msgs('Mbpp/583', t0)
g0 = r0[0][3].split('got ')[1].split(',')[0]
erm('ho-erm-sound-catalan', 'Mbpp/583', [t0, pr],
    [f'catalan_number(10) returns {g0} instead of 16796, too small, and the other two are too small as well. '
     f'The convolution C(n) = sum C(i) * C(n-1-i) needs i = 0..n-1, but range(num - 1) stops at n-2 and drops '
     f'the C(n-1) * C(0) term. Loop over range(num).'],
    ['0', '1', '2', '5', '12'], PASS)

# flaw 1: recursive_list_sum, the recorded TypeError message is invented (the list + int one)
pr = MBPP['Mbpp/65']['solution']
t0 = pr.replace('total = total + recursive_list_sum(element)', 'total = total + element')
r0 = msgs('Mbpp/65', t0)
check(r0[0][3] == "TypeError: unsupported operand type(s) for +: 'int' and 'list'", r0)
inv = 'TypeError: can only concatenate list (not "int") to list'
erm('ho-erm-flaw-invented-feedback', 'Mbpp/65', [t0, pr],
    ['The TypeError comes from adding a nested list such as [3,4] directly to the running integer total. '
     'Nested lists have to be summed recursively before they are added: call recursive_list_sum on them.'],
    ['[]', '[[1, [2, [3]]]]', '[5]', '[[], [1], [2, 3]]'], FAIL('hallucinated-step', 1),
    feedback_override={0: lambda fb: {'tests': [dict(t, message=inv) for t in fb['tests']]}})

# flaw 2: get_total_number_of_sequences: the reflection talks about an IndexError that never happened
pr = MBPP['Mbpp/239']['solution']
t0 = pr.replace('T[i-1][j] + T[i//2][j-1]', 'T[i-1][j] + T[i-1][j-1]')
r0 = msgs('Mbpp/239', t0)
check(all(st == 'fail' for _, _, st, _ in r0), r0)
refl = ('The table lookup walks off the first row: when the previous element is halved down to zero the index '
        'goes negative and Python raises IndexError, so the base case for a zero-length prefix has to be '
        'handled before the recurrence. Use the halved row i//2 only when it is still valid.')
for _, stmt, _, msg in r0:
    pass
erm('ho-erm-flaw-reflection-mismatch', 'Mbpp/239', [t0, pr], [refl],
    ['1, 1', '4, 2', '20, 3', '8, 4'], FAIL('pseudo-explanation', 2))

# flaw 3: find_Average_Of_Cube: the last turn special-cases even n (+0.5) instead of using true division
pr = MBPP['Mbpp/422']['solution']
t0 = ("def find_Average_Of_Cube(n):\n    total = sum([(i ** 3) for i in range(1, n + 1)])\n"
      "    return total // n\n")
t1 = ("def find_Average_Of_Cube(n):\n    total = sum([(i ** 3) for i in range(1, n + 1)])\n"
      "    return total // n + (0.5 if n % 2 == 0 else 0)\n")
check(all_pass(t1, MBPP['Mbpp/422']['tests']['code']), 't1 visible')
rec = erm('ho-erm-flaw-pseudo-fix-last-turn', 'Mbpp/422', [t0, t1],
          ['Only the first test fails: got 4, expected 4.5. For n = 2 the cubes sum to 9 and the average is 4.5; '
           'the floor division drops the .5. For even n the average of the first n cubes ends in .5, so add the '
           'half back when n is even.'],
          ['4', '6', '8', '10', '5'], FAIL('pseudo-fix', 3))
check(not all_pass(t1, rec['hidden_tests']['code']), 'hidden catches t1')


# ---------------------------------------------------------------- planning
def plan(rid, pid, alternatives, chosen, steps, code, expect, complexity=None, tests=None):
    prob, entry, ref, t = P(pid)
    tests = tests or t
    check(all_pass(code, tests['code']), f'{rid} code passes')
    rec = {'task': 'planning', 'id': rid, 'entry_point': entry, 'problem': prob, 'alternatives': alternatives,
           'chosen': chosen, 'plan': [{'step': s, 'code_refs': r} for s, r in steps]}
    if complexity:
        rec['complexity'] = complexity
    rec['code'] = code
    rec['tests'] = tests
    add(rec, expect)


lps_code = ("def lps(str1):\n    n = len(str1)\n    dp = [[0] * n for _ in range(n)]\n"
            "    for i in range(n - 1, -1, -1):\n        dp[i][i] = 1\n        for j in range(i + 1, n):\n"
            "            if str1[i] == str1[j]:\n                dp[i][j] = dp[i + 1][j - 1] + 2\n"
            "            else:\n                dp[i][j] = max(dp[i + 1][j], dp[i][j - 1])\n"
            "    return dp[0][n - 1]\n")
plan('ho-plan-sound-lps', 'Mbpp/247',
     [{'approach': 'enumerate every subsequence and keep the longest one that reads the same backwards',
       'complexity': 'O(2^n)', 'rejected_for': 'time', 'reason': '2^n subsequences, hopeless past ~25 characters'},
      {'approach': 'longest common subsequence of the string and its reverse', 'complexity': 'O(n^2)',
       'rejected_for': 'simplicity', 'reason': 'same quadratic table plus a reversed copy; the interval DP says '
                                                'directly what is computed'}],
     {'approach': 'interval DP: dp[i][j] is the answer for str1[i..j], filled with i decreasing',
      'reason': 'each cell needs only dp[i+1][j-1], dp[i+1][j] and dp[i][j-1], all computed before it'},
     [('n = len(str1) and an n x n table of zeros', ['n', 'dp']),
      ('walk i from n-1 down to 0; a single character is a palindrome of length 1', ['i']),
      ('for each j > i: equal ends extend the inner answer by 2, else keep the better of dropping one end',
       ['j', 'max']),
      ('the answer for the whole string is dp[0][n-1]', ['dp'])],
     lps_code, PASS,
     complexity={'time': 'O(n^2)', 'input_builder': "lambda n: (''.join(random.choice('abcd') for _ in range(n)),)"})

px_code = ("def pair_xor_Sum(arr, n):\n    ans = 0\n    for bit in range(32):\n        ones = 0\n"
           "        for k in range(n):\n            if (arr[k] >> bit) & 1:\n                ones += 1\n"
           "        ans += ones * (n - ones) * (1 << bit)\n    return ans\n")
plan('ho-plan-sound-pair-xor-bits', 'Mbpp/633',
     [{'approach': 'xor every pair (i, j) with i < j and add it up', 'complexity': 'O(n^2)', 'rejected_for': 'time',
       'reason': 'quadratic in the list length'}],
     {'approach': 'count, for each of the 32 bit positions, how many numbers have the bit set; a pair contributes '
                  'that bit exactly when one has it and the other does not',
      'reason': 'ones * (n - ones) pairs per bit, so one pass per bit: linear in n for 32-bit values'},
     [('start the total at 0', ['ans']),
      ('for every bit position, count the numbers with that bit set', ['bit', 'ones', 'k']),
      ('add ones * (n - ones) pairs times the bit value 1 << bit', ['ans', 'ones', 'n']),
      ('return the total', ['ans'])],
     px_code, PASS,
     complexity={'time': 'O(n)', 'input_builder': 'lambda n: ([random.randrange(1 << 20) for _ in range(n)], n)'})

ms_code = ("def merge_sorted_list(num1, num2, num3):\n    merged = num1 + num2 + num3\n"
           "    return sorted(merged)\n")
plan('ho-plan-sound-merge-sorted', 'Mbpp/108',
     [{'approach': 'heapq.merge of the three lists', 'complexity': 'O(n log n)', 'rejected_for': 'correctness',
       'reason': 'heapq.merge assumes each input is already sorted; the lists in the tests are not '
                 '([25, 24, 15, ...])'},
      {'approach': 'insertion sort of the concatenation', 'complexity': 'O(n^2)', 'rejected_for': 'time',
       'reason': 'quadratic number of shifts on unsorted input'}],
     {'approach': 'concatenate the three lists and sort once with sorted()',
      'reason': 'Timsort, O(n log n), and it handles unsorted inputs'},
     [('concatenate the three lists', ['merged']), ('sort the result with sorted()', ['sorted'])],
     ms_code, PASS,
     complexity={'time': 'O(n log n)',
                 'input_builder': 'lambda n: ([random.randint(0, 10**6) for _ in range(n)], '
                                  '[random.randint(0, 10**6) for _ in range(n)], '
                                  '[random.randint(0, 10**6) for _ in range(n)])'})

# flaw 1: max_sum is quadratic (two nested loops per direction), claimed O(n)
mx = MBPP['Mbpp/245']['solution']
plan('ho-plan-flaw-complexity', 'Mbpp/245',
     [{'approach': 'try every peak and every increasing/decreasing subsequence around it', 'complexity': 'O(2^n)',
       'rejected_for': 'time', 'reason': 'exponentially many subsequences'}],
     {'approach': 'two DP passes: best increasing-sum subsequence ending at i, best decreasing-sum subsequence '
                  'starting at i; combine at each peak',
      'reason': 'each array is filled in one sweep over the list, then one zip combines them'},
     [('MSIBS[i]: max sum of an increasing subsequence ending at i, from earlier j with arr[j] < arr[i]',
       ['MSIBS', 'arr']),
      ('MSDBS[i]: the same from the right end, for decreasing subsequences starting at i', ['MSDBS']),
      ('answer: max over i of MSIBS[i] + MSDBS[i] - arr[i] (the peak is counted twice)', ['max_sum', 'zip'])],
     mx, FAIL('inconsistent-step', 5),
     complexity={'time': 'O(n)', 'input_builder': 'lambda n: ([random.randint(1, 1000) for _ in range(n)],)'})

# flaw 2: a plan step names a table `dp` that the code calls `T`
gt = MBPP['Mbpp/239']['solution']
plan('ho-plan-flaw-code-refs', 'Mbpp/239',
     [{'approach': 'generate every sequence recursively, doubling the lower bound at each step',
       'rejected_for': 'time', 'reason': 'the number of sequences grows very fast with m'}],
     {'approach': 'DP over (largest allowed value i, length j)',
      'reason': 'sequences of length j with last element <= i either do not use i, or end in i with a prefix '
                'ending at most i//2'},
     [('a table T of size (m+1) x (n+1) filled with zeros', ['T', 'm', 'n']),
      ('dp[i][j] = dp[i-1][j] + dp[i//2][j-1], with dp[i][1] = i and 0 when i < j', ['dp', 'i', 'j']),
      ('return the entry for (m, n)', ['T'])],
     gt, FAIL('inconsistent-step', 3))

# flaw 3: the linear prefix-count method is rejected "for time" in favour of the quadratic brute force
cs_code = ("def count_Substrings(s):\n    n = len(s)\n    count = 0\n    for i in range(n):\n"
           "        digit_sum = 0\n        for j in range(i, n):\n            digit_sum += int(s[j])\n"
           "            if digit_sum == j - i + 1:\n                count += 1\n    return count\n")
plan('ho-plan-flaw-rejected-faster', 'Mbpp/61',
     [{'approach': 'prefix sums of (digit - 1) with a hash map counting equal prefix values', 'complexity': 'O(n)',
       'rejected_for': 'time', 'reason': 'a dictionary lookup per character is slower than plain integer '
                                         'additions, so the hash map would be the slower option'}],
     {'approach': 'for every start i, extend j and keep a running digit sum; count when it equals the length',
      'reason': 'simple running sums, no hashing'},
     [('for each start index i reset the running sum', ['i', 'digit_sum']),
      ('extend j from i, adding int(s[j]); count the substring when the sum equals j - i + 1',
       ['j', 'digit_sum', 'count']),
      ('return the count', ['count'])],
     cs_code, FAIL('logical-leap', 0),
     complexity={'time': 'O(n^2)', 'input_builder': "lambda n: (''.join(random.choice('0123') for _ in range(n)),)"})


# ---------------------------------------------------------------- implementation
def impl(rid, pid, requirements, approach, functions, edge_cases, code, hidden_args, expect, input_domain=None,
         hidden_code=None):
    prob, entry, ref, tests = P(pid)
    ecs = []
    for callx, claim, reason in edge_cases:
        ecs.append({'call': callx, 'expected': claim, 'reason': reason})
    rec = {'task': 'implementation', 'id': rid, 'problem': prob, 'entry_point': entry,
           'requirements': requirements, 'design': {'approach': approach, 'functions': functions},
           'edge_cases': ecs, 'code': code, 'tests': tests,
           'hidden_tests': hidden_code or hidden(ref, entry, hidden_args), 'reference': ref}
    if input_domain:
        rec['input_domain'] = input_domain
    add(rec, expect)
    return rec, ref


def refval(pid, expr):
    return repr(call(MBPP[pid]['solution'], expr))


ci_code = ("def check_integer(text):\n    text = text.strip()\n    if not text:\n        return None\n"
           "    if text[0] in '+-':\n        text = text[1:]\n    return text.isdigit()\n")
ecs = [('check_integer("-42")', None, 'one leading sign is allowed'),
       ('check_integer("  7 ")', None, 'surrounding whitespace is stripped first'),
       ('check_integer("")', None, 'nothing left after stripping: no answer, None'),
       ('check_integer("+")', None, 'a sign with no digits is not an integer')]
ecs = [(c, refval('Mbpp/113', c), r) for c, _, r in ecs]
check([e[1] for e in ecs] == ['True', 'True', 'None', 'False'], ecs)
impl('ho-impl-sound-check-integer', 'Mbpp/113',
     ['Strip surrounding whitespace.', 'An empty string after stripping gives None.',
      'Allow one leading + or - sign; the rest must be decimal digits.'],
     'Strip, handle the empty case, drop one sign character, then str.isdigit().',
     [{'name': 'check_integer', 'role': 'the whole check', 'calls': []}],
     ecs, ci_code, ['"-0"', '"+15"', '"1.5"', '" "', '"--3"', '"12a"'], PASS)

gc_code = ("from itertools import product\n\n\ndef neighbours(c):\n    return range(c - 1, c + 2)\n\n\n"
           "def get_coordinates(test_tup):\n    return [list(p) for p in product(*map(neighbours, test_tup))]\n")
ecs = [('get_coordinates((0, 0))', None, 'coordinates may go negative'),
       ('get_coordinates((7,))', None, 'one dimension: three neighbours'),
       ('get_coordinates((1, 1, 1))', None, 'three dimensions: 27 points in lexicographic order')]
ecs = [(c, refval('Mbpp/630', c), r) for c, _, r in ecs]
check(call(gc_code, 'get_coordinates((1, 1, 1))') == call(MBPP['Mbpp/630']['solution'], 'get_coordinates((1, 1, 1))'), 'gc')
impl('ho-impl-sound-get-coordinates', 'Mbpp/630',
     ['Return every point whose coordinates each differ from the given one by -1, 0 or +1, the point included.',
      'Points are lists, in lexicographic order (first coordinate slowest).'],
     'Cartesian product of the three neighbour values of each coordinate.',
     [{'name': 'neighbours', 'role': 'c-1, c, c+1 for one coordinate', 'calls': []},
      {'name': 'get_coordinates', 'role': 'product of the neighbour ranges, as lists',
       'calls': ['neighbours', 'product']}],
     ecs, gc_code, ['(0, 5)', '(-3, 2)', '(9,)', '(2, 2, 2)'], PASS)

sq_code = ("import math\n\n\ndef perfect_squares(a, b):\n    if a > b:\n        a, b = b, a\n    if b < 0:\n"
           "        return []\n    lo = max(a, 0)\n    start = math.isqrt(lo)\n    if start * start < lo:\n"
           "        start += 1\n    return [k * k for k in range(start, math.isqrt(b) + 1)]\n")
ecs = [('perfect_squares(30, 1)', None, 'bounds in either order'),
       ('perfect_squares(-10, 10)', None, 'negative lower bound: squares start at 0'),
       ('perfect_squares(-9, -1)', None, 'no squares below zero')]
ecs = [(c, refval('Mbpp/589', c), r) for c, _, r in ecs]
impl('ho-impl-sound-perfect-squares', 'Mbpp/589',
     ['Return the perfect squares in the closed interval between the two numbers, ascending.',
      'The two bounds may come in either order; negative bounds contribute nothing.'],
     'Integer square roots of the two bounds give the range of roots; square them.',
     [{'name': 'perfect_squares', 'role': 'normalise the bounds, then list k*k for the roots in range',
       'calls': ['math.isqrt']}],
     ecs, sq_code, ['0, 0', '2, 3', '15, 17', '-4, 1', '99, 121'], PASS,
     input_domain='lambda a, b: isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool) '
                  'and not isinstance(b, bool) and -10000 <= a <= 10000 and -10000 <= b <= 10000')

# flaw 1: an edge-case value asserted, never computed: a one-bit number gives 3 ('1' + '' + '1'), not 1
tb_code = ("def toggle_middle_bits(n):\n    bits = bin(n)[2:]\n"
           "    middle = ''.join('1' if b == '0' else '0' for b in bits[1:-1])\n"
           "    return int(bits[0] + middle + bits[-1], 2)\n")
real1 = refval('Mbpp/735', 'toggle_middle_bits(1)')
check(real1 == '3', real1)
ecs = [('toggle_middle_bits(6)', refval('Mbpp/735', 'toggle_middle_bits(6)'), '110: the single middle bit flips'),
       ('toggle_middle_bits(1)', '1', 'a single bit has no middle bits, nothing to toggle'),
       ('toggle_middle_bits(2)', refval('Mbpp/735', 'toggle_middle_bits(2)'), 'two bits: no middle bits')]
impl('ho-impl-flaw-edge-value', 'Mbpp/735',
     ['Flip every bit of n except its most significant and its least significant bit.'],
     'Work on the binary string: keep the first and last characters, invert the ones in between.',
     [{'name': 'toggle_middle_bits', 'role': 'string-based toggle', 'calls': []}],
     ecs, tb_code, ['5', '3', '100', '255'], FAIL('hallucinated-step', 3),
     input_domain='lambda n: isinstance(n, int) and not isinstance(n, bool) and n >= 1')

# flaw 2: dif_Square as "n is odd": passes the visible tests, wrong for multiples of 4
ds_code = "def dif_Square(n):\n    return n % 2 == 1\n"
ecs = [('dif_Square(1)', refval('Mbpp/72', 'dif_Square(1)'), '1 = 1^2 - 0^2'),
       ('dif_Square(6)', refval('Mbpp/72', 'dif_Square(6)'), '6 is 2 mod 4: no representation')]
check(all_pass(ds_code, MBPP['Mbpp/72']['tests']['code']), 'ds visible')
rec, _ = impl('ho-impl-flaw-pseudo-fix', 'Mbpp/72',
              ['Return True when n = a^2 - b^2 for some integers a, b, else False.'],
              'a^2 - b^2 = (a - b)(a + b); the two factors have the same parity, so the odd numbers are exactly '
              'the representable ones.',
              [{'name': 'dif_Square', 'role': 'parity test', 'calls': []}],
              ecs, ds_code, ['4', '8', '12', '7', '14', '0'], FAIL('pseudo-fix', 4),
              input_domain='lambda n: isinstance(n, int) and not isinstance(n, bool) and n >= 0')
check(not all_pass(ds_code, rec['hidden_tests']['code']), 'ds hidden')

# flaw 3: reduce used without importing it from functools
fr_code = "def find_remainder(arr, n):\n    return reduce(lambda x, y: (x * y) % n, arr, 1) % n\n"
ecs = [('find_remainder([7], 5)', refval('Mbpp/471', 'find_remainder([7], 5)'), 'single element: just 7 mod 5'),
       ('find_remainder([2, 3, 4], 1)', refval('Mbpp/471', 'find_remainder([2, 3, 4], 1)'), 'everything is 0 mod 1')]
impl('ho-impl-flaw-undefined-name', 'Mbpp/471',
     ['Return the product of all elements of arr, modulo n.'],
     'Fold the list with reduce, reducing modulo n at every step so the intermediate product stays small.',
     [{'name': 'find_remainder', 'role': 'fold with a modular product', 'calls': ['reduce']}],
     ecs, fr_code, ['[3, 4, 5], 7', '[10, 10], 3', '[6], 4'], FAIL('hallucinated-step', 4),
     input_domain='lambda arr, n: isinstance(arr, list) and len(arr) > 0 and isinstance(n, int) and n > 0')


# ---------------------------------------------------------------- quality-evaluation
def qe(rid, pid, code, observations, verdict, rationale, expect, hidden_args=None, input_domain=None,
       hidden_code=None):
    prob, entry, ref, tests = P(pid)
    rec = {'task': 'quality-evaluation', 'id': rid, 'problem': prob, 'entry_point': entry, 'code': code,
           'tests': tests}
    if hidden_args or hidden_code:
        rec['hidden_tests'] = hidden_code or hidden(ref, entry, hidden_args)
    rec['reference'] = ref
    if input_domain:
        rec['input_domain'] = input_domain
    rec['observations'] = observations
    rec['verdict'] = verdict
    rec['rationale'] = rationale
    add(rec, expect)


def flen(code, fname):
    lines = code.split('\n')
    start = [i for i, l in enumerate(lines) if l.startswith(f'def {fname}(')][0]
    end = start
    for i in range(start + 1, len(lines)):
        if lines[i].strip() and (lines[i][0] in ' \t'):
            end = i
        elif lines[i].strip():
            break
    return end - start + 1


fa_code = ("def find_Average_Of_Cube(n):\n    total = 0\n    for i in range(1, n + 1):\n        total += i ** 3\n"
           "    return total // n\n")
act = repr(call(fa_code, 'find_Average_Of_Cube(2)'))
exp_ = repr(call(MBPP['Mbpp/422']['solution'], 'find_Average_Of_Cube(2)'))
check((act, exp_) == ('4', '4.5'), (act, exp_))
qe('ho-qe-sound-floor-division', 'Mbpp/422', fa_code,
   [{'kind': 'bug', 'call': 'find_Average_Of_Cube(2)', 'expected': exp_, 'actual': act,
     'description': 'floor division truncates the average: (1 + 8) // 2 is 4, not 4.5'},
    {'kind': 'nesting-depth', 'function': 'find_Average_Of_Cube', 'depth': 1, 'description': 'one for loop'},
    {'kind': 'function-length', 'function': 'find_Average_Of_Cube', 'lines': flen(fa_code, 'find_Average_Of_Cube'),
     'description': 'short and direct'}],
   'low', 'Wrong whenever the sum of cubes is not a multiple of n (every even n > 0 with an odd sum); '
          '`//` must be `/`.', PASS, hidden_args=['4', '6', '7'])

qe('ho-qe-sound-lps-high', 'Mbpp/247', lps_code,
   [{'kind': 'nesting-depth', 'function': 'lps', 'depth': 3,
     'description': 'for i, for j, then the if/else comparing the ends'},
    {'kind': 'function-length', 'function': 'lps', 'lines': flen(lps_code, 'lps'),
     'description': 'compact interval DP'},
    {'kind': 'remark', 'text': 'names are terse (str1, dp) but the recurrence is the textbook one'}],
   'high', 'Standard O(n^2) interval DP; correct recurrence, base case on the diagonal, no dead code.', PASS,
   hidden_args=["'A'", "'AB'", "'BBABCBCAB'", "'racecar'"])

ls_code = ("import math\n\n\ndef largest_subset(a):\n    n = len(a)\n    dp = [0 for _ in range(n)]\n"
           "    dp[n - 1] = 1\n    for i in range(n - 2, -1, -1):\n        mxm = 0\n        for j in range(i + 1, n):\n"
           "            if a[j] % a[i] == 0:\n                mxm = max(mxm, dp[j])\n        dp[i] = 1 + mxm\n"
           "    return max(dp)\n")
act = repr(call(ls_code, 'largest_subset([10, 5, 3, 15, 20])'))
exp_ = repr(call(MBPP['Mbpp/620']['solution'], 'largest_subset([10, 5, 3, 15, 20])'))
check(act != exp_, (act, exp_))
qe('ho-qe-sound-one-sided-divisibility', 'Mbpp/620', ls_code,
   [{'kind': 'unused-name', 'name': 'math', 'description': 'imported, never used'},
    {'kind': 'bug', 'call': 'largest_subset([10, 5, 3, 15, 20])', 'expected': exp_, 'actual': act,
     'description': 'only checks that a later element is a multiple of an earlier one; on unsorted input the '
                    'pair (10, 5) is missed'},
    {'kind': 'nesting-depth', 'function': 'largest_subset', 'depth': 3, 'description': 'for, for, if'}],
   'low', 'The divisibility test is one-sided, so the answer depends on the input order; also a dead import.',
   PASS)

# flaw 1: an observation about a function `adjacent` the code does not have (it is `adjac`)
gcref = MBPP['Mbpp/630']['solution']
qe('ho-qe-flaw-missing-function', 'Mbpp/630', gcref,
   [{'kind': 'function-length', 'function': 'adjacent', 'lines': flen(gcref, 'adjac'),
     'description': 'the recursive generator is short'},
    {'kind': 'remark', 'text': 'mutable default argument sub = [] is never mutated, so it is harmless here'}],
   'high', 'Recursive generator over the dimensions; correct for any number of coordinates.',
   FAIL('hallucinated-step', 0), hidden_args=['(0, 0)', '(1,)', '(2, 2, 2)'])

# flaw 2: nesting depth miscounted (the if inside the two loops is forgotten)
mxref = MBPP['Mbpp/245']['solution']
qe('ho-qe-flaw-nesting-miscount', 'Mbpp/245', mxref,
   [{'kind': 'nesting-depth', 'function': 'max_sum', 'depth': 2, 'description': 'two nested loops per direction'},
    {'kind': 'function-length', 'function': 'max_sum', 'lines': flen(mxref, 'max_sum'),
     'description': 'one function holds both passes and the combination'}],
   'high', 'Classic two-pass bitonic DP, correct on increasing, decreasing and mixed inputs.',
   FAIL('inconsistent-step', 0), hidden_args=['[1, 2, 3]', '[3, 2, 1]', '[5]', '[1, 3, 2, 4, 1]'])

# flaw 3: "high" for a one-liner that accepts several signs ("--5")
ck_code = "def check_integer(text):\n    return text.strip().lstrip('+-').isdigit()\n"
hc = {'kind': 'assert', 'code': 'assert check_integer("--5") == False\nassert check_integer("-12") == True\n'
                                'assert check_integer("+7") == True\n'}
check(all_pass(MBPP['Mbpp/113']['solution'], hc['code']) and not all_pass(ck_code, hc['code']), 'ck')
check(all_pass(ck_code, MBPP['Mbpp/113']['tests']['code']), 'ck visible')
qe('ho-qe-flaw-high-on-buggy', 'Mbpp/113', ck_code,
   [{'kind': 'function-length', 'function': 'check_integer', 'lines': 2, 'description': 'a one-liner'},
    {'kind': 'nesting-depth', 'function': 'check_integer', 'depth': 0, 'description': 'no control flow'},
    {'kind': 'remark', 'text': 'idiomatic use of str methods'}],
   'high', 'Strips whitespace and the sign, then checks the digits: concise and correct.',
   FAIL('logical-leap', 3), hidden_code=hc)


# ---------------------------------------------------------------- difficulty-estimation
def diff(rid, cid, constraints, algorithm, factors, label, score, expect):
    r = CC[cid]
    rec = {'task': 'difficulty-estimation', 'id': rid, 'problem': r['prompt'], 'constraints': constraints}
    if algorithm:
        rec['algorithm'] = algorithm
    rec.update({'factors': [{'kind': k, 'detail': d} for k, d in factors], 'label': label, 'score': score,
                'solutions': [r['solution']], 'tests': {'kind': 'io', 'cases': r['tests']['cases'][:3]}})
    add(rec, expect)


diff('ho-diff-sound-1141A', 'codecontests/1141_A',
     [{'name': 'n', 'max': 500000000}, {'name': 'm', 'max': 500000000}],
     {'class': 'number-theory', 'complexity': 'O(log n)'},
     [('direct-formula', 'm must be n * 2^a * 3^b; the answer is a + b'),
      ('single-loop', 'divide m/n by 2 and by 3 while possible')], 'easy', 2, PASS)
diff('ho-diff-sound-1054D', 'codecontests/1054_D',
     [{'name': 'n', 'max': 200000}, {'name': 'k', 'max': 30}],
     {'class': 'hashing', 'complexity': 'O(n)'},
     [('known-algorithm', 'prefix XORs: a segment has XOR 0 iff two prefixes are equal'),
      ('non-obvious-insight', 'flipping a_i toggles a prefix between p and its complement; split each '
                              '{p, ~p} class as evenly as possible'),
      ('large-input', 'n up to 2*10^5')], 'medium', 6, PASS)
diff('ho-diff-sound-1174E', 'codecontests/1174_E',
     [{'name': 'n', 'max': 1000000}],
     {'class': 'dp', 'complexity': 'O(n log n)'},
     [('non-obvious-insight', 'the first element must be 2^k or 3*2^(k-1) and the prefix GCDs halve each time'),
      ('combinatorics-proof', 'count placements of the elements divisible by each prefix GCD'),
      ('modular-arithmetic', 'answer modulo 10^9+7'), ('large-input', 'n up to 10^6')], 'hard', 9, PASS)
# flaw 1: |s2| is bounded by 10^6 (scraped "106"), read as 10^5
diff('ho-diff-flaw-constraint', 'codecontests/91_A',
     [{'name': '|s1|', 'max': 10000}, {'name': '|s2|', 'max': 100000}],
     {'class': 'greedy', 'complexity': 'O(n)'},
     [('known-algorithm', 'next-occurrence table over s1, then a greedy scan of s2'),
      ('large-input', 's2 up to 10^5 characters')], 'medium', 4, FAIL('inconsistent-step', 0))
# flaw 2: O(n) trial division with n up to 10^12
diff('ho-diff-flaw-algorithm', 'codecontests/1242_A',
     [{'name': 'n', 'max': 1000000000000}],
     {'class': 'number-theory', 'complexity': 'O(n)'},
     [('non-obvious-insight', 'the answer is p when n is a power of a prime p, 1 when n has two prime factors, '
                              'n when n is 1'),
      ('large-input', 'n up to 10^12')], 'medium', 5, FAIL('inconsistent-step', 1))
# flaw 3: "hard" while every cited factor is moderate
diff('ho-diff-flaw-label', 'codecontests/15_C',
     [{'name': 'n', 'max': 100000}],
     None,
     [('known-algorithm', 'Nim: first player wins iff the XOR of all piles is non-zero'),
      ('careful-implementation', 'XOR of a range x..x+m-1 in O(1) from the prefix-XOR period of 4'),
      ('large-input', 'n up to 10^5 quarries, x_i and m_i up to 10^16')], 'hard', 7, FAIL('logical-leap', 2))


# ---------------------------------------------------------------- unit-test-walkthrough
def walk_record(rid, pid, test, picks, expect, edit=None, problem=True):
    """picks(events) -> list of (event index, var names to claim, explanation)."""
    prob, entry, code, _ = P(pid)
    events, ok = trace(code, test, entry)
    # what a reader narrates: lines of the named functions (no comprehension/lambda frames), and no run of a
    # `for` line that only finds its iterator exhausted
    events = [e for e in events if not e[0].startswith('<')]
    events = [e for k, e in enumerate(events)
              if not (line_text(code, e[1]).startswith('for ') and k + 1 < len(events)
                      and events[k + 1][1] != e[1] + 1)]
    steps = []
    for ei, names, expl in picks(events):
        fn, ln, vars_, ret = events[ei]
        s = {'line': ln, 'code': line_text(code, ln)}
        if names:
            s['vars'] = {k: vars_[k] for k in names}
        if ret is not None:
            s['returns'] = ret
        if expl:
            s['explanation'] = expl
        steps.append(s)
    top = [e for e in events if e[0] == entry and e[3] is not None]
    rec = {'task': 'unit-test-walkthrough', 'id': rid, 'problem': prob, 'code': code, 'entry_point': entry,
           'test': test, 'steps': steps, 'predicted_return': top[-1][3] if top else None,
           'predicted_verdict': 'pass' if ok else 'fail'}
    if edit:
        edit(rec, events)
    add(rec, expect)
    return rec, events


def all_events(names_of):
    def picks(events):
        return [(i, names_of(e), None) for i, e in enumerate(events)]
    return picks


# sound 1: pair_xor_Sum([7,3], [7,3,5]) narrated in full
walk_record('ho-walk-sound-pair-xor', 'Mbpp/633', 'assert pair_xor_Sum([7,3,5],3) == 12',
            all_events(lambda e: [k for k in ('i', 'j', 'ans') if k in e[2]]), PASS)


# sound 2: get_total_number_of_sequences(5, 2): the interesting cells only
def gts_picks(events):
    out = []
    code = MBPP['Mbpp/239']['solution']
    rec_line = line_of(code, 'T[i][j] = T[i-1][j] + T[i//2][j-1]')
    base_line = line_of(code, 'T[i][j] = i')
    for i, (fn, ln, v, ret) in enumerate(events):
        if ln == base_line and v['i'] in ('1', '5'):
            out.append((i, ['i', 'j'], f"length-1 sequences with values up to {v['i']}: {v['i']} of them"))
        elif ln == rec_line:
            out.append((i, ['i', 'j'], None))
        elif ret is not None:
            out.append((i, [], 'T[5][2]'))
    return out


walk_record('ho-walk-sound-sequences', 'Mbpp/239', 'assert get_total_number_of_sequences(5, 2) == 6',
            gts_picks, PASS)

# sound 3: next_power_of_2(17)
walk_record('ho-walk-sound-next-power', 'Mbpp/167', 'assert next_power_of_2(17) == 32',
            all_events(lambda e: [k for k in ('n', 'res') if k in e[2]]), PASS)


# flaw 1: wind_chill(10, 8): 10^0.16 taken as 1.5 by hand (it is 1.4454), so the index is off (still rounds to 6)
def wc_edit(rec, events):
    hand = round(13.12 + 0.6215 * 8 - 11.37 * 1.5 + 0.3965 * 8 * 1.5, 3)
    check(int(round(hand, 0)) == 6, hand)
    s = rec['steps'][0]
    check('windchill' in s['vars'], s)
    s['vars'] = {'windchill': repr(hand)}
    s['explanation'] = f'10 ** 0.16 is about 1.5, so 13.12 + 4.972 - 17.055 + 4.758 = {hand}'


def wc_picks(events):
    return [(i, ['windchill'] if i == 0 else [], None) for i, e in enumerate(events)]


rec, ev = walk_record('ho-walk-flaw-hand-arithmetic', 'Mbpp/638', 'assert wind_chill(10,8)==6', wc_picks,
                      FAIL('arithmetic-error', 0), edit=wc_edit)
check(abs(float(ev[0][2]['windchill']) - float(rec['steps'][0]['vars']['windchill'])) > 0.3, ev[0])


# flaw 2: count_Substrings('111'): one step quotes the line after the one it numbers
def cs_edit(rec, events):
    s = rec['steps'][2]
    s['line'] = s['line'] - 1
    check(line_text(rec['code'], s['line']) != s['code'], s)


walk_record('ho-walk-flaw-line-off-by-one', 'Mbpp/61', "assert count_Substrings('111') == 6",
            all_events(lambda e: [k for k in ('i', 'sum', 'count') if k in e[2]]), FAIL('inconsistent-step', 2),
            edit=cs_edit)


# flaw 3: pair_xor_Sum([5,9,7,6],4): the pair (1, 1) narrated although j starts at i + 1
def px_edit(rec, events):
    code = rec['code']
    body = line_of(code, 'ans = ans + (arr[i] ^ arr[j])')
    idx = [k for k, s in enumerate(rec['steps']) if s['line'] == body and s['vars']['i'] == '1'][0]
    s = rec['steps'][idx]
    s['vars'] = {'i': '1', 'j': '1'}
    s['explanation'] = 'second row of pairs starts with 9 paired with itself'
    check(rec['steps'][idx - 1]['code'].startswith('for j'), rec['steps'][idx - 1])
    del rec['steps'][idx - 1]  # the narration goes from i = 1 straight to the (wrong) first pair of that row
    rec['_flaw_index'] = idx - 1


rec, _ = walk_record('ho-walk-flaw-impossible-state', 'Mbpp/633', 'assert pair_xor_Sum([5,9,7,6],4) == 47',
                     all_events(lambda e: [k for k in ('i', 'j', 'ans') if k in e[2]]), FAIL('hallucinated-step', 0),
                     edit=px_edit)
rec['expect']['firstWrongStep'] = rec.pop('_flaw_index')

# ---------------------------------------------------------------- write
ids = [r['id'] for r in records]
check(len(ids) == len(set(ids)) == 42, len(ids))
os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as fh:
    for r in records:
        fh.write(json.dumps(r, ensure_ascii=False) + '\n')
print(f'wrote {len(records)} records to {os.path.normpath(OUT)}')
