"""Vouch's in-container runner: PID 1 of every sandbox container.

Protocol: JSON lines on stdin (jobs) and stdout (one handshake, then one result per job).
A job: {"id", "argv", "stdin"(base64, given to the job as a regular file on fd 0), "files": {relpath: base64}, "env", "timeoutMs",
"maxOutputBytes", "fileSizeBytes"}. Each job runs in a new process group started by the fork
server, in its own directory under /work; afterwards every process but the runner and the fork
server is killed, and the job directory, /tmp and /dev/shm are wiped. stdin EOF ends the container.
"""
import base64
import json
import os
import selectors
import shutil
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forkserver  # noqa: E402
import runner_asserts  # noqa: E402
from vouch_sys import remove_sysv_ipc, set_non_dumpable  # noqa: E402

WORK = "/work"
WIPED = (WORK, "/tmp", "/dev/shm", "/dev/mqueue")  # everything a job can write, emptied after each job
OOM_COUNTERS = ("/sys/fs/cgroup/memory/memory.oom_control", "/sys/fs/cgroup/memory.events")
PINNED_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/tmp",
    "TZ": "UTC",
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    "PYTHONIOENCODING": "utf-8",
    "PYTHONUNBUFFERED": "0",
}
REPORT_FACTOR = 8  # the private report channel may hold this many times the output limit
UNRESPONSIVE_S = 5.0  # after a kill, how long the runner waits for the fork server's exit report
PING_TIMEOUT_S = 1.0


def main():
    set_non_dumpable()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # PID 1: default means ignored
    parent_sock, child_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    fs_pid = os.fork()
    if fs_pid == 0:
        parent_sock.close()
        forkserver.serve(child_sock)
    child_sock.close()
    runner = Runner(fs_pid, parent_sock)
    out = sys.stdout.buffer
    _send(out, {"type": "ready", "pid": os.getpid(), "forkserver": fs_pid, "python": sys.version.split()[0],
                "oomCounter": _oom_kills() is not None})
    seq = 0
    for line in sys.stdin.buffer:
        if not line.strip():
            continue
        seq += 1
        try:
            job = json.loads(line)
        except ValueError as e:
            _send(out, {"type": "error", "message": f"bad job line: {e}"})
            continue
        result = runner.run(job, seq)
        _send(out, result)
        if result.get("breach") == "forkserver-died":
            break
    runner.kill_all(include_forkserver=True)


def _send(out, msg):
    out.write(json.dumps(msg, separators=(",", ":")).encode() + b"\n")
    out.flush()


def _oom_kills():
    """The container's OOM-kill counter: cgroup v1 memory.oom_control, or v2 memory.events; None if neither."""
    for path in OOM_COUNTERS:
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith("oom_kill "):
                        return int(line.split()[1])
        except OSError:
            continue
    return None


class Runner:
    def __init__(self, fs_pid, sock):
        self.fs_pid = fs_pid
        self.sock = sock
        self.sock_buf = b""

    def run(self, job, seq):
        inline = runner_asserts.plan(job) if job.get("inlineTests", True) is not False else None
        res = self.attempt(job, seq, inline)
        if inline is not None and inline.needs_harness and not res["breach"]:
            res = self.attempt(job, seq, None)  # tests only the harness can run: a clean start under it, full time-out
            inline = None
        if runner_asserts.is_assert_job(job):
            res["inlineTests"] = inline is not None
        return res

    def attempt(self, job, seq, inline):
        jid = job.get("id", str(seq))
        jobdir = os.path.join(WORK, f"j{seq}")
        res = {"type": "result", "id": jid, "exitCode": None, "signal": None, "timedOut": False,
               "oomKilled": False, "outputTruncated": False, "durationMs": 0, "breach": None, "error": None}
        try:
            os.mkdir(jobdir, 0o700)
            for rel, data in (job.get("files") or {}).items():
                _write_file(jobdir, rel, base64.b64decode(data))
        except (OSError, ValueError) as e:
            res["error"] = f"could not write job files: {e}"
            self.wipe(res)
            res.update(stdout="", stderr="", report="")
            return res
        oom_before = _oom_kills()
        streams = self.execute(job, jobdir, res, inline)
        oom_after = _oom_kills()
        if oom_before is not None and oom_after is not None:
            res["oomKilled"] = oom_after > oom_before
        elif res["signal"] == "SIGKILL" and not (res["timedOut"] or res["outputTruncated"]):
            res["oomKilled"] = True  # no counter to read: a SIGKILL the runner did not send is the OOM killer's
        self.wipe(res)
        for key, chunks in streams.items():
            res[key] = base64.b64encode(b"".join(chunks)).decode()
        if res["timedOut"] or res["oomKilled"] or res["outputTruncated"]:
            res["breach"] = res["breach"] or "limit"
        return res

    def execute(self, job, jobdir, res, inline=None):
        """Runs the job's command; with `inline`, its solution process, the tests running on a thread here."""
        timeout = job.get("timeoutMs", 10000) / 1000.0
        max_out = int(job.get("maxOutputBytes", 1 << 20))
        caps = {"stdout": max_out, "stderr": max_out, "report": max_out * REPORT_FACTOR}
        env = dict(PINNED_ENV)
        env.update(job.get("env") or {})
        env["VOUCH_JOB_DIR"] = jobdir
        limits = {"fileSizeBytes": int(job.get("fileSizeBytes", 16 << 20)), "cpuSeconds": int(timeout) + 2}
        try:  # inline: the tests are the job's stdin, never the solution's
            in_r = _stdin_file(b"" if inline else base64.b64decode(job.get("stdin") or ""))
        except OSError as e:
            res["error"] = f"could not write the job's stdin: {e}"
            return {"stdout": [], "stderr": [], "report": []}
        out_r, out_w = os.pipe()
        err_r, err_w = os.pipe()
        rep_r, rep_w = os.pipe()
        argv, fourth = job["argv"], rep_w
        if inline is not None:
            argv = inline.argv(argv[0])
            tests_sock, fourth = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        req = {"argv": argv, "cwd": jobdir, "env": env, "limits": limits}
        start = time.monotonic()
        try:
            socket.send_fds(self.sock, [json.dumps(req).encode()], [in_r, out_w, err_w, _fd(fourth)])
        except OSError:
            res["breach"] = "forkserver-died"
        for fd in (in_r, out_w, err_w):
            os.close(fd)
        tests = None
        if inline is not None:
            fourth.close()
            if not res["breach"]:
                tests = runner_asserts.TestThread(inline, tests_sock, rep_w)
            else:
                tests_sock.close()
                os.close(rep_w)
        else:
            os.close(rep_w)
        streams = {"stdout": [], "stderr": [], "report": []}
        if res["breach"]:
            for fd in (out_r, err_r, rep_r):
                os.close(fd)
            return streams
        pid = None
        status = None
        sizes = {"stdout": 0, "stderr": 0, "report": 0}
        sel = selectors.DefaultSelector()
        for fd, key in ((out_r, "stdout"), (err_r, "stderr"), (rep_r, "report")):
            os.set_blocking(fd, False)
            sel.register(fd, selectors.EVENT_READ, key)
        sel.register(self.sock, selectors.EVENT_READ, "control")
        open_streams = 3
        deadline = start + timeout
        ended_at = None
        report_open = True
        killed = False
        while True:
            now = time.monotonic()
            # the command has ended when its exit status came; with inline tests, when their thread is done too (the
            # report's end), as the harness process, the job's command there, ends only after its last test
            ended = status is not None and (tests is None or not report_open)
            if ended and ended_at is None:
                ended_at = now
            if not ended and now >= deadline and not killed:
                res["timedOut"] = True
                runner_asserts.freeze(tests)
                self.kill_all()
                killed = True
            if status is None and open_streams == 0 and self.forkserver_stopped():
                res["breach"] = "forkserver-stopped"  # a job stopped it: the exit status will never come
                break
            if status is None and killed and now >= deadline + UNRESPONSIVE_S:
                res["breach"] = "forkserver-unresponsive"  # e.g. a job stopped it: this container is done
                break
            if status is not None and open_streams == 0:
                break
            if ended and now - ended_at > 0.2:
                # the command exited but something it started holds the pipes: end it
                self.kill_all()
                ended_at = now + 3600
            wait = 0.05 if killed or ended else max(0.0, min(deadline - now, 1.0))
            for skey, _ in sel.select(wait):
                key = skey.data
                if key == "control":
                    for msg in self.recv_control():
                        if "status" in msg:
                            status = msg["status"]
                        else:
                            pid = msg["pid"]
                    if self.sock_closed:
                        res["breach"] = "forkserver-died"
                        sel.unregister(self.sock)
                        status = status if status is not None else -1
                        runner_asserts.freeze(tests)
                        self.kill_all()
                else:
                    try:
                        chunk = os.read(skey.fd, 65536)
                    except OSError:
                        chunk = b""
                    if not chunk:
                        sel.unregister(skey.fd)
                        os.close(skey.fd)
                        open_streams -= 1
                        report_open = report_open and key != "report"
                        continue
                    room = caps[key] - sizes[key]
                    if len(chunk) > room:
                        chunk = chunk[:max(room, 0)]
                        res["outputTruncated"] = True
                        if not killed:
                            runner_asserts.freeze(tests)
                            self.kill_all()
                            killed = True
                    sizes[key] += len(chunk)
                    if chunk:
                        streams[key].append(chunk)
        sel.close()
        res["durationMs"] = round((time.monotonic() - start) * 1000, 3)
        if status is not None and status >= 0:
            if os.WIFSIGNALED(status):
                res["signal"] = signal.Signals(os.WTERMSIG(status)).name
            elif os.WIFEXITED(status):
                res["exitCode"] = os.WEXITSTATUS(status)
        if tests is not None:
            if not tests.join(UNRESPONSIVE_S):
                res["breach"] = res["breach"] or "tests-unresponsive"
            elif tests.frozen:
                res["exitCode"], res["signal"] = None, "SIGKILL"  # the limit's kill would have ended the harness too
                if res["breach"] == "forkserver-died":
                    # the solution killed its parent, which is the fork server here and the harness's test process
                    # there: whether the tests had finished first is a race, so none of their report is kept
                    streams["report"] = []
            elif inline.done:
                # the harness's status: it reports every test, ends its solution process and exits 0
                res["exitCode"], res["signal"] = 0, None
        return streams

    sock_closed = False

    def forkserver_stopped(self):
        """True when the fork server is in the stopped state (a job sent it SIGSTOP)."""
        return self.forkserver_state() in ("T", "t")

    def forkserver_state(self):
        try:
            with open(f"/proc/{self.fs_pid}/stat") as f:
                return f.read().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            return None

    def forkserver_ready(self):
        """True when /proc shows the fork server able to take the next request, without a ping round trip: asleep in
        its wait for it or on its way there (state S or R: its job's exit status has come), with no signal pending.
        Called once every other process is gone, so no signal can come after the read; a job's stop signal shows as
        state T or as pending, any other signal it does not ignore ends it (seen as dead), and no job can reach its
        memory (non-dumpable). Anything else falls back to the ping, which a stopped fork server never answers."""
        try:
            with open(f"/proc/{self.fs_pid}/status") as f:
                fields = dict(line.split(":", 1) for line in f if line.startswith(("State:", "SigPnd:", "ShdPnd:")))
            return (fields["State"].split()[0] in ("S", "R") and int(fields["SigPnd"], 16) == 0
                    and int(fields["ShdPnd"], 16) == 0)
        except (OSError, ValueError, KeyError, IndexError):
            return False

    def ping(self):
        """True when the fork server answers at once (a job may have stopped it with SIGSTOP)."""
        try:
            socket.send_fds(self.sock, [b'{"ping": true}'], [])
        except OSError:
            return False
        deadline = time.monotonic() + PING_TIMEOUT_S
        while time.monotonic() < deadline:
            ready = selectors.DefaultSelector()
            ready.register(self.sock, selectors.EVENT_READ)
            events = ready.select(max(0.0, deadline - time.monotonic()))
            ready.close()
            if not events:
                break
            for msg in self.recv_control():
                if msg.get("pong"):
                    return True
            if self.sock_closed:
                break
        return False

    def recv_control(self):
        try:
            data = self.sock.recv(65536)
        except OSError:
            data = b""
        if not data:
            self.sock_closed = True
            return []
        self.sock_buf += data
        msgs = []
        while b"\n" in self.sock_buf:
            line, self.sock_buf = self.sock_buf.split(b"\n", 1)
            msgs.append(json.loads(line))
        return msgs

    def kill_all(self, include_forkserver=False):
        """SIGKILL every process in the container but this one (and the fork server), and reap."""
        me = os.getpid()
        for _ in range(50):
            alive = []
            for name in os.listdir("/proc"):
                if not name.isdigit():
                    continue
                pid = int(name)
                if pid == me or (pid == self.fs_pid and not include_forkserver):
                    continue
                try:
                    os.kill(pid, signal.SIGKILL)
                    alive.append(pid)
                except ProcessLookupError:
                    pass
                except PermissionError:
                    pass
            self.reap()
            if not alive:
                return True
            time.sleep(0.002)
        return False

    def reap(self):
        while True:
            try:
                pid, _ = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            if pid == self.fs_pid:
                self.fs_dead = True

    fs_dead = False

    def wipe(self, res):
        if not self.kill_all():
            res["breach"] = res["breach"] or "processes-survived"
        if self.fs_dead or not _alive(self.fs_pid):
            res["breach"] = "forkserver-died"
        elif not res["breach"] and not self.forkserver_ready() and not self.ping():
            res["breach"] = "forkserver-unresponsive"
        for d in WIPED:
            for name in _listdir(d):
                p = os.path.join(d, name)
                if os.path.isdir(p) and not os.path.islink(p):
                    shutil.rmtree(p, ignore_errors=True)
                else:
                    try:
                        os.unlink(p)
                    except OSError:
                        pass
        if remove_sysv_ipc():
            res["breach"] = res["breach"] or "wipe-failed"
        if any(_listdir(d) for d in WIPED):
            res["breach"] = res["breach"] or "wipe-failed"


def _fd(end):
    return end if isinstance(end, int) else end.fileno()


def _alive(pid):
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False


def _listdir(d):
    try:
        return os.listdir(d)
    except OSError:
        return []


def _stdin_file(data):
    """The job's stdin as judges give it: a regular file at offset 0 (os.fstat(0).st_size is its size), with no
    name anywhere in the file system, so only the job's own fd 0 reaches it."""
    fd = os.memfd_create("stdin", os.MFD_CLOEXEC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.lseek(fd, 0, os.SEEK_SET)
    except OSError:
        os.close(fd)
        raise
    return fd


def _write_file(root, rel, data):
    if rel.startswith("/") or ".." in rel.split("/") or not rel:
        raise ValueError(f"file path must be relative and inside the job dir: {rel!r}")
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


if __name__ == "__main__":
    main()
