"""Assert tests the runner evaluates itself, so an assert job needs one process (the solution's) instead of two.

The assert harness runs the tests in a test process it forks beside the solution process. For tests made only of
literal data, calls and comparisons (MBPP's `assert f(1, [2]) == 3`, HumanEval's `def check(candidate): assert
candidate(...) == ...` then `check(f)`), the runner, which never runs a job's code, can be that test process: it
speaks the same protocol to the solution process (vouch_remote) and runs the same statement loop (assert_tests), so
the report is the harness's, line for line. The tests are checked first against a whitelist of syntax (no
attribute, no import, no loop but `for` over data, no call but to the solution, the test's own functions from the
top level, and a few pure builtins, arithmetic only with a number written in the tests, so nothing can build a value
bigger than what the solution sent), so nothing but literal data, comparisons and messages to the solution process
can run in the runner.

Whatever this evaluation cannot do exactly as the harness would (a name the tests use that is an import or a class
of the solution, a result holding a solution-defined class, callbacks, a message over INLINE_MAX_MESSAGE) raises
NeedsHarness before anything is reported: the runner then wipes and runs the job with the harness itself.
"""
import ast
import base64
import builtins
import json
import os
import socket
import threading

import vouch_wire as wire
from assert_tests import run_tests
from vouch_remote import Remote, RemoteObject, connect, load_error

ASSERT_HARNESS = "/opt/vouch/assert_harness.py"
SOLUTION_PROCESS = "/opt/vouch/solution_process.py"
MAX_SOURCE = 256 * 1024
MAX_NODES = 20_000
INLINE_MAX_MESSAGE = 8 << 20  # a bigger result goes through the harness (the runner's memory is the container's)
PURE_BUILTINS = ("abs", "all", "any", "bool", "dict", "float", "frozenset", "int", "len", "list", "max", "min",
                 "round", "set", "sorted", "str", "sum", "tuple")
SAFE_BUILTINS = {name: getattr(builtins, name) for name in PURE_BUILTINS}
OTHER_BUILTINS = frozenset(dir(builtins)) - SAFE_BUILTINS.keys()
OPERATORS = (ast.Add, ast.Sub, ast.Div, ast.FloorDiv, ast.USub, ast.UAdd, ast.Not, ast.And, ast.Or)
COMPARISONS = (ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE, ast.Is, ast.IsNot, ast.In, ast.NotIn)


class NeedsHarness(BaseException):
    """Something only the harness's own test process may do; a BaseException so the test loop never reports it."""


class _Unsupported:
    """A solution name the runner does not rebuild (an import, a class): the tests must not use it."""

    __slots__ = ()


UNSUPPORTED = _Unsupported()


class InlineTests:
    def __init__(self, src, tree, solution, free):
        self.src = src
        self.tree = tree
        self.solution = solution
        self.free = free  # names the tests read that neither they nor a function's parameters bind
        self.done = False
        self.needs_harness = False

    def argv(self, python):
        return [python, SOLUTION_PROCESS, self.solution]

    def run(self, sock, report):
        """The test side, on a thread of the runner: report lines go to `report` (an object with write)."""
        try:
            remote, load = connect(sock, RunnerRemote)
            if load is None or not load["ok"]:
                report.write(json.dumps({"load_error": load_error(load)}) + "\n")
            else:
                ns = {"__name__": "__main__", "__builtins__": SAFE_BUILTINS}
                ns.update(remote.names(load["names"]))
                for name in self.free:
                    if name in ns and _holds_unsupported(ns[name]):
                        raise NeedsHarness(f"the tests use the solution's {name}, which only the harness rebuilds")
                    if name not in ns and name not in SAFE_BUILTINS:
                        raise NeedsHarness(f"{name} is not the solution's")
                remote.loaded = True
                run_tests(self.src, self.tree, ns, report)
            report.write(json.dumps({"done": True}) + "\n")
            self.done = True
        except NeedsHarness:
            self.needs_harness = True
        finally:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            sock.close()


class TestThread:
    """Runs inline tests beside the job; report lines go to the report pipe, as the harness's would, until the
    runner kills the job for a limit (frozen), after which the harness, killed too, would write nothing."""

    def __init__(self, inline, sock, rep_w):
        self.inline = inline
        self.fd = rep_w
        self.frozen = False
        self.thread = threading.Thread(target=self._run, args=(sock,), daemon=True)
        self.thread.start()

    def write(self, text):
        view = memoryview(text.encode())
        while view and not self.frozen:
            try:
                view = view[os.write(self.fd, view):]
            except OSError:
                return

    def _run(self, sock):
        try:
            self.inline.run(sock, self)
        except Exception:  # noqa: BLE001 - anything unforeseen: the harness runs the job instead
            self.inline.needs_harness = True
        finally:
            os.close(self.fd)

    def join(self, timeout):
        self.thread.join(timeout)
        return not self.thread.is_alive()


def freeze(tests):
    if tests is not None:
        tests.frozen = True


class RunnerRemote(Remote):
    """The protocol's test side, minus everything that would import or build classes in the runner."""

    loaded = False

    def __init__(self, sock):
        super().__init__(sock)
        global _current
        _current = self
        self.decode_value, self.hook = self.hook, _hook  # one hook for every job: vouch_wire keeps a decoder per hook

    def decode(self, obj):
        if obj.get("$t") == "rg":
            raise NeedsHarness("a range, which list() or sorted() here would build whole")
        return self.decode_value(obj)

    def recv(self):
        try:
            return wire.recv(self.sock, self.hook, max_message=INLINE_MAX_MESSAGE)
        except wire.TooLarge as e:
            raise NeedsHarness(str(e)) from None

    def resolve(self, ref):
        if "imp" in ref or "cls" in ref:
            if self.loaded:
                raise NeedsHarness("a result refers to a module, function or class the harness would rebuild")
            return UNSUPPORTED
        return RemoteObject(self, ref)

    def class_value(self, tag, value):
        if self.loaded:
            raise NeedsHarness("a result is an instance of a solution-defined data class")
        return UNSUPPORTED

    def mirror(self, desc):
        raise NeedsHarness("a solution-defined class")

    def side_message(self, msg):
        if "cb" in msg or "out" in msg or "io" in msg:
            raise NeedsHarness("the solution calls back into the tests")
        return False

    def exception(self, info):
        imp = info.get("imp")
        if "cls" in info or not (isinstance(imp, list) and imp and imp[0] == "builtins"):
            raise NeedsHarness("an exception class that is not a builtin")
        return super().exception(info)


_current = None


def _hook(obj):
    return _current.decode(obj)


def _holds_unsupported(value, depth=0):
    if value is UNSUPPORTED:
        return True
    if depth > wire.MAX_DEPTH:
        return True
    if isinstance(value, (list, tuple, set, frozenset)):
        return any(_holds_unsupported(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return any(_holds_unsupported(k, depth + 1) or _holds_unsupported(v, depth + 1) for k, v in value.items())
    return False


def is_assert_job(job):
    argv = job.get("argv")
    return isinstance(argv, list) and len(argv) == 3 and argv[1] == ASSERT_HARNESS and isinstance(argv[2], str)


def plan(job):
    """InlineTests for an assert-harness job whose tests the runner can evaluate itself, else None."""
    if not is_assert_job(job):
        return None
    argv = job["argv"]
    try:
        spec = json.loads(base64.b64decode(job.get("stdin") or ""))
        src = spec["code"]
        if not isinstance(src, str) or len(src) > MAX_SOURCE:
            return None
        tree = ast.parse(src, "<tests>")
        free = _Whitelist().check(tree)
    except (ValueError, TypeError, KeyError, SyntaxError, RecursionError, MemoryError, _Refused):
        return None
    return InlineTests(src, tree, argv[2], free)


def _number(node):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
        node = node.operand
    return isinstance(node, ast.Constant) and type(node.value) in (int, float, complex)


class _Refused(Exception):
    pass


class _Whitelist:
    """Refuses any syntax outside the subset above; gives the free names the tests read."""

    def __init__(self):
        self.nodes = 0
        self.free = set()
        self.functions = set()

    def check(self, tree):
        if not tree.body:
            raise _Refused()
        # a builtin the runner does not offer, under any role (read, bound, a parameter): the harness's builtins
        # module would answer a read of it where SAFE_BUILTINS cannot
        for node in ast.walk(tree):
            name = node.id if isinstance(node, ast.Name) else node.arg if isinstance(node, ast.arg) else getattr(node, "name", None)
            if isinstance(name, str) and name in OTHER_BUILTINS:
                raise _Refused()
        top = set()
        for stmt in tree.body:
            if isinstance(stmt, ast.FunctionDef):
                self.functions.add(stmt.name)
            elif isinstance(stmt, ast.Assign):
                top.update(t.id for t in stmt.targets if isinstance(t, ast.Name))
        for stmt in tree.body:
            self.statement(stmt, top, at_top=True)
        return sorted(self.free)

    def count(self):
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise _Refused()

    def statement(self, stmt, bound, at_top=False):
        self.count()
        if isinstance(stmt, ast.Assert):
            self.expr(stmt.test, bound)
            if stmt.msg is not None:
                self.expr(stmt.msg, bound)
        elif isinstance(stmt, ast.Expr):
            if isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                return  # a docstring
            if not isinstance(stmt.value, ast.Call):
                raise _Refused()
            self.expr(stmt.value, bound, may_call_tests=at_top)
        elif isinstance(stmt, ast.Assign):
            if not all(isinstance(t, ast.Name) and t.id not in self.functions for t in stmt.targets):
                raise _Refused()
            self.expr(stmt.value, bound)
        elif isinstance(stmt, ast.For):
            if stmt.orelse or stmt.type_comment:
                raise _Refused()
            self.expr(stmt.iter, bound)
            inner = bound | self.targets(stmt.target)
            for s in stmt.body:
                self.statement(s, inner)
        elif isinstance(stmt, ast.FunctionDef) and at_top:
            a = stmt.args
            if (stmt.decorator_list or stmt.returns or a.vararg or a.kwarg or a.kwonlyargs or a.posonlyargs
                    or a.defaults or a.kw_defaults or any(x.annotation for x in a.args)):
                raise _Refused()
            inner = bound | {x.arg for x in a.args}
            for s in stmt.body:
                if isinstance(s, ast.Assign):
                    inner |= {t.id for t in s.targets if isinstance(t, ast.Name)}
            for s in stmt.body:
                self.statement(s, inner)
        elif isinstance(stmt, ast.Pass):
            return
        else:
            raise _Refused()

    def targets(self, node):
        if isinstance(node, ast.Name):
            return {node.id}
        if isinstance(node, ast.Tuple) and all(isinstance(e, ast.Name) for e in node.elts):
            return {e.id for e in node.elts}
        raise _Refused()

    def expr(self, node, bound, may_call_tests=False):
        self.count()
        if isinstance(node, ast.Constant):
            return
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            for e in node.elts:
                if isinstance(e, ast.Starred):
                    raise _Refused()
                self.expr(e, bound)
        elif isinstance(node, ast.Dict):
            if any(k is None for k in node.keys):
                raise _Refused()
            for e in node.keys + node.values:
                self.expr(e, bound)
        elif isinstance(node, ast.Name):
            if node.id in self.functions:
                raise _Refused()  # a test function only runs when the top level calls it
            if node.id not in bound:
                self.free.add(node.id)
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, OPERATORS):
            self.expr(node.operand, bound)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, OPERATORS):
            # arithmetic with a number written in the tests (`abs(candidate(x) - 0.33)`): nothing it builds can grow
            if not (_number(node.left) or _number(node.right)):
                raise _Refused()
            self.expr(node.left, bound)
            self.expr(node.right, bound)
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, OPERATORS):
            for v in node.values:
                self.expr(v, bound)
        elif isinstance(node, ast.Compare) and all(isinstance(op, COMPARISONS) for op in node.ops):
            for e in [node.left, *node.comparators]:
                self.expr(e, bound)
        elif isinstance(node, ast.Subscript):
            self.expr(node.value, bound)
            if isinstance(node.slice, ast.Slice):
                for part in (node.slice.lower, node.slice.upper, node.slice.step):
                    if part is not None:
                        self.expr(part, bound)
            else:
                self.expr(node.slice, bound)
        elif isinstance(node, ast.Call):
            func = node.func
            if not isinstance(func, ast.Name):
                raise _Refused()
            if func.id in self.functions:
                if not may_call_tests:
                    raise _Refused()  # only the top level calls a test function: no recursion in the runner
            elif func.id not in bound:
                self.free.add(func.id)
            for a in node.args:
                if isinstance(a, ast.Starred):
                    raise _Refused()
                self.expr(a, bound)
            for k in node.keywords:
                if k.arg is None:
                    raise _Refused()
                self.expr(k.value, bound)
        else:
            raise _Refused()
