"""Runs assert-style tests against a solution that lives in another process.

Usage: python3 assert_harness.py SOLUTION.py, with {"code": test code} on stdin.
The solution process is forked before stdin (the tests and their expected values) is read, closes
stdin and the report channel (fd 3), and only ever receives call arguments: it cannot read the
expected outputs, and nothing it does (exit, print, monkeypatching, objects that equal anything)
can turn a failing assert into a passing one. Results go to fd 3 as JSON lines, one per test.
"""
import ast
import builtins
import json
import os
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vouch_remote import SolutionGone, connect, load_error, solution_main  # noqa: E402
from vouch_sys import set_non_dumpable  # noqa: E402

SOLUTION_FILE = "solution.py"
COMPOUND = (ast.For, ast.AsyncFor, ast.While, ast.If, ast.With, ast.AsyncWith, ast.Try, ast.Match)


def _checkers(tree):
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


def _is_test(stmt, checkers):
    """A top-level statement that checks: an assert, a call, or a loop, `if`, `with` or `try` around one
    (MBPP+'s `for i, (inp, exp) in enumerate(zip(inputs, results)): assertion(f(*inp), exp, 0)`)."""
    if isinstance(stmt, ast.Assert) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call)):
        return True
    if isinstance(stmt, COMPOUND):
        return any(isinstance(x, ast.Assert) or (isinstance(x, ast.Call) and isinstance(x.func, ast.Name) and x.func.id in checkers)
                   for x in ast.walk(stmt))
    return False


def _is_exit_call(stmt):
    call = stmt.value if isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call) else None
    f = call.func if call is not None else None
    return (isinstance(f, ast.Name) and f.id in ("exit", "quit")) or (
        isinstance(f, ast.Attribute) and f.attr == "exit" and isinstance(f.value, ast.Name) and f.value.id == "sys")


def _name_of(src, stmt):
    text = " ".join((ast.get_source_segment(src, stmt) or "").split())
    return f"line {stmt.lineno}: {text[:100]}"


def test_main(sock):
    spec = json.loads(sys.stdin.read())
    report = _Report(3)
    remote, load = connect(sock)
    if load is None or not load["ok"]:
        report.write(json.dumps({"load_error": load_error(load)}) + "\n")
        report.write(json.dumps({"done": True}) + "\n")
        return
    # the tests run after the solution in one namespace (the HumanEval/MBPP convention): they see its names
    ns = {"__name__": "__main__", "__builtins__": builtins}
    ns.update(remote.names(load["names"]))
    src = spec["code"]
    try:
        tree = ast.parse(src, "<tests>")
    except SyntaxError as e:
        report.write(json.dumps({"test_error": f"the tests do not parse: {e}"}) + "\n")
        report.write(json.dumps({"done": True}) + "\n")
        return
    gone = ended = False
    checkers = _checkers(tree)
    whole = tree.body and not any(_is_test(stmt, checkers) for stmt in tree.body)
    for stmt in tree.body:
        is_test = whole or _is_test(stmt, checkers)
        name = _name_of(src, stmt)
        if is_test:
            report.write(json.dumps({"start": name}) + "\n")
        t0 = time.perf_counter()
        status, message, lost = "pass", None, False
        if gone:
            status, message = "skipped", "not run: the solution process is gone"
        elif ended:
            status, message = "skipped", "not run: the test program exited before it"
        else:
            try:
                exec(compile(_capturing(stmt), "<tests>", "exec"), ns)
            except AssertionError as e:
                status, message = "fail", _assert_message(ns, e)
            except SolutionGone as e:
                status, message, gone = "error", str(e), True
                lost = True
            except SystemExit as e:
                # the test program's own exit() ends it, as python3 would; an exit from anywhere else (a solution
                # name bound to sys.exit, say) is an error, never a way to skip the checks after it
                ended = True
                if e.code not in (None, 0) or not _is_exit_call(stmt):
                    status, message = "error", f"SystemExit: {e.code}"
            except Exception as e:  # noqa: BLE001
                where = getattr(e, "vouch_where", None)
                status = "error"
                message = f"{type(e).__name__}: {e}" + (f" (at {where})" if where else "")
        ms = (time.perf_counter() - t0) * 1000
        ns.pop("__vouch_left", None)
        ns.pop("__vouch_right", None)
        if is_test:
            # "gone": the solution process died under this test (the runner knows whether a limit did it)
            report.write(json.dumps({"test": {"name": name, "status": status, "durationMs": round(ms, 3),
                                               "message": message, "gone": lost}}) + "\n")
        elif status != "pass":
            report.write(json.dumps({"test": {"name": f"setup {name}", "status": "error", "durationMs": round(ms, 3),
                                               "message": message}}) + "\n")
    report.write(json.dumps({"done": True}) + "\n")


class _Report:
    """The report channel, one write per line as a line-buffered text file would do, without building one."""

    def __init__(self, fd):
        self.fd = fd

    def write(self, text):
        view = memoryview(text.encode())
        while view:
            view = view[os.write(self.fd, view):]


def _capturing(stmt):
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
    for node in body:
        ast.copy_location(node, stmt)
    ns_clear = ast.Module(body=body, type_ignores=[])
    ast.fix_missing_locations(ns_clear)
    return ns_clear


def _assert_message(ns, err):
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


def main():
    set_non_dumpable()
    path = sys.argv[1] if len(sys.argv) > 1 else SOLUTION_FILE
    # Written out here, not behind a shared helper: the frames above solution_main are the solution's stack
    # depth, which its RecursionError messages and limits observe (a contextmanager wrapper changed them).
    parent, child = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        parent.close()
        try:
            solution_main(child, path)
        finally:
            os._exit(0)
    child.close()
    try:
        test_main(parent)
    finally:
        parent.close()
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except OSError:
            pass


if __name__ == "__main__":
    main()
