"""pytest plugin: one JSON line per test outcome on fd 3, Vouch's private report channel."""
import json
import os

try:
    _report = os.fdopen(os.dup(3), "w", buffering=1)
    os.close(3)
except OSError:
    _report = None


def _emit(msg):
    if _report is not None:
        _report.write(json.dumps(msg) + "\n")


def pytest_runtest_logreport(report):
    if report.when == "call" or report.outcome != "passed":
        if report.when != "call" and report.outcome == "skipped":
            status = "skipped"
        elif report.when != "call":
            status = "error"
        else:
            status = {"passed": "pass", "failed": "fail", "skipped": "skipped"}[report.outcome]
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
    _emit({"done": True, "exitstatus": int(exitstatus)})
