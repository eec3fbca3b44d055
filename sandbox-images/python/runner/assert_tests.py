"""Assert-style tests run statement by statement against a solution's names: which top-level statements are tests,
their names, and the loop that runs them and writes one report line per test (the assert harness's test process,
and the runner itself for tests it evaluates without a test process, runner_asserts.py)."""
import ast
import json
import os
import time

from vouch_remote import SolutionGone

COMPOUND = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith, ast.Try, ast.Match)


def checkers(tree):
    """Names of the test program's top-level functions that check something: they assert or raise, or call
    such a function (EvalPlus's `assertion(out, exp, atol)`, HumanEval's `check(candidate)`)."""
    funcs = {s.name: s for s in tree.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef))}
    found = {n for n, f in funcs.items() if any(isinstance(x, (ast.Assert, ast.Raise)) for x in ast.walk(f))}
    grew = True
    while grew:
        grew = False
        for n, f in funcs.items():
            if n not in found and any(isinstance(x, ast.Call) and isinstance(x.func, ast.Name) and x.func.id in found
                                      for x in ast.walk(f)):
                found.add(n)
                grew = True
    return found


def is_test(stmt, found):
    """A top-level statement that checks: an assert, a call, or a loop, `if`, `with` or `try` around one
    (MBPP+'s `for i, (inp, exp) in enumerate(zip(inputs, results)): assertion(f(*inp), exp, 0)`)."""
    if isinstance(stmt, ast.Assert) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return True
    if isinstance(stmt, COMPOUND):
        return any(isinstance(x, ast.Assert) or (isinstance(x, ast.Call) and isinstance(x.func, ast.Name) and x.func.id in found)
                   for x in ast.walk(stmt))
    return False


def is_exit_call(stmt):
    call = stmt.value if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) else None
    f = call.func if call is not None else None
    return (isinstance(f, ast.Name) and f.id in ("exit", "quit")) or (
        isinstance(f, ast.Attribute) and f.attr == "exit" and isinstance(f.value, ast.Name) and f.value.id == "sys")


def name_of(src, stmt, lines=None):
    """`line N: <the statement's source, whitespace collapsed, cut at 100 characters>`; `lines` (source_lines(src))
    saves splitting the source again for every statement."""
    text = " ".join((_segment(src, stmt, lines) or "").split())
    return f"line {stmt.lineno}: {text[:100]}"


def source_lines(src):
    split = getattr(ast, "_splitlines_no_ff", None)  # how ast.get_source_segment splits (no form feeds)
    return split(src) if split is not None else None


def _segment(src, node, lines):
    if lines is None:
        return ast.get_source_segment(src, node)
    try:  # ast.get_source_segment's own steps, on lines split once (col offsets count UTF-8 bytes)
        first, last = node.lineno - 1, node.end_lineno - 1
        start, end = node.col_offset, node.end_col_offset
    except AttributeError:
        return None
    if last is None or end is None:
        return None
    if first == last:
        return lines[first].encode()[start:end].decode()
    parts = [lines[first].encode()[start:].decode(), *lines[first + 1:last], lines[last].encode()[:end].decode()]
    return "".join(parts)


class Report:
    """The report channel, one write per line as a line-buffered text file would do, without building one."""

    def __init__(self, fd):
        self.fd = fd

    def write(self, text):
        view = memoryview(text.encode())
        while view:
            view = view[os.write(self.fd, view):]


def capturing(stmt):
    """`assert L op R` evaluated as L, then R, then the comparison, so a failure can show both sides."""
    if not (isinstance(stmt, ast.Assert) and stmt.msg is None and isinstance(stmt.test, ast.Compare)
            and len(stmt.test.ops) == 1):
        return ast.Module(body=[stmt], type_ignores=[])
    names = [ast.Name(id=n, ctx=ast.Store()) for n in ("__vouch_left", "__vouch_right")]
    body = [
        ast.Assign(targets=[names[0]], value=stmt.test.left),
        ast.Assign(targets=[names[1]], value=stmt.test.comparators[0]),
        ast.Assert(test=ast.Compare(left=ast.Name(id="__vouch_left", ctx=ast.Load()), ops=stmt.test.ops,
                                    comparators=[ast.Name(id="__vouch_right", ctx=ast.Load())]),
                   msg=None),
    ]
    # the new nodes take the assert's location (what ast.fix_missing_locations would give them, without walking the
    # operands, which keep their own)
    for node in (*body, *names, body[2].test, body[2].test.left, *body[2].test.comparators):
        ast.copy_location(node, stmt)
    return ast.Module(body=body, type_ignores=[])


def assert_message(ns, err):
    if str(err):
        return f"AssertionError: {err}"
    if "__vouch_left" in ns and "__vouch_right" in ns:
        left, right = ns.pop("__vouch_left"), ns.pop("__vouch_right")
        try:
            return f"AssertionError: got {_short(left)}, expected {_short(right)}"
        except Exception:  # noqa: BLE001
            pass
    return "AssertionError"


def _short(value):
    text = repr(value)
    return text if len(text) <= 200 else text[:197] + "..."




def run_tests(src, tree, ns, report):
    """Runs the test program's top-level statements in `ns`, writing {"start"} and {"test"} lines to `report`."""
    gone = ended = False
    found = checkers(tree)
    whole = tree.body and not any(is_test(stmt, found) for stmt in tree.body)
    lines = source_lines(src)
    for stmt in tree.body:
        counts = whole or is_test(stmt, found)
        name = name_of(src, stmt, lines)
        if counts:
            report.write(json.dumps({"start": name}) + "\n")
        t0 = time.perf_counter()
        status, message, lost = "pass", None, False
        if gone:
            status, message = "skipped", "not run: the solution process is gone"
        elif ended:
            status, message = "skipped", "not run: the test program exited before it"
        else:
            try:
                exec(compile(capturing(stmt), "<tests>", "exec"), ns)
            except AssertionError as e:
                status, message = "fail", assert_message(ns, e)
            except SolutionGone as e:
                status, message, gone = "error", str(e), True
                lost = True
            except SystemExit as e:
                # the test program's own exit() ends it, as python3 would; an exit from anywhere else (a solution
                # name bound to sys.exit, say) is an error, never a way to skip the checks after it
                ended = True
                if e.code not in (None, 0) or not is_exit_call(stmt):
                    status, message = "error", f"SystemExit: {e.code}"
            except Exception as e:  # noqa: BLE001
                where = getattr(e, "vouch_where", None)
                status = "error"
                message = f"{type(e).__name__}: {e}" + (f" (at {where})" if where else "")
        ms = (time.perf_counter() - t0) * 1000
        ns.pop("__vouch_left", None)
        ns.pop("__vouch_right", None)
        if counts:
            # "gone": the solution process died under this test (the runner knows whether a limit did it)
            report.write(json.dumps({"test": {"name": name, "status": status, "durationMs": round(ms, 3),
                                               "message": message, "gone": lost}}) + "\n")
        elif status != "pass":
            report.write(json.dumps({"test": {"name": f"setup {name}", "status": "error", "durationMs": round(ms, 3),
                                               "message": message}}) + "\n")
