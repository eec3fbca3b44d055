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

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from assert_tests import Report, run_tests  # noqa: E402
from vouch_remote import connect, load_error, solution_main  # noqa: E402
from vouch_sys import set_non_dumpable  # noqa: E402

SOLUTION_FILE = "solution.py"


def test_main(sock):
    spec = json.loads(sys.stdin.read())
    report = Report(3)
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
    run_tests(src, tree, ns, report)
    report.write(json.dumps({"done": True}) + "\n")


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
