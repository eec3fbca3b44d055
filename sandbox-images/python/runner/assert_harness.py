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
import operator
import os
import socket
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vouch_wire as wire  # noqa: E402
from vouch_sys import set_non_dumpable  # noqa: E402

SOLUTION_FILE = "solution.py"
SOLUTION_NS = None


# ---------------------------------------------------------------- solution process
def solution_main(sock, path):
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    os.close(3)
    refs = {}

    def make_ref(value):
        rid = len(refs) + 1
        refs[rid] = value
        return {"t": "ref", "id": rid, "type": type(value).__name__, "callable": callable(value),
                "iterator": hasattr(type(value), "__next__")}

    def resolve(obj):
        if obj["t"] == "fn":
            return _callback(sock, obj["id"], make_ref, resolve)
        return refs[obj["id"]]

    ns = {"__name__": "__main__", "__file__": path, "__builtins__": builtins}
    try:
        with open(path, encoding="utf-8") as f:
            src = f.read()
        sys.argv = [path]
        exec(compile(src, path, "exec"), ns)
    except BaseException as e:  # noqa: BLE001
        wire.send(sock, {"ok": False, "exc": _exc_info(e)})
        os._exit(0)
    global SOLUTION_NS
    SOLUTION_NS = ns
    names = sorted(k for k, v in ns.items() if not k.startswith("__") and not isinstance(v, type(os)))
    wire.send(sock, {"ok": True, "names": names})
    while True:
        req = wire.recv(sock)
        if req is None:
            os._exit(0)
        _answer(sock, req, ns, make_ref, resolve)


def _answer(sock, req, ns, make_ref, resolve):
    try:
        value, args = _serve(req, ns, resolve)
        reply = {"ok": True, "value": wire.encode(value, make_ref)}
        if args is not None:
            reply["args"] = [wire.encode(a, make_ref) for a in args]
    except BaseException as e:  # noqa: BLE001
        reply = {"ok": False, "exc": _exc_info(e)}
    try:
        sys.stdout.flush()
    except BaseException:  # noqa: BLE001
        pass
    wire.send(sock, reply)


def _callback(sock, fid, make_ref, resolve):
    """A test-side function (e.g. a lambda the test passes): calling it asks the test process to run it."""
    def call(*args, **kwargs):
        wire.send(sock, {"cb": fid, "args": [wire.encode(a, make_ref) for a in args],
                         "kwargs": {k: wire.encode(v, make_ref) for k, v in kwargs.items()}})
        while True:
            msg = wire.recv(sock)
            if msg is None:
                os._exit(0)
            if "op" in msg:  # the callback called back into the solution
                _answer(sock, msg, None, make_ref, resolve)
                continue
            if not msg["ok"]:
                raise _remote_exception(msg["exc"])
            return wire.decode(msg["value"], resolve)
    return call


def _serve(req, ns, resolve):
    dec = lambda x: wire.decode(x, resolve)  # noqa: E731
    op = req["op"]
    if op == "global":
        return (ns if ns is not None else SOLUTION_NS)[req["name"]], None
    target = resolve(req["target"])
    if op == "call":
        args = [dec(a) for a in req["args"]]
        kwargs = {k: dec(v) for k, v in req["kwargs"].items()}
        return target(*args, **kwargs), args
    if op == "getattr":
        return getattr(target, req["name"]), None
    if op == "operator":
        return getattr(operator, req["name"])(target, *[dec(a) for a in req["args"]]), None
    if op == "builtin":
        return {"repr": repr, "str": str, "len": len, "hash": hash, "bool": bool, "list": list, "next": next}[req["name"]](target), None
    raise ValueError(f"unknown op {op}")


def _exc_info(e):
    tb = traceback.extract_tb(e.__traceback__)
    frames = [f for f in tb if not f.filename.startswith(os.path.dirname(os.path.abspath(__file__)))]
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else None
    if isinstance(e, SyntaxError):
        where = None  # its message already says "(file, line n)"
    info = {"type": type(e).__name__, "message": str(e), "where": where,
            "traceback": "".join(traceback.format_exception_only(type(e), e)).strip()}
    if all(type(a) in (int, float, str, bool, type(None)) for a in e.args):
        info["args"] = list(e.args)  # rebuilt as they were: str(KeyError(1)) is "1", str(KeyError("1")) is "'1'"
    return info


# ---------------------------------------------------------------- test process
class SolutionGone(Exception):
    pass


class RemoteError(Exception):
    pass


class Remote:
    def __init__(self, sock):
        self.sock = sock
        self.callbacks = []

    def request(self, msg):
        """Sends a request and waits for its reply, running the callbacks the solution makes meanwhile."""
        try:
            wire.send(self.sock, msg)
            while True:
                reply = wire.recv(self.sock)
                if reply is None or "cb" not in reply:
                    break
                self.run_callback(reply)
        except OSError:
            reply = None
        if reply is None:
            raise SolutionGone("the solution process exited or closed its channel during the call")
        if not reply["ok"]:
            raise _remote_exception(reply["exc"])
        return reply

    def run_callback(self, msg):
        try:
            fn = self.callbacks[msg["cb"]]
            args = [self.value(a) for a in msg["args"]]
            kwargs = {k: self.value(v) for k, v in msg["kwargs"].items()}
            reply = {"ok": True, "value": self.encode(fn(*args, **kwargs))}
        except Exception as e:  # noqa: BLE001
            reply = {"ok": False, "exc": _exc_info(e)}
        wire.send(self.sock, reply)

    def encode(self, value):
        """Test-side data for the solution: plain data, the solution's own objects, or callable test functions."""
        def make_ref(v):
            if isinstance(v, RemoteObject):
                return v._ref
            if callable(v):
                self.callbacks.append(v)
                return {"t": "fn", "id": len(self.callbacks) - 1}
            raise TypeError(f"cannot pass {type(v).__name__} to the solution (plain data only)")
        return wire.encode(value, make_ref)

    def value(self, reply_value):
        return wire.decode(reply_value, lambda ref: RemoteObject(self, ref))


def _remote_exception(info):
    cls = getattr(builtins, info["type"], None)
    msg = info["message"]
    if not (isinstance(cls, type) and issubclass(cls, Exception)) or cls is SolutionGone:
        cls, msg = RemoteError, f"{info['type']}: {msg}"
    err = cls(*info["args"]) if cls is not RemoteError and isinstance(info.get("args"), list) else cls(msg)
    err.vouch_where = info.get("where")
    return err


class RemoteObject:
    """A solution-side object that is not plain data; comparing it with test data is refused."""

    def __init__(self, remote, ref):
        object.__setattr__(self, "_remote", remote)
        object.__setattr__(self, "_ref", ref)

    def _ask(self, msg):
        return self._remote.value(self._remote.request(dict(msg, target=self._ref))["value"])

    def __call__(self, *args, **kwargs):
        reply = self._remote.request({"op": "call", "target": self._ref, "args": [self._remote.encode(a) for a in args],
                                      "kwargs": {k: self._remote.encode(v) for k, v in kwargs.items()}})
        for local, after in zip(args, reply.get("args", [])):
            _sync_in_place(local, self._remote.value(after))
        return self._remote.value(reply["value"])

    def __getattr__(self, name):
        return self._ask({"op": "getattr", "name": name})

    def _op(self, name, other):
        if not isinstance(other, RemoteObject):
            raise TypeError(f"refusing to compare a solution-defined {self._ref['type']} with test data: "
                            "the solution should return plain data")
        return self._ask({"op": "operator", "name": name, "args": [other._ref]})

    __eq__ = lambda s, o: s._op("eq", o)  # noqa: E731
    __ne__ = lambda s, o: s._op("ne", o)  # noqa: E731
    __lt__ = lambda s, o: s._op("lt", o)  # noqa: E731
    __le__ = lambda s, o: s._op("le", o)  # noqa: E731
    __gt__ = lambda s, o: s._op("gt", o)  # noqa: E731
    __ge__ = lambda s, o: s._op("ge", o)  # noqa: E731

    def __getitem__(self, key):
        return self._ask({"op": "operator", "name": "getitem", "args": [self._remote.encode(key)]})

    def __contains__(self, item):
        return self._ask({"op": "operator", "name": "contains", "args": [self._remote.encode(item)]})

    def __repr__(self):
        return self._ask({"op": "builtin", "name": "repr"})

    def __str__(self):
        return self._ask({"op": "builtin", "name": "str"})

    def __len__(self):
        return self._ask({"op": "builtin", "name": "len"})

    def __hash__(self):
        return self._ask({"op": "builtin", "name": "hash"})

    def __bool__(self):
        return self._ask({"op": "builtin", "name": "bool"})

    def __iter__(self):
        if self._ref.get("iterator"):
            return self
        return iter(self._ask({"op": "builtin", "name": "list"}))

    def __next__(self):
        return self._ask({"op": "builtin", "name": "next"})


def _sync_in_place(local, after):
    """Mirror in-place changes the solution made to a list, dict or set argument."""
    try:
        if type(local) is list and type(after) is list and local != after:
            local[:] = after
        elif type(local) in (dict, set) and type(after) is type(local) and local != after:
            local.clear()
            local.update(after)
    except Exception:  # noqa: BLE001
        pass


def _is_test(stmt):
    return isinstance(stmt, ast.Assert) or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Call))


def _name_of(src, stmt):
    text = " ".join((ast.get_source_segment(src, stmt) or "").split())
    return f"line {stmt.lineno}: {text[:100]}"


def test_main(sock):
    remote = Remote(sock)
    spec = json.loads(sys.stdin.read())
    report = os.fdopen(3, "w", buffering=1)
    load = wire.recv(sock)
    if load is None or not load["ok"]:
        info = load["exc"] if load else {"type": "SolutionGone", "message": "the solution process exited while loading",
                                         "where": None, "traceback": ""}
        report.write(json.dumps({"load_error": info}) + "\n")
        report.write(json.dumps({"done": True}) + "\n")
        return
    ns = {"__name__": "__main__", "__builtins__": builtins}
    for name in load["names"]:
        ns[name] = remote.value(remote.request({"op": "global", "name": name})["value"])
    src = spec["code"]
    try:
        tree = ast.parse(src, "<tests>")
    except SyntaxError as e:
        report.write(json.dumps({"test_error": f"the tests do not parse: {e}"}) + "\n")
        report.write(json.dumps({"done": True}) + "\n")
        return
    gone = False
    for stmt in tree.body:
        is_test = _is_test(stmt)
        name = _name_of(src, stmt)
        if is_test:
            report.write(json.dumps({"start": name}) + "\n")
        t0 = time.perf_counter()
        status, message, lost = "pass", None, False
        if gone:
            status, message = "skipped", "not run: the solution process is gone"
        else:
            try:
                exec(compile(_capturing(stmt), "<tests>", "exec"), ns)
            except AssertionError as e:
                status, message = "fail", _assert_message(ns, e)
            except SolutionGone as e:
                status, message, gone = "error", str(e), True
                lost = True
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
