# ---------------- difficulty-estimation ----------------
def io_tests(r, k=6):
    return {"kind": "io", "cases": r["tests"]["cases"][:k]}

def mutant(r, old, new):
    m = r["solution"].replace(old, new, 1)
    assert m != r["solution"]
    assert not all(io_ok(m, r["tests"]["cases"][:6])), old
    return m

# S1: 9_A easy
r = cc("9_A")
emit({"task": "difficulty-estimation", "id": "ho2-diff-sound-die-roll", "problem": prompt(r),
      "constraints": [{"name": "Y", "max": 6}, {"name": "W", "max": 6}],
      "algorithm": {"class": "formula", "complexity": "O(1)"},
      "factors": [{"kind": "direct-formula", "detail": "(7 - max(Y, W)) / 6, reduced"}, {"kind": "small-input", "detail": "two die values"}],
      "label": "easy", "score": 1,
      "solutions": [r["solution"], r["solution"].replace("z = 7 - max(x, y)", "z = 7 - max(x, y)  # winning faces")],
      "tests": io_tests(r)}, PASS)

# S2: 91_A medium
r = cc("91_A")
emit({"task": "difficulty-estimation", "id": "ho2-diff-sound-newspaper", "problem": prompt(r),
      "constraints": [{"name": "|s1|", "max": 10000}, {"name": "|s2|", "max": 1000000}],
      "algorithm": {"class": "binary-search", "complexity": "O(n log n)"},
      "factors": [{"kind": "known-algorithm", "detail": "next-occurrence table or binary search over positions"},
                  {"kind": "large-input", "detail": "|s2| up to 10^6 rules out rescanning s1"},
                  {"kind": "edge-cases", "detail": "a letter missing from s1 gives -1; wrap exactly at the end"}],
      "label": "medium", "score": 4,
      "solutions": [r["solution"], mutant(r, "ans = 1", "ans = 0")], "tests": io_tests(r)}, PASS)

# S3: 477_C hard
r = cc("477_C")
emit({"task": "difficulty-estimation", "id": "ho2-diff-sound-dreamoon", "problem": prompt(r),
      "constraints": [{"name": "|s|", "max": 2000}, {"name": "|p|", "max": 500}],
      "algorithm": {"class": "dp", "complexity": "O(n^2)"},
      "factors": [{"kind": "advanced-dp", "detail": "dp over prefix length and number of deletions, with a greedy shortest window per occurrence"},
                  {"kind": "non-obvious-insight", "detail": "matching p greedily from the right end gives the cheapest deletion count"}],
      "label": "hard", "score": 8,
      "solutions": [r["solution"], mutant(r, "d[x][y] = max(d[x][y], d[x - 1][y])", "d[x][y] = d[x - 1][y]")], "tests": io_tests(r)}, PASS)

# F1: 902_B with n claimed up to 10^5 (statement: 2 <= n <= 10^4) -> inconsistent-step at 0
r = cc("902_B")
assert "2 ≤ n ≤ 104" in r["prompt"]
emit({"task": "difficulty-estimation", "id": "ho2-diff-flaw-tree-bound", "problem": prompt(r),
      "constraints": [{"name": "n", "max": 100000}],
      "algorithm": {"class": "graph-search", "complexity": "O(n)"},
      "factors": [{"kind": "single-loop", "detail": "count vertices whose colour differs from the parent's"},
                  {"kind": "large-input", "detail": "n up to 10^5"}],
      "label": "easy", "score": 3, "tests": io_tests(r), "solutions": [r["solution"]]}, FAIL("inconsistent-step", 0))

# F2: 893_E labelled hard with only moderate factors -> logical-leap at 2
r = cc("893_E")
emit({"task": "difficulty-estimation", "id": "ho2-diff-flaw-counting-arrays-label", "problem": prompt(r),
      "constraints": [{"name": "q", "max": 100000}, {"name": "xi", "max": 1000000}],
      "factors": [{"kind": "modular-arithmetic", "detail": "binomials modulo 10^9 + 7 with precomputed factorials"},
                  {"kind": "known-algorithm", "detail": "smallest-prime-factor sieve to 10^6"},
                  {"kind": "large-input", "detail": "10^5 queries"}],
      "label": "hard", "score": 7}, FAIL("logical-leap", 2))

# F3: 815_B row-by-row simulation O(n^2) at n = 2*10^5 -> inconsistent-step at 1
r = cc("815_B")
assert "1 ≤ n ≤ 200000" in r["prompt"]
emit({"task": "difficulty-estimation", "id": "ho2-diff-flaw-karen-quadratic", "problem": prompt(r),
      "constraints": [{"name": "n", "max": 200000}],
      "algorithm": {"class": "dp", "complexity": "O(n^2)"},
      "factors": [{"kind": "non-obvious-insight", "detail": "the sign pattern of each row depends on the parity of the row length"},
                  {"kind": "modular-arithmetic", "detail": "answer modulo 10^9 + 7"}],
      "label": "hard", "score": 7}, FAIL("inconsistent-step", 1))
