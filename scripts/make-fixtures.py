#!/usr/bin/python3
"""Generate the `vouch verify` fixtures in fixtures/verify/ from the shared dev slices of MBPP and CodeContests.

    /usr/bin/python3 scripts/make-fixtures.py [--data DIR] [--out DIR] [--check]

Stdlib only and deterministic: the same data gives byte-identical files. Every solution is run here with this
interpreter in a subprocess (5 s time-out), so the expectations baked into the fixtures are checked, not assumed:
references pass, wrong mutants fail at least one assert (or io case), edge cases behave as labelled.
`--check` only re-verifies the files already written (and prints the counts).

Files written:
  bench-mbpp.jsonl  <id>#ref, <id>#wrong, <id>#ref2 for each of the 60 MBPP problems (assert tests)
  demo.jsonl        a mixed, realistic batch (~24 records: passes, wrong answers, crashes, limits, hidden tests)
  pytest.jsonl      4 pytest-kind records (2 pass, 1 with a failing test, 1 SWE-bench style failToPass/passToPass)
  malformed.jsonl   3 valid records and 3 bad lines (not JSON, unknown tests.kind, numeric io output)
  README.md         what the files hold, how they were made, licences
"""
import argparse
import ast
import collections
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tokenize

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.normpath(os.path.join(ROOT, "..", "shared", "data"))
DEFAULT_OUT = os.path.join(ROOT, "fixtures", "verify")
PYTHON = sys.executable or "/usr/bin/python3"
TIMEOUT_S = 5.0
CC_FAST_S = 2.0
ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TZ": "UTC", "PYTHONHASHSEED": "0",
       "PYTHONDONTWRITEBYTECODE": "1"}


# ------------------------------------------------------------------ running code
def _limits(mem_bytes, fsize_bytes):
    def apply():
        resource.setrlimit(resource.RLIMIT_AS, (mem_bytes, mem_bytes))
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize_bytes, fsize_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return apply


Run = collections.namedtuple("Run", "status returncode stdout stderr seconds")  # status: ok|error|timeout


def run_python(files, main, stdin="", timeout=TIMEOUT_S, mem_mb=2048, fsize_mb=16):
    """Run `python3 main` in a fresh temp dir holding `files`; stdout/stderr go to files (an output flood is
    stopped by RLIMIT_FSIZE), memory is capped by RLIMIT_AS."""
    with tempfile.TemporaryDirectory(prefix="vouch-fixtures-") as d:
        for name, content in files.items():
            p = os.path.join(d, name)
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "w", encoding="utf-8") as f:
                f.write(content)
        out_p, err_p = os.path.join(d, ".stdout"), os.path.join(d, ".stderr")
        with open(out_p, "wb") as out, open(err_p, "wb") as err:
            t0 = time.monotonic()
            proc = subprocess.Popen([PYTHON, main], cwd=d, stdin=subprocess.PIPE, stdout=out, stderr=err, env=ENV,
                                    preexec_fn=_limits(mem_mb << 20, fsize_mb << 20), start_new_session=True)
            try:
                proc.communicate(stdin.encode("utf-8"), timeout=timeout)
                status = "ok" if proc.returncode == 0 else "error"
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, 9)
                proc.wait()
                status = "timeout"
            seconds = time.monotonic() - t0
        with open(out_p, "rb") as f:
            stdout = f.read(1 << 20).decode("utf-8", "replace")
        with open(err_p, "rb") as f:
            stderr = f.read(1 << 20).decode("utf-8", "replace")
    return Run(status, proc.returncode, stdout, stderr, seconds)


def last_exception(stderr):
    lines = [ln for ln in stderr.strip().splitlines() if ln and not ln.startswith(" ")]
    return lines[-1].split(":")[0] if lines else ""


def run_assert(code, tests, timeout=TIMEOUT_S):
    """Solution followed by its assert tests, as one script. Returns (verdict, run); verdict is
    pass | assert-fail (an AssertionError) | error (another exception, also at import) | timeout."""
    r = run_python({"main.py": code + "\n\n" + tests}, "main.py", timeout=timeout)
    if r.status == "ok":
        return "pass", r
    if r.status == "timeout":
        return "timeout", r
    return ("assert-fail" if last_exception(r.stderr) == "AssertionError" else "error"), r


def norm_lines(s):
    """The CodeContests comparison: trailing spaces on each line and trailing blank lines ignored."""
    lines = [ln.rstrip() for ln in s.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def run_io(code, cases, timeout=TIMEOUT_S):
    """Returns (verdict, max seconds per case): pass | wrong (some case's tokens differ, all exit 0) |
    error | timeout. A case passes when its lines match after rstrip; `wrong` needs a difference that survives
    even the most lenient whitespace comparison (token lists differ)."""
    worst, verdict = 0.0, "pass"
    for c in cases:
        r = run_python({"solution.py": code}, "solution.py", stdin=c["input"], timeout=timeout)
        worst = max(worst, r.seconds)
        if r.status == "timeout":
            return "timeout", worst
        if r.status == "error":
            return "error", worst
        if norm_lines(r.stdout) != norm_lines(c["output"]):
            if r.stdout.split() != c["output"].split():
                verdict = "wrong"
            elif verdict == "pass":
                verdict = "whitespace-only"
    return verdict, worst


# ------------------------------------------------------------------ mutations
def _tokens(src):
    try:
        return list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return []


def _replace(src, start, end, new):
    """Replace the text between two (line, col) positions (1-based lines, character columns)."""
    lines = src.splitlines(keepends=True)
    (l1, c1), (l2, c2) = start, end
    before = "".join(lines[: l1 - 1]) + lines[l1 - 1][:c1]
    after = lines[l2 - 1][c2:] + "".join(lines[l2:])
    return before + new + after


def _ast_pos(src, node):
    """ast positions are UTF-8 byte offsets; convert to character columns."""
    lines = src.splitlines(keepends=True)
    def col(lineno, off):
        return len(lines[lineno - 1].encode("utf-8")[:off].decode("utf-8", "replace"))
    return (node.lineno, col(node.lineno, node.col_offset)), (node.end_lineno, col(node.end_lineno, node.end_col_offset))


def _op_swaps(src, table):
    for tok in _tokens(src):
        if tok.type == tokenize.OP and tok.string in table:
            for new in table[tok.string]:
                yield _replace(src, tok.start, tok.end, new), f"line {tok.start[0]}: {tok.string} -> {new}"


def mut_comparison(src):
    yield from _op_swaps(src, {"<": ["<="], "<=": ["<"], ">": [">="], ">=": [">"], "==": ["!="], "!=": ["=="]})


def mut_range_bound(src):
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
             and n.func.id == "range" and 1 <= len(n.args) <= 3 and not n.keywords]
    calls.sort(key=lambda n: (n.lineno, n.col_offset))
    for call in calls:
        stop = call.args[0] if len(call.args) == 1 else call.args[1]
        seg = ast.get_source_segment(src, stop)
        if seg is None:
            continue
        start, end = _ast_pos(src, stop)
        options = []
        if isinstance(stop, ast.BinOp) and isinstance(stop.op, (ast.Add, ast.Sub)) and isinstance(stop.right, ast.Constant) \
                and type(stop.right.value) is int and stop.right.value > 0:
            # range(n + 1) -> range(n), range(n + 2) -> range(n + 1), range(n - 1) -> range(n) ...
            left, k, op = ast.get_source_segment(src, stop.left), stop.right.value, "+" if isinstance(stop.op, ast.Add) else "-"
            options += [left if k == 1 else f"{left} {op} {k - 1}", f"{left} {op} {k + 1}"]
        loose = isinstance(stop, (ast.BoolOp, ast.Compare, ast.IfExp, ast.Lambda, ast.NamedExpr)) or (
            isinstance(stop, ast.BinOp) and isinstance(stop.op, (ast.LShift, ast.RShift, ast.BitAnd, ast.BitOr, ast.BitXor)))
        base = f"({seg})" if loose else seg
        if not options:
            options += [f"{base} - 1", f"{base} + 1"]
        for new in options:
            if new:
                yield _replace(src, start, end, new), f"line {call.lineno}: range stop {seg} -> {new}"
        if len(call.args) >= 2 and isinstance(call.args[0], ast.Constant) and call.args[0].value in (0, 1):
            s0, e0 = _ast_pos(src, call.args[0])
            new = str(1 - call.args[0].value)
            yield _replace(src, s0, e0, new), f"line {call.lineno}: range start {call.args[0].value} -> {new}"


def mut_arithmetic(src):
    yield from _op_swaps(src, {"+": ["-"], "-": ["+"], "+=": ["-="], "-=": ["+="], "*": ["+"], "**": ["*"], "//": ["/"]})


def mut_return_variable(src):
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return
    for fn in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
        names = [a.arg for a in fn.args.args + fn.args.kwonlyargs]
        for n in ast.walk(fn):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store) and n.id not in names:
                names.append(n.id)
        for ret in sorted((n for n in ast.walk(fn) if isinstance(n, ast.Return) and isinstance(n.value, ast.Name)),
                          key=lambda n: (n.lineno, n.col_offset)):
            start, end = _ast_pos(src, ret.value)
            for other in names:
                if other != ret.value.id:
                    yield _replace(src, start, end, other), f"line {ret.lineno}: return {ret.value.id} -> {other}"


def mut_boolean(src):
    table = {"and": "or", "or": "and", "True": "False", "False": "True"}
    for tok in _tokens(src):
        if tok.type == tokenize.NAME and tok.string in table:
            yield _replace(src, tok.start, tok.end, table[tok.string]), f"line {tok.start[0]}: {tok.string} -> {table[tok.string]}"


def mut_call_swap(src):
    table = {"any": "all", "all": "any", "min": "max", "max": "min", "upper": "lower", "lower": "upper",
             "startswith": "endswith", "endswith": "startswith", "isdigit": "isalpha", "isalpha": "isdigit"}
    toks = _tokens(src)
    for i, tok in enumerate(toks):
        nxt = toks[i + 1].string if i + 1 < len(toks) else ""
        if tok.type == tokenize.NAME and tok.string in table and nxt == "(":
            yield _replace(src, tok.start, tok.end, table[tok.string]), f"line {tok.start[0]}: {tok.string}() -> {table[tok.string]}()"


def mut_constant(src):
    for tok in _tokens(src):
        if tok.type == tokenize.NUMBER and tok.string.isdigit():
            v = int(tok.string)
            for new in ([v + 1, v - 1] if v > 0 else [1]):
                yield _replace(src, tok.start, tok.end, str(new)), f"line {tok.start[0]}: {v} -> {new}"


MUTATIONS = [
    ("comparison", mut_comparison),
    ("range-off-by-one", mut_range_bound),
    ("arithmetic", mut_arithmetic),
    ("return-variable", mut_return_variable),
    ("boolean", mut_boolean),
    ("call-swap", mut_call_swap),
    ("constant", mut_constant),
]


def returns_none(src, entry_point):
    """The fallback mutant: the entry point's body starts with `return None`."""
    tree = ast.parse(src)
    for fn in tree.body:
        if isinstance(fn, ast.FunctionDef) and fn.name == entry_point and fn.body[0].lineno > fn.lineno:
            first = fn.body[0]
            line = src.splitlines(keepends=True)[first.lineno - 1]
            indent = line[: len(line) - len(line.lstrip())]
            lines = src.splitlines(keepends=True)
            lines.insert(first.lineno - 1, f"{indent}return None\n")
            return "".join(lines)
    return src.rstrip("\n") + f"\n\n\ndef {entry_point}(*args, **kwargs):\n    return None\n"


def _compiles(src):
    try:
        compile(src, "solution.py", "exec")
        return True
    except SyntaxError:
        return False


def find_mutant(src, fails):
    """First mutation (in MUTATIONS order, then source order) whose code compiles and `fails(code)` holds."""
    seen = {src}
    for kind, gen in MUTATIONS:
        for code, what in gen(src):
            if code in seen or not _compiles(code):
                continue
            seen.add(code)
            if fails(code):
                return kind, what, code
    return None


# ------------------------------------------------------------------ hand-written demo edge cases
SYNTAX_ERROR = '''
def power(a, b)
    result = 1
    for _ in range(b):
        result *= a
    return result
'''

IMPORT_ERROR = '''
# table of small values, filled at import time
_SMALL = {n: bin(n)[2:] for n in range(TABLE_SIZE)}


def decimal_to_binary(n):
    if n in _SMALL:
        return _SMALL[n]
    return bin(n).replace("0b", "")
'''

INFINITE_LOOP = '''
def next_power_of_2(n):
    res = 1
    while res < n:
        res * 2
    return res
'''

MEMORY_HOG = '''
def square_Sum(n):
    # a table of squares of the even numbers, "big enough" for any n
    squares = [0] * (128 * 1024 * 1024)  # 128 Mi list slots: ~1 GiB
    for i in range(1, n + 1):
        squares[i] = (2 * i) ** 2
    return sum(squares[: n + 1])
'''

PSEUDO_FIX = '''
def highest_Power_of_2(n):
    # the examples from the statement
    known = {10: 8, 19: 16, 32: 32}
    if n in known:
        return known[n]
    return n if n & (n - 1) == 0 else n - 1
'''
PSEUDO_FIX_PROBLEM = "Mbpp/388"
PSEUDO_FIX_HIDDEN_INPUTS = [1, 2, 3, 5, 7, 12, 64, 100, 1000, 1023, 1024, 4097]


def output_flood(ref):
    """A CodeContests reference whose last top-level print was put in a `while True` (a forgotten break)."""
    prints = [st for st in ast.parse(ref).body if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call)
              and isinstance(st.value.func, ast.Name) and st.value.func.id == "print" and st.lineno == st.end_lineno]
    if not prints:
        raise SystemExit("output_flood: the reference has no top-level print")
    lines = ref.split("\n")
    i = prints[-1].lineno - 1
    lines[i : i + 1] = ["while True:  # answer every query", "    " + lines[i].strip()]
    return "\n".join(lines)


# ------------------------------------------------------------------ pytest records
SLUGIFY = '''import re
import unicodedata


def slugify(text, sep="-", max_length=None):
    """ASCII slug: lower-case words joined by `sep`, accents folded, punctuation dropped."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.findall(r"[a-z0-9]+", text.lower())
    slug = sep.join(words)
    if max_length is not None and len(slug) > max_length:
        slug = slug[:max_length].rstrip(sep)
    return slug
'''

TEST_SLUGIFY = '''from solution import slugify


def test_simple_words():
    assert slugify("Hello World") == "hello-world"


def test_punctuation_is_dropped():
    assert slugify("Hello, World! How's it going?") == "hello-world-how-s-it-going"


def test_accents_are_folded():
    assert slugify("Crème brûlée à la carte") == "creme-brulee-a-la-carte"


def test_custom_separator():
    assert slugify("a b  c", sep="_") == "a_b_c"


def test_max_length_does_not_end_with_separator():
    assert slugify("one two three", max_length=8) == "one-two"


def test_empty_and_symbols_only():
    assert slugify("") == ""
    assert slugify("!!! ???") == ""
'''

INTERVALS = '''def merge_intervals(intervals):
    """Merge overlapping or touching [start, end] intervals; returns a sorted list of lists."""
    merged = []
    for start, end in sorted(intervals):
        if start > end:
            raise ValueError(f"bad interval [{start}, {end}]")
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def covered_length(intervals):
    return sum(end - start for start, end in merge_intervals(intervals))
'''

TEST_INTERVALS = '''import pytest

from solution import merge_intervals


def test_disjoint_stay_apart():
    assert merge_intervals([[5, 6], [1, 2]]) == [[1, 2], [5, 6]]


def test_overlapping_merge():
    assert merge_intervals([[1, 3], [2, 6], [8, 10], [15, 18]]) == [[1, 6], [8, 10], [15, 18]]


def test_touching_merge():
    assert merge_intervals([[1, 4], [4, 5]]) == [[1, 5]]


def test_contained_interval():
    assert merge_intervals([[1, 10], [2, 3], [4, 5]]) == [[1, 10]]


def test_bad_interval_raises():
    with pytest.raises(ValueError):
        merge_intervals([[3, 1]])
'''

TEST_COVERED = '''from solution import covered_length


def test_covered_length_counts_overlap_once():
    assert covered_length([[0, 5], [3, 8]]) == 8


def test_covered_length_empty():
    assert covered_length([]) == 0
'''

# (4, "IV") is missing from the table: test_subtractive_forms fails (4 -> "IIII"), the rest pass.
ROMAN = '''NUMERALS = [
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (1, "I"),
]


def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError("out of range")
    out = []
    for value, letters in NUMERALS:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(s):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = values[ch]
        if i + 1 < len(s) and values[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
'''

TEST_ROMAN = '''import pytest

from solution import from_roman, to_roman


def test_small_numbers():
    assert [to_roman(n) for n in (1, 2, 3, 5, 10)] == ["I", "II", "III", "V", "X"]


def test_year():
    assert to_roman(2023) == "MMXXIII"


def test_subtractive_forms():
    assert to_roman(4) == "IV"
    assert to_roman(1994) == "MCMXCIV"


def test_parse():
    assert from_roman("MMXXIII") == 2023
    assert from_roman("XLII") == 42


def test_out_of_range():
    with pytest.raises(ValueError):
        to_roman(0)
'''

DURATION_BEFORE = '''import re

UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_PART = re.compile(r"(\\d+)([dhms])")


def parse_duration(text):
    """'1h30m' -> 5400 seconds."""
    pos, total = 0, 0
    for m in _PART.finditer(text):
        if m.start() != pos:
            raise ValueError(f"bad duration: {text!r}")
        total += int(m.group(1)) * UNITS[m.group(2)]
        pos = m.end()
    if pos != len(text) or not text:
        raise ValueError(f"bad duration: {text!r}")
    return total
'''

DURATION_AFTER = '''import re

UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_PART = re.compile(r"\\s*(\\d+)\\s*([dhms])\\s*")


def parse_duration(text):
    """'1h30m' -> 5400 seconds; units are case-insensitive and may be separated by spaces."""
    text = text.lower()
    pos, total = 0, 0
    for m in _PART.finditer(text):
        if m.start() != pos:
            raise ValueError(f"bad duration: {text!r}")
        total += int(m.group(1)) * UNITS[m.group(2)]
        pos = m.end()
    if pos != len(text) or not text.strip():
        raise ValueError(f"bad duration: {text!r}")
    return total
'''

TEST_DURATION = '''import pytest

from solution import parse_duration


def test_simple_units():
    assert parse_duration("45s") == 45
    assert parse_duration("2m") == 120
    assert parse_duration("3h") == 10800


def test_combined():
    assert parse_duration("1d2h3m4s") == 93784


def test_invalid_raises():
    for bad in ["", "10", "5x", "h1"]:
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_uppercase_units():
    assert parse_duration("1H30M") == 5400


def test_spaces_between_parts():
    assert parse_duration("1h 30m") == 5400
    assert parse_duration(" 2 m ") == 120
'''

# A stand-in for the bit of pytest the test files use, so they can be checked with a bare python3.
PYTEST_SHIM = '''import contextlib


@contextlib.contextmanager
def raises(exc):
    try:
        yield
    except exc:
        return
    raise AssertionError(f"DID NOT RAISE {exc.__name__}")
'''

MINI_RUNNER = '''import importlib, inspect, json, sys
results = {}
for path in sys.argv[1:]:
    mod = importlib.import_module(path[:-3].replace("/", "."))
    for name, fn in inspect.getmembers(mod, inspect.isfunction):
        if name.startswith("test") and fn.__module__ == mod.__name__:
            try:
                fn()
                results[f"{path}::{name}"] = "pass"
            except Exception as e:
                results[f"{path}::{name}"] = "fail: " + type(e).__name__
print(json.dumps(results))
'''


def run_pytest_like(code, files):
    """Run the test functions of `files` against `code` as solution.py with a bare python3 (pytest shimmed):
    {node id: "pass" | "fail: Exc"}."""
    all_files = {"solution.py": code, "pytest.py": PYTEST_SHIM, "_mini_runner.py": MINI_RUNNER, **files}
    with tempfile.TemporaryDirectory(prefix="vouch-fixtures-") as d:
        for name, content in all_files.items():
            with open(os.path.join(d, name), "w", encoding="utf-8") as f:
                f.write(content)
        r = subprocess.run([PYTHON, "_mini_runner.py", *sorted(files)], cwd=d, env=ENV, capture_output=True,
                           text=True, timeout=TIMEOUT_S)
    if r.returncode != 0:
        raise SystemExit(f"pytest-like run crashed:\n{r.stderr}")
    return json.loads(r.stdout)


def pytest_records():
    return [
        {"id": "pytest/slugify", "language": "python", "code": SLUGIFY,
         "tests": {"kind": "pytest", "files": {"test_slugify.py": TEST_SLUGIFY}}},
        {"id": "pytest/intervals", "language": "python", "code": INTERVALS,
         "tests": {"kind": "pytest", "files": {"test_intervals.py": TEST_INTERVALS, "test_covered.py": TEST_COVERED}}},
        {"id": "pytest/roman-one-failing", "language": "python", "code": ROMAN,
         "tests": {"kind": "pytest", "files": {"test_roman.py": TEST_ROMAN}}},
        {"id": "pytest/duration-fix", "language": "python", "code": DURATION_AFTER,
         "tests": {"kind": "pytest", "files": {"test_duration.py": TEST_DURATION},
                   "failToPass": ["test_duration.py::test_uppercase_units",
                                  "test_duration.py::test_spaces_between_parts"],
                   "passToPass": ["test_duration.py::test_simple_units", "test_duration.py::test_combined",
                                  "test_duration.py::test_invalid_raises"]}},
    ]


# ------------------------------------------------------------------ building
def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def short_id(rec):
    src, num = rec["id"].split("/", 1)
    return ("mbpp/" if src.lower() == "mbpp" else "cc/") + num


def assert_record(rid, code, prob, **extra):
    rec = {"id": rid, "language": "python", "code": code}
    if prob.get("entry_point"):
        rec["entry_point"] = prob["entry_point"]
    rec["tests"] = {"kind": "assert", "code": prob["tests"]["code"]}
    rec.update(extra)
    return rec


def io_record(rid, code, prob):
    return {"id": rid, "language": "python", "code": code,
            "tests": {"kind": "io", "cases": [{"input": c["input"], "output": c["output"]} for c in prob["tests"]["cases"]],
                      "compare": "whitespace"}}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def build(data_dir):
    mbpp = load(os.path.join(data_dir, "mbpp_dev.jsonl"))
    cc = load(os.path.join(data_dir, "codecontests_dev.jsonl"))
    stats = collections.Counter()

    # --- MBPP: references must pass; one mutant each
    mutants = {}
    for p in mbpp:
        verdict, r = run_assert(p["solution"], p["tests"]["code"])
        if verdict != "pass":
            raise SystemExit(f"{p['id']}: reference does not pass ({verdict}): {r.stderr[-500:]}")
        found = find_mutant(p["solution"], lambda code: run_assert(code, p["tests"]["code"])[0] == "assert-fail")
        if found is None:
            code = returns_none(p["solution"], p["entry_point"])
            if run_assert(code, p["tests"]["code"])[0] != "assert-fail":
                raise SystemExit(f"{p['id']}: even the return-None version passes")
            found = ("return-none", f"{p['entry_point']} returns None", code)
        mutants[p["id"]] = found
        stats[found[0]] += 1
        log(f"{p['id']:12} {found[0]:17} {found[1]}")

    bench = []
    for p in mbpp:
        bench.append(assert_record(p["id"] + "#ref", p["solution"], p))
        bench.append(assert_record(p["id"] + "#wrong", mutants[p["id"]][2], p))
        bench.append(assert_record(p["id"] + "#ref2", p["solution"].rstrip("\n") + "\n# same reference, different bytes\n", p))

    # --- CodeContests: fast references, then wrong mutants
    fast = []
    for p in cc:
        verdict, worst = run_io(p["solution"], p["tests"]["cases"], timeout=CC_FAST_S)
        log(f"{p['id']:22} {verdict:8} {worst:.2f}s")
        if verdict == "pass" and worst < CC_FAST_S:
            fast.append(p)
        if len(fast) >= 12:
            break
    if len(fast) < 9:
        raise SystemExit(f"only {len(fast)} fast CodeContests references")
    cc_ref = fast[:6]
    cc_wrong = []
    for p in fast[6:]:
        found = find_mutant(p["solution"], lambda code: run_io(code, p["tests"]["cases"])[0] == "wrong")
        if found:
            cc_wrong.append((p, found))
            log(f"{p['id']:22} wrong via {found[0]}: {found[1]}")
        if len(cc_wrong) == 2:
            break
    if len(cc_wrong) < 2:
        raise SystemExit("could not mutate two CodeContests references into wrong answers")

    # --- demo
    by_id = {p["id"]: p for p in mbpp}
    edge_ids = {"Mbpp/93", "Mbpp/99", "Mbpp/167", "Mbpp/287", PSEUDO_FIX_PROBLEM}
    pool = [p for p in mbpp if p["id"] not in edge_ids]
    demo_ref = pool[:6]
    demo_wrong = [p for p in pool[6:] if mutants[p["id"]][0] != "return-none"][:4]

    ref388 = by_id[PSEUDO_FIX_PROBLEM]
    hidden = pseudo_fix_hidden_tests(ref388)

    demo = []
    demo += [assert_record(short_id(p), p["solution"], p) for p in demo_ref]
    demo += [io_record(short_id(p), p["solution"], p) for p in cc_ref]
    demo += [assert_record(short_id(p) + "-wrong", mutants[p["id"]][2], p) for p in demo_wrong]
    demo += [io_record(short_id(p) + "-wrong", m[2], p) for p, m in cc_wrong]
    demo += [
        assert_record("demo/syntax-error", SYNTAX_ERROR, by_id["Mbpp/93"]),
        assert_record("demo/import-error", IMPORT_ERROR, by_id["Mbpp/99"]),
        assert_record("demo/infinite-loop", INFINITE_LOOP, by_id["Mbpp/167"]),
        assert_record("demo/memory-hog", MEMORY_HOG, by_id["Mbpp/287"]),
        io_record("demo/output-flood", output_flood(cc_ref[0]["solution"]), cc_ref[0]),
        assert_record("demo/pseudo-fix", PSEUDO_FIX, ref388, hidden_tests={"kind": "assert", "code": hidden},
                      reference=ref388["solution"]),
    ]

    # --- malformed
    good = [assert_record(short_id(p), p["solution"], p) for p in mbpp[:3]]
    bad_kind = dict(assert_record("bad/unknown-kind", mbpp[3]["solution"], mbpp[3]))
    bad_kind["tests"] = {"kind": "nope", "code": mbpp[3]["tests"]["code"]}
    cc0 = cc_ref[1]
    bad_output = io_record("bad/numeric-output", cc0["solution"], cc0)
    bad_output["tests"]["cases"] = [{"input": "1\n", "output": 1}] + bad_output["tests"]["cases"][1:3]
    malformed_lines = [
        dumps(good[0]),
        '{"id": "bad/not-json", "language": "python", "code": "def f(x):\\n    return x',
        dumps(good[1]),
        dumps(bad_kind),
        dumps(good[2]),
        dumps(bad_output),
    ]

    info = {"stats": stats, "mutants": mutants, "cc_ref": cc_ref, "cc_wrong": cc_wrong, "demo_ref": demo_ref,
            "demo_wrong": demo_wrong}
    return bench, demo, pytest_records(), malformed_lines, info


def pseudo_fix_hidden_tests(prob):
    """Assert lines for inputs other than the visible ones, expected values computed with the reference."""
    ep = prob["entry_point"]
    probe = prob["solution"] + "\nimport json\nprint(json.dumps([%s(x) for x in %r]))\n" % (ep, PSEUDO_FIX_HIDDEN_INPUTS)
    r = run_python({"main.py": probe}, "main.py")
    if r.status != "ok":
        raise SystemExit(f"reference of {prob['id']} failed on hidden inputs: {r.stderr}")
    values = json.loads(r.stdout)
    return "".join(f"assert {ep}({x!r}) == {v!r}\n" for x, v in zip(PSEUDO_FIX_HIDDEN_INPUTS, values))


def dumps(rec):
    return json.dumps(rec, ensure_ascii=False)


def write_jsonl(path, recs):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in recs:
            f.write((r if isinstance(r, str) else dumps(r)) + "\n")


# ------------------------------------------------------------------ checking the written files
def check(out_dir):
    """Re-run every record of the written files with this python3 and compare with what its id promises."""
    ok = True
    counts = collections.Counter()

    def expect(cond, what):
        nonlocal ok
        if not cond:
            ok = False
            log("MISMATCH:", what)

    def verdict_of(rec, tests):
        if tests["kind"] == "assert":
            return run_assert(rec["code"], tests["code"])[0]
        return run_io(rec["code"], tests["cases"])[0]

    for rec in load(os.path.join(out_dir, "bench-mbpp.jsonl")):
        v = verdict_of(rec, rec["tests"])
        kind = rec["id"].rsplit("#", 1)[1]
        counts[f"bench #{kind} {'pass' if v == 'pass' else 'fail'}"] += 1
        expect((v == "pass") == (kind in ("ref", "ref2")), f"{rec['id']}: {v}")
        if kind == "wrong":
            expect(v == "assert-fail", f"{rec['id']}: wrong should fail an assert, got {v}")

    for rec in load(os.path.join(out_dir, "demo.jsonl")):
        rid = rec["id"]
        if rid == "demo/syntax-error":
            v = "syntax-error" if not _compiles(rec["code"]) else "compiles"
            expect(v == "syntax-error", rid)
        elif rid == "demo/memory-hog":
            # with a 512 MiB address-space cap the 1 GiB list cannot be allocated
            r = run_python({"main.py": rec["code"] + "\n" + rec["tests"]["code"]}, "main.py", mem_mb=512)
            v = "memory-error" if last_exception(r.stderr) == "MemoryError" else r.status
            expect(v == "memory-error", f"{rid}: {v}")
        elif rid == "demo/output-flood":
            c = rec["tests"]["cases"][0]
            r = run_python({"solution.py": rec["code"]}, "solution.py", stdin=c["input"], fsize_mb=1)
            # python3 ignores SIGXFSZ, so hitting the 1 MiB file-size cap shows as OSError EFBIG
            v = "flood" if "File too large" in r.stderr or len(r.stdout) >= 1 << 20 else r.status
            expect(v == "flood", f"{rid}: {v}")
        elif rid == "demo/pseudo-fix":
            v = verdict_of(rec, rec["tests"])
            hv = verdict_of(rec, rec["hidden_tests"])
            rv = run_assert(rec["reference"], rec["hidden_tests"]["code"])[0]
            expect(v == "pass" and hv == "assert-fail" and rv == "pass", f"{rid}: visible {v}, hidden {hv}, ref {rv}")
            v = f"visible {v}, hidden {hv}"
        else:
            v = verdict_of(rec, rec["tests"])
            want = {"demo/import-error": "error", "demo/infinite-loop": "timeout"}.get(rid)
            if want is None:
                want = ("assert-fail" if rec["tests"]["kind"] == "assert" else "wrong") if rid.endswith("-wrong") else "pass"
            expect(v == want, f"{rid}: {v}, expected {want}")
        log(f"  demo {rid:24} {v}")
    counts["demo records"] = len(load(os.path.join(out_dir, "demo.jsonl")))

    for rec in load(os.path.join(out_dir, "pytest.jsonl")):
        t = rec["tests"]
        res = run_pytest_like(rec["code"], t["files"])
        failing = sorted(k for k, v in res.items() if v != "pass")
        log(f"  pytest {rec['id']:24} {len(res) - len(failing)}/{len(res)} pass {failing}")
        if rec["id"].endswith("-failing"):
            expect(len(failing) == 1, f"{rec['id']}: failing {failing}")
        else:
            expect(not failing, f"{rec['id']}: failing {failing}")
        if "failToPass" in t:
            before = run_pytest_like(DURATION_BEFORE, t["files"])
            expect(all(before[n] != "pass" for n in t["failToPass"]), f"{rec['id']}: failToPass passes before the fix")
            expect(all(before[n] == "pass" for n in t["passToPass"]), f"{rec['id']}: passToPass fails before the fix")
            expect(set(t["failToPass"] + t["passToPass"]) <= set(res), f"{rec['id']}: unknown node ids")
        counts["pytest records"] += 1

    lines = open(os.path.join(out_dir, "malformed.jsonl"), encoding="utf-8").read().splitlines()
    parsed = 0
    for line in lines:
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            counts["malformed: not JSON"] += 1
            continue
        parsed += 1
        if rec["tests"]["kind"] == "assert" and not rec["id"].startswith("bad/"):
            v = run_assert(rec["code"], rec["tests"]["code"])[0]
            expect(v == "pass", f"malformed.jsonl {rec['id']}: {v}")
            counts["malformed: valid, pass"] += 1
    expect(len(lines) == 6 and counts["malformed: not JSON"] == 1 and counts["malformed: valid, pass"] == 3,
           "malformed.jsonl shape")

    for name in ("bench-mbpp.jsonl", "demo.jsonl", "pytest.jsonl", "malformed.jsonl", "README.md"):
        size = os.path.getsize(os.path.join(out_dir, name))
        expect(size < 1_000_000, f"{name} is {size} bytes")
        counts[f"bytes {name}"] = size
    for k in sorted(counts):
        print(f"{k:32} {counts[k]}")
    print("check:", "OK" if ok else "FAILED")
    return ok


# ------------------------------------------------------------------ README
def readme(bench, demo, info):
    stats = info["stats"]
    kinds = ", ".join(f"{k} {stats[k]}" for k, _ in MUTATIONS + [("return-none", None)] if stats[k])
    return f"""# `vouch verify` fixtures

Generated by `/usr/bin/python3 scripts/make-fixtures.py` (stdlib only, deterministic) from the dev slices in
`../shared/data/` (`mbpp_dev.jsonl`, `codecontests_dev.jsonl`). Do not edit by hand: change the script and
re-run it; `--check` re-runs every record with a bare python3 and checks it behaves as its id says.

| file | records | what |
|---|---|---|
| `bench-mbpp.jsonl` | {len(bench)} | for each of the 60 MBPP problems: `<id>#ref` (reference, passes), `<id>#wrong` (a small mutation of the reference that fails at least one assert), `<id>#ref2` (the reference plus a trailing comment: same behaviour, different content, e.g. for cache tests). Input of `make bench`. |
| `demo.jsonl` | {len(demo)} | the `make demo` batch: 6 MBPP references, 6 CodeContests io references (the first whose reference runs each case in under {CC_FAST_S:g} s), 4 MBPP and 2 CodeContests wrong mutants (`-wrong`), and `demo/*` edge cases: a syntax error, a crash at import, an infinite loop, a ~1 GiB list (memory limit), an output flood, and a pseudo-fix that special-cases the visible asserts and fails `hidden_tests` (built from other inputs with the reference). |
| `pytest.jsonl` | 4 | pytest-kind records (`solution.py` + test files): 2 passing, 1 with one failing test, 1 SWE-bench style fix with `failToPass` / `passToPass` node ids (`test_file.py::test_name`). |
| `malformed.jsonl` | 6 lines | 3 valid passing MBPP records, 1 line that is not JSON, 1 with `tests.kind: "nope"`, 1 with a numeric `tests.cases[0].output`. |

Mutants are found by trying, in order, {", ".join(k for k, _ in MUTATIONS)} mutations at each
site in source order, and keeping the first that still compiles and makes an assert fail (an AssertionError:
not another exception, not a hang past 5 s) when solution + tests run under python3; the fallback is an
entry point that returns None. Mutation kinds of the 60 `#wrong` records:
{kinds}.
The pytest records are checked with a bare python3 too (their test functions run against `solution.py`,
with a stand-in for `pytest.raises`); the SWE-bench style one is also checked against the code before the fix
(`failToPass` fail there, `passToPass` pass).

Licences: MBPP (Austin et al. 2021) is CC BY 4.0, taken from EvalPlus's MBPP+ v0.2.0 release (Apache-2.0);
CodeContests (DeepMind, Codeforces problems) is CC BY 4.0. The hand-written `demo/*` and `pytest/*` code
is part of this project.
"""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=DEFAULT_DATA)
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--check", action="store_true", help="only re-verify the files already written")
    args = ap.parse_args()
    if not args.check:
        bench, demo, pyt, malformed, info = build(args.data)
        os.makedirs(args.out, exist_ok=True)
        write_jsonl(os.path.join(args.out, "bench-mbpp.jsonl"), bench)
        write_jsonl(os.path.join(args.out, "demo.jsonl"), demo)
        write_jsonl(os.path.join(args.out, "pytest.jsonl"), pyt)
        write_jsonl(os.path.join(args.out, "malformed.jsonl"), malformed)
        with open(os.path.join(args.out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(readme(bench, demo, info))
        print("mutation kinds of the MBPP #wrong records:", dict(sorted(info["stats"].items())))
        print("CodeContests wrong:", [(p["id"], m[0], m[1]) for p, m in info["cc_wrong"]])
    sys.exit(0 if check(args.out) else 1)


if __name__ == "__main__":
    main()
