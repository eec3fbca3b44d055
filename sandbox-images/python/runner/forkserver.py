"""The fork server: a clean process, forked from the runner before any job arrived.

It never sees a job's stdin, expected outputs or test code, so the processes it forks cannot find
them in memory. Each request is {argv, cwd, env, limits} plus the job's four fds (stdin, stdout,
stderr, report); it answers {"pid"} at once and {"pid","status"} when the child exits.
"""
import json
import os
import resource
import signal
import socket
import sys

import _signal

PYTHONS = ("python3", "python", "/usr/bin/python3", sys.executable)

# Warm the modules jobs commonly need, so a forked job does not pay for importing them.
import ast  # noqa: E402,F401
import atexit  # noqa: E402,F401
import io  # noqa: E402,F401
import operator  # noqa: E402,F401
import runpy  # noqa: E402,F401
import threading  # noqa: E402,F401
import traceback  # noqa: E402,F401
import types  # noqa: E402,F401

import vouch_remote  # noqa: E402,F401
import vouch_sys  # noqa: E402,F401
import vouch_wire  # noqa: E402,F401

HERE = os.path.dirname(os.path.abspath(__file__))


def _compile_harnesses():
    """Vouch's own scripts in this read-only image, compiled once instead of once per job."""
    codes = {}
    for name in os.listdir(HERE):
        if name.endswith(".py"):
            path = os.path.join(HERE, name)
            with open(path, encoding="utf-8") as f:
                codes[path] = compile(f.read(), path, "exec")
    return codes


HARNESS_CODE = _compile_harnesses()

try:
    import pytest  # noqa: E402,F401
except ImportError:
    pass


def serve(sock):
    while True:
        try:
            msg, fds, _flags, _addr = socket.recv_fds(sock, 1 << 20, 4)
        except OSError:
            os._exit(0)
        if not msg:
            os._exit(0)
        req = json.loads(msg)
        if req.get("ping"):
            sock.sendall(b'{"pong": true}\n')
            continue
        pid = os.fork()
        if pid == 0:
            try:
                sock.close()
                _child(req, fds)
            finally:
                os._exit(127)
        for fd in fds:
            os.close(fd)
        sock.sendall(json.dumps({"pid": pid}).encode() + b"\n")
        _, status = os.waitpid(pid, 0)
        sock.sendall(json.dumps({"pid": pid, "status": status}).encode() + b"\n")


def _limit(kind, value):
    try:
        resource.setrlimit(kind, (value, value))
    except (ValueError, OSError):
        pass


def _child(req, fds):
    os.setsid()
    for target, fd in enumerate(fds):
        os.dup2(fd, target)
    os.closerange(len(fds), 65536)
    lim = req["limits"]
    _limit(resource.RLIMIT_FSIZE, lim["fileSizeBytes"])
    _limit(resource.RLIMIT_CPU, lim["cpuSeconds"])
    _limit(resource.RLIMIT_CORE, 0)
    _limit(resource.RLIMIT_NOFILE, 256)
    try:  # os-level calls: a text file object here costs the child ~40 page faults of the fork server's heap
        fd = os.open("/proc/self/oom_score_adj", os.O_WRONLY)
        try:
            os.write(fd, b"1000")
        finally:
            os.close(fd)
    except OSError:
        pass
    os.chdir(req["cwd"])
    env = req["env"]
    argv = req["argv"]
    if argv and argv[0] in PYTHONS and len(argv) >= 2:
        _run_python_inline(argv, env)
    os.execvpe(argv[0], argv, env)


def _run_python_inline(argv, env):
    """`python3 script.py args`, `-c code` or `-m module` in this already-started interpreter."""
    import runpy

    first = argv[1]
    if first.startswith("-") and first not in ("-c", "-m"):
        return  # other interpreter flags: fall back to a real exec
    if first in ("-c", "-m") and len(argv) < 3:
        return
    os.environ.clear()
    os.environ.update(env)
    _signal.signal(signal.SIGINT, signal.default_int_handler)  # signal.signal minus its enum wrapping of the old handler
    # the standard streams as python3 opens them for pipes (same classes, modes and buffering)
    sys.stdin = sys.__stdin__ = open(0, "r", encoding="utf-8", closefd=False)
    sys.stdout = sys.__stdout__ = open(1, "w", encoding="utf-8", closefd=False)
    sys.stderr = sys.__stderr__ = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False, buffering=1)
    for name in ("forkserver", "runner", "__main__"):
        sys.modules.pop(name, None)
    code = 0
    try:
        if first == "-c":
            sys.argv = ["-c"] + argv[3:]
            sys.path[0] = ""
            main = types.ModuleType("__main__")
            sys.modules["__main__"] = main
            exec(compile(argv[2], "<string>", "exec"), main.__dict__)
        elif first == "-m":
            sys.argv = [argv[2]] + argv[3:]
            sys.path[0] = os.getcwd()
            runpy.run_module(argv[2], run_name="__main__", alter_sys=True)
        else:
            sys.argv = argv[1:]
            path = os.path.abspath(first)
            sys.path[0] = os.path.dirname(path)
            if path in HARNESS_CODE or (path.endswith(".py") and os.path.isfile(path)):
                # as python3 runs a script: a __main__ module that stays in sys.modules until the exit
                main = types.ModuleType("__main__")
                main.__file__ = path
                main.__cached__ = None
                sys.modules["__main__"] = main
                compiled = HARNESS_CODE.get(path)
                if compiled is None:
                    with open(path, "rb") as f:
                        compiled = compile(f.read(), path, "exec")
                exec(compiled, main.__dict__)
            else:
                runpy.run_path(first, run_name="__main__")
    except SystemExit as e:
        code = _exit_code(e.code)
    except BaseException as e:  # noqa: BLE001 - what an uncaught exception does in python3
        _print_exception(e)
        code = 1
    _shutdown(code)


def _print_exception(exc):
    """Print a traceback as python3 would, without the fork server's own frames."""
    import traceback

    tb = exc.__traceback__
    while tb is not None and (tb.tb_frame.f_code.co_filename in (__file__, "<frozen runpy>")
                              or tb.tb_frame.f_code.co_filename.endswith("runpy.py")):
        tb = tb.tb_next
    try:
        text = "".join(traceback.format_exception(type(exc), exc, tb))
        sys.stderr.write(text)
    except BaseException:  # noqa: BLE001
        pass


def _exit_code(value):
    if value is None:
        return 0
    if isinstance(value, int):
        return value & 0xFF
    try:
        print(value, file=sys.stderr)
    except Exception:  # noqa: BLE001
        pass
    return 1


def _shutdown(code):
    import atexit
    import threading

    try:
        threading._shutdown()
        atexit._run_exitfuncs()
    except BaseException:  # noqa: BLE001
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and not stream.closed:  # python3 skips closed streams at exit too
                stream.flush()
        except BaseException:  # noqa: BLE001
            code = code or 120
    _flush_open_files()
    os._exit(code)


def _flush_open_files():
    """What python3's finalization does for the files a program left open: the original sys.__stdout__ (an atexit
    handler may have written its buffered output there) and the buffered files the program's module-level
    names hold (`out = open(1, "w")`, `sys.stdout = io.TextIOWrapper(...)` kept under another name)."""
    import io

    main = sys.modules.get("__main__")
    held = list(vars(main).values()) if main is not None else []
    for f in [sys.__stdout__, sys.__stderr__, *held]:
        try:
            if isinstance(f, io.IOBase) and not f.closed:
                f.flush()
        except BaseException:  # noqa: BLE001 - as at exit: a file that cannot be flushed is dropped
            pass
