"""Process hardening shared by the runner and the harnesses (stdlib only)."""
import ctypes
import os

PR_SET_DUMPABLE = 4
_libc = ctypes.CDLL("libc.so.6", use_errno=True)


def set_non_dumpable():
    """Hide this process's memory, fds and environ from same-uid processes (/proc, ptrace)."""
    if _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")
