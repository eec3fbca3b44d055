"""The solution's process for assert tests the runner evaluates itself (runner_asserts.py).

Usage: python3 solution_process.py SOLUTION.py, with the channel to the runner on fd 3 and an empty stdin.
The same solution_main as under the assert harness, called from the same depth (module, main, solution_main), so
the solution's stack, and where its recursion stops, are the harness's.
"""
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vouch_remote import solution_main  # noqa: E402
from vouch_sys import set_non_dumpable  # noqa: E402


def main():
    set_non_dumpable()
    try:
        solution_main(socket.socket(fileno=3), sys.argv[1])
    finally:
        os._exit(0)


if __name__ == "__main__":
    main()
