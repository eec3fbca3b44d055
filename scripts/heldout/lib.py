"""Helpers for make-trajectories.py: run code for real, trace it, diff it."""
import ast, difflib, json, sys

DATA = '/work/shared/data'


def load(name):
    out = {}
    for line in open(f'{DATA}/{name}'):
        r = json.loads(line)
        out[r['id']] = r
    return out


def ns_of(code):
    ns = {'__name__': 'solution'}
    exec(compile(code, 'solution.py', 'exec'), ns)
    return ns


def run_asserts(code, tests):
    """Per assert line: (name, statement, status, message). Message like 'AssertionError: got X, expected Y'."""
    out = []
    lines = tests.split('\n')
    for idx, stmt in enumerate(lines, 1):
        if not stmt.strip().startswith('assert'):
            continue
        ns = ns_of(code)
        name = f'line {idx}'
        try:
            exec(compile(stmt, 'test.py', 'exec'), ns)
            out.append((name, stmt, 'pass', None))
        except AssertionError:
            node = ast.parse(stmt).body[0].test
            msg = 'AssertionError'
            if isinstance(node, ast.Compare) and len(node.ops) == 1 and isinstance(node.ops[0], ast.Eq):
                got = eval(compile(ast.Expression(node.left), 't', 'eval'), ns)
                exp = eval(compile(ast.Expression(node.comparators[0]), 't', 'eval'), ns)
                msg = f'AssertionError: got {got!r}, expected {exp!r}'
            out.append((name, stmt, 'fail', msg))
        except Exception as e:  # noqa
            out.append((name, stmt, 'error', f'{type(e).__name__}: {e}'))
    return out


def all_pass(code, tests):
    return all(s == 'pass' for _, _, s, _ in run_asserts(code, tests))


def call(code, expr):
    ns = ns_of(code)
    return eval(expr, ns)


def patch(a, b):
    return ''.join(difflib.unified_diff(a.splitlines(True), b.splitlines(True), 'a/solution.py', 'b/solution.py'))


def trace(code, test, entry):
    """Run test after code under settrace; return events [(func, line, vars_after(dict of repr), returns or None)]."""
    events = []
    pending = {}
    def local(frame, event, arg):
        if frame.f_code.co_filename != 'solution.py':
            return local
        key = id(frame)
        if event in ('line', 'return') and key in pending:
            ln = pending.pop(key)
            vars_ = {k: repr(v) for k, v in frame.f_locals.items()}
            events.append((frame.f_code.co_name, ln, vars_, repr(arg) if event == 'return' else None))
        if event == 'line':
            pending[key] = frame.f_lineno
        return local
    def glob(frame, event, arg):
        if frame.f_code.co_filename == 'solution.py':
            return local
        return None
    ns = {'__name__': 'solution'}
    exec(compile(code, 'solution.py', 'exec'), ns)
    sys.settrace(glob)
    try:
        ok = True
        try:
            exec(compile(test, 'test.py', 'exec'), ns)
        except AssertionError:
            ok = False
    finally:
        sys.settrace(None)
    return events, ok


def line_text(code, ln):
    return code.split('\n')[ln - 1].strip()


def line_of(code, text, nth=1):
    seen = 0
    for i, l in enumerate(code.split('\n'), 1):
        if l.strip() == text:
            seen += 1
            if seen == nth:
                return i
    raise KeyError(text)
