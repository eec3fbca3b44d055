"""pytest plugin: one JSON line per test outcome on fd 3, Vouch's private report channel.

It also watches pytest itself: the functions and classes that run tests and build reports, the hooks
and plugins registered, and the files under test are fingerprinted when pytest starts and checked at
every report and at the end. A change (a solution patching `_pytest.runner`, `Function.runtest` or
`TestReport`, registering a plugin, rewriting a test file) is reported as a `test_error`: verdict
`error`, never `pass`. With the solution in its own process (pytest_harness.py) nothing can change
them; the checks matter when a suite imports the solution into the pytest process.
"""
import hashlib
import json
import os
import sys
import types

_report = None
_guard = None
_tampered = []


def _emit(msg):
    global _report
    if _report is None:
        try:
            _report = os.fdopen(os.dup(3), "w", buffering=1)
            os.close(3)
        except OSError:
            return
    _report.write(json.dumps(msg) + "\n")


WATCHED_MODULES = ("_pytest.runner", "_pytest.reports", "_pytest.python", "_pytest.main", "_pytest.nodes",
                   "_pytest.outcomes", "_pytest.fixtures", "pluggy._callers", "pluggy._hooks", "pluggy._manager",
                   "pluggy._result", "vouch_pytest")


def _fingerprint(obj):
    return (id(obj), id(getattr(obj, "__code__", None)), id(getattr(getattr(obj, "__func__", None), "__code__", None)),
            id(getattr(getattr(obj, "fget", None), "__code__", None)))


def _code_like(value):
    return isinstance(value, (types.FunctionType, types.BuiltinFunctionType, classmethod, staticmethod, property, type))


def _internals():
    """Fingerprints of the functions and classes (and their methods) that run tests and make reports."""
    state = {}
    for name in WATCHED_MODULES:
        mod = sys.modules.get(name)
        if mod is None:
            continue
        for key, value in list(vars(mod).items()):
            if not _code_like(value):
                continue
            state[f"{name}.{key}"] = _fingerprint(value)
            if isinstance(value, type) and value.__module__ == name:
                for attr, member in list(vars(value).items()):
                    if _code_like(member):
                        state[f"{name}.{key}.{attr}"] = _fingerprint(member)
    return state


def files_digest(root=".", skip=()):
    """sha256 of every file under root (but `skip`), by relative path."""
    out = {}
    for d, dirs, files in os.walk(root):
        dirs[:] = sorted(x for x in dirs if x != "__pycache__")
        for f in sorted(files):
            rel = os.path.relpath(os.path.join(d, f), root)
            if rel in skip:
                continue
            try:
                with open(os.path.join(d, f), "rb") as fh:
                    out[rel] = hashlib.sha256(fh.read()).hexdigest()
            except OSError:
                out[rel] = None
    return out


def changed_files(before, after):
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


class Guard:
    def __init__(self, config, files):
        self.config = config
        self.files = files  # taken before any solution code could run
        self.root = os.path.realpath(str(config.rootpath))

    def check(self):
        now = _internals()
        moved = sorted(k for k in _BASE if now.get(k) != _BASE[k])
        if moved:
            _flag(f"pytest's own code was changed during the run: {', '.join(moved[:8])}")
        for plugin in self.config.pluginmanager.get_plugins():
            where = _plugin_file(plugin)
            if where is None:
                continue
            rel = os.path.relpath(where, self.root)
            if not rel.startswith("..") and os.path.basename(rel) != "conftest.py":
                _flag(f"a plugin was registered from {rel}")
        changed = changed_files(self.files, files_digest(self.root, skip=SKIP))
        if changed:
            _flag(f"files under test were changed during the run: {', '.join(changed[:8])}")


SKIP = {"solution.py"}


def _plugin_file(plugin):
    mod = plugin if hasattr(plugin, "__file__") and not isinstance(plugin, type) else sys.modules.get(getattr(type(plugin), "__module__", ""))
    f = getattr(mod, "__file__", None)
    name = getattr(mod, "__name__", "")
    if name in ("__main__", "solution") or f is None and name not in sys.builtin_module_names and not name.startswith(("_pytest", "pluggy")):
        return os.path.join(os.getcwd(), "<solution>")
    return os.path.realpath(f) if isinstance(f, str) else None


_BASE = _internals()  # pytest is imported before this plugin (the fork server loads it), the solution after


def _flag(reason):
    if reason not in _tampered:
        _tampered.append(reason)


_FILES = {}


def pytest_configure(config):
    global _guard
    _guard = Guard(config, _FILES.get("before") or files_digest(str(config.rootpath), skip=SKIP))


def pytest_runtest_logreport(report):
    from _pytest.reports import TestReport

    if type(report) is not TestReport:
        _flag(f"a report of type {type(report).__name__} instead of pytest's TestReport")
    if report.when == "call" or report.outcome != "passed":
        if report.when != "call" and report.outcome == "skipped":
            status = "skipped"
        elif report.when != "call":
            status = "error"
        else:
            status = {"passed": "pass", "failed": "fail", "skipped": "skipped"}.get(report.outcome, "error")
        if report.outcome == "passed" and report.longrepr is not None:
            _flag("a report says passed and carries a failure")
        msg = None
        if report.outcome != "passed":
            msg = getattr(report.longrepr, "reprcrash", None)
            msg = msg.message if msg is not None else str(report.longrepr)[-2000:]
        _emit({"test": {"name": report.nodeid, "status": status, "durationMs": round(report.duration * 1000, 3),
                        "message": msg, "when": report.when}})


def pytest_collectreport(report):
    if report.failed:
        _emit({"test": {"name": report.nodeid or "collection", "status": "error", "durationMs": 0,
                        "message": str(report.longrepr)[-2000:], "when": "collect"}})


def pytest_sessionfinish(session, exitstatus):
    if _guard is not None:
        _guard.check()
    finish(int(exitstatus))


def finish(exitstatus):
    if _tampered:
        _emit({"test_error": "tampering detected: " + "; ".join(_tampered)})
    _emit({"done": True, "exitstatus": exitstatus})
