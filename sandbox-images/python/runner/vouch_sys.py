"""Process hardening shared by the runner and the harnesses (stdlib only)."""
import ctypes
import os

PR_SET_DUMPABLE = 4
_libc = ctypes.CDLL("libc.so.6", use_errno=True)


def set_non_dumpable():
    """Hide this process's memory, fds and environ from same-uid processes (/proc, ptrace)."""
    if _non_dumpable():
        return  # inherited (a harness the fork server runs inline): the foreign call would only cost page faults
    if _libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def _non_dumpable():
    """True when this process is already non-dumpable: its /proc files then belong to root, not to its own user
    (never the case for a dumpable process of a user other than root)."""
    try:
        return os.geteuid() != 0 and os.stat(f"/proc/{os.getpid()}/stat").st_uid == 0
    except OSError:
        return False


IPC_RMID = 0
_SYSV = (("shm", "shmctl"), ("sem", "semctl"), ("msg", "msgctl"))


def remove_sysv_ipc():
    """Removes every System V shared memory segment, semaphore set and message queue this IPC namespace
    holds (the container's own), so one job cannot leave data for the next. Returns how many remain."""
    left = 0
    for kind, fn in _SYSV:
        try:
            with open(f"/proc/sysvipc/{kind}") as f:
                ids = [int(line.split()[1]) for line in f.readlines()[1:] if line.strip()]
        except (OSError, ValueError, IndexError):
            continue
        for ipc_id in ids:
            if kind == "sem":
                rc = getattr(_libc, fn)(ipc_id, 0, IPC_RMID)
            else:
                rc = getattr(_libc, fn)(ipc_id, IPC_RMID, None)
            left += rc != 0
    return left


# Landlock (Linux 5.13+): an unprivileged process can give up file-system rights for itself and its children.
_SYS_LANDLOCK_CREATE_RULESET, _SYS_LANDLOCK_ADD_RULE, _SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38
# write, remove, make char/dir/reg/sock/fifo/block/sym (ABI 1), refer (ABI 2), truncate (ABI 3)
_WRITE_RIGHTS = {1: 0x1FF2, 2: 0x1FF2 | 0x2000, 3: 0x1FF2 | 0x2000 | 0x4000}
_FILE_RIGHTS = 0x2 | 0x4000  # the rights that apply to a file itself: write, truncate


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def restrict_writes(allowed):
    """From now on this process (and what it starts) may create, change or remove files only beneath the
    `allowed` paths; reading is unchanged. Returns False when the kernel has no Landlock (nothing changed)."""
    abi = _libc.syscall(_SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), _LANDLOCK_CREATE_RULESET_VERSION)
    if abi < 1:
        return False
    handled = _WRITE_RIGHTS[min(abi, 3)]
    attr = ctypes.c_uint64(handled)
    ruleset = _libc.syscall(_SYS_LANDLOCK_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(8), 0)
    if ruleset < 0:
        return False
    try:
        for path in allowed:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                rights = handled if os.path.isdir(path) else handled & _FILE_RIGHTS
                rule = _PathBeneath(rights, fd)
                if _libc.syscall(_SYS_LANDLOCK_ADD_RULE, ruleset, _LANDLOCK_RULE_PATH_BENEATH, ctypes.byref(rule), 0) != 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule({path}) failed")
            finally:
                os.close(fd)
        if _libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS) failed")
        if _libc.syscall(_SYS_LANDLOCK_RESTRICT_SELF, ruleset, 0) != 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
    return True
