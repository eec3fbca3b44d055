"""Runs pytest files against a solution that lives in another process.

Usage: python3 pytest_harness.py SOLUTION.py [--in-process] -- PYTEST_ARGS...
The solution process is forked first; it may write files only under /tmp and /dev/shm (Landlock), so
the test files, conftest.py and the harness stay as they were, and it never shares memory with pytest.
The tests' `import solution` gets a module forwarding to it over the channel the assert harness uses
(vouch_remote): functions, classes (isinstance, except), constants and the modules it imported.
--in-process imports the solution into pytest instead (a suite that needs it there); the plugin then
checks pytest's runner, reports, hooks and the files under test, and reports any change as an error.
Results go to fd 3 as JSON lines (vouch_pytest).
"""
import os
import socket
import sys
import types

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import vouch_pytest as plugin  # noqa: E402
from vouch_remote import connect, load_error, solution_main  # noqa: E402
from vouch_sys import restrict_writes, set_non_dumpable  # noqa: E402

WRITABLE_BY_SOLUTION = ("/tmp", "/dev/shm", "/dev/null")


def main():
    set_non_dumpable()
    args = sys.argv[1:]
    split = args.index("--") if "--" in args else len(args)
    path = args[0] if args and split > 0 else "solution.py"
    pytest_args = args[split + 1:]
    plugin.SKIP.add(os.path.normpath(path))
    plugin._FILES["before"] = plugin.files_digest(".", skip=plugin.SKIP)
    import pytest

    if "--in-process" in args[:split]:
        status = pytest.main(pytest_args, plugins=[plugin])
    else:
        status = _with_solution_process(path, pytest_args, pytest)
    if status is None:
        return
    changed = plugin.changed_files(plugin._FILES["before"], plugin.files_digest(".", skip=plugin.SKIP))
    if changed:  # a kernel without Landlock: the change is caught here instead of prevented
        plugin._emit({"test_error": f"tampering detected: files under test were changed during the run: {', '.join(changed[:8])}"})


def _with_solution_process(path, pytest_args, pytest):
    # Written out here, not behind a shared helper: the frames above solution_main are the solution's stack
    # depth, which its RecursionError messages and limits observe (a contextmanager wrapper changed them).
    parent, child = socket.socketpair()
    pid = os.fork()
    if pid == 0:
        parent.close()
        try:
            solution_main(child, path, before_load=lambda: restrict_writes(WRITABLE_BY_SOLUTION), forward_io=True)
        finally:
            os._exit(0)
    child.close()
    try:
        remote, load = connect(parent)
        if load is None or not load["ok"]:
            plugin._emit({"load_error": load_error(load)})
            plugin.finish(1)
            return None
        mod = types.ModuleType("solution")
        mod.__dict__.update(remote.names(load["names"]))
        mod.__file__ = os.path.abspath(path)
        sys.modules["solution"] = mod
        return pytest.main(pytest_args, plugins=[plugin])
    finally:
        parent.close()
        try:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        except OSError:
            pass


if __name__ == "__main__":
    main()
