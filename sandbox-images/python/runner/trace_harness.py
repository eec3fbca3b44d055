"""Runs a unit test under a line tracer, for checking step-by-step walkthroughs of it.

Usage: python3 trace_harness.py solution.py test.py < request.json, records as JSON lines on fd 3.
Request: {"entry": name|null, "max_events": n, "repr_limit": n, "max_bytes": n, "budget_ms": n}
The solution runs as module "solution", then the test in the same namespace (MBPP style). Every line
run in solution.py or test.py gives one record, written when the line has finished, holding the
frame's variables that changed since the frame's previous record (so a loop costs little output):
  {"c": fid, "fn": qualname, "file": "s"|"t", "p": parent fid|null, "s": seq, "v": {arg: repr}}   a call
  {"s": seq, "e": end, "f": fid, "l": line, "v": {name: repr}, "d": [gone], "t": [cut],
   "ret": repr (the line returned this), "x": type (the line raised this)}
  {"entry": repr|null, "x": type|null, "l": test line}   a call of the entry point from the test ended
  {"stop": why, "events": n}   recording stopped (events, bytes or time budget); the run goes on
  {"tamper": why}   the solution or test reached for the tracer (see Watch): the trace is not trusted
  {"load_error": {...}} | {"done": true, "verdict": "pass"|"fail"|"error", "error": {...}|null, ...}
The records go out in chunks, each after a {"chunk": nonce, "k": index, "n": lines} header; the nonce
comes on stdin and is read before the solution runs, so lines the solution writes to fd 3 itself are
outside any chunk (the host rejects the trace). An audit hook watches for what could disable the tracer
or read the nonce (sys.settrace, frames, gc, ctypes, fork, /proc/*/mem): any of it is reported at once.
"s" orders lines by when they started, "e" by when they finished. Frames outside the two files are
never traced; after a cap only calls of the entry point from the test are still watched.
"""
import json
import os
import signal
import sys
import threading
import time
import traceback
import types

SOL = "solution.py"
TEST = "test.py"
BIG = 200  # containers longer than this are repr'd from their first BIG items (no quadratic cost)
SKIP_TYPES = (types.ModuleType, types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)
IMMUTABLE = (int, float, str, bool, type(None))
MUTABLE = object()  # marks a remembered value that may change in place


class Tracer:
    def __init__(self, req, entry_code, report):
        self.report = report
        self.nonce = str(req.get("nonce") or "")
        self.chunks = 0
        self.tampered = []
        self.max_events = int(req.get("max_events", 20000))
        self.repr_limit = int(req.get("repr_limit", 300))
        self.max_bytes = int(req.get("max_bytes", 4 << 20))
        self.deadline = time.perf_counter() + float(req.get("budget_ms", 3000)) / 1000.0
        self.entry_code = entry_code
        self.recording = True
        self.out = []  # JSON lines, written when recording stops and at the end
        self.size = 0
        self.events = 0
        self.seq = 0
        self.frames = {}  # frame -> [fid, pending line, its seq, {name: (repr, object)}, raised type]
        self.raised = {}  # frame -> exception type, for entry frames watched after a cap
        self.entries = []
        self.next_fid = 0

    def emit(self, rec):
        line = json.dumps(rec, separators=(",", ":"))
        self.out.append(line)
        self.size += len(line) + 1

    def flush(self):
        if self.out:
            head = json.dumps({"chunk": self.nonce, "k": self.chunks, "n": len(self.out)}, separators=(",", ":"))
            self.chunks += 1
            self.report.write(head + "\n" + "\n".join(self.out) + "\n")
            self.report.flush()
            self.out = []

    def tamper(self, why):
        """Reported at once (a later kill or a forked copy of this process cannot hide it)."""
        if why in self.tampered:
            return
        self.tampered.append(why)
        saved, self.out = self.out, [json.dumps({"tamper": why})]
        self.flush()
        self.out = saved

    def brepr(self, v):
        """A bounded repr, and whether it was cut."""
        try:
            if isinstance(v, (list, tuple)) and len(v) > BIG:
                return repr(v[:BIG])[: self.repr_limit], True
            if isinstance(v, (set, frozenset, dict)) and len(v) > BIG:
                return f"<{type(v).__name__} of {len(v)} items>", True
            if isinstance(v, (str, bytes)) and len(v) > self.repr_limit:
                return repr(v[: self.repr_limit]), True
            text = repr(v)
        except Exception as e:  # noqa: BLE001 - a __repr__ that fails is the solution's
            return f"<repr failed: {type(e).__name__}>", True
        if len(text) > self.repr_limit:
            return text[: self.repr_limit], True
        return text, False

    def snapshot(self, frame, last):
        """The frame's variables that changed since its last record: (changed, cut, gone)."""
        changed, cut, seen = {}, [], set()
        module = frame.f_code.co_name == "<module>"
        for name, v in frame.f_locals.items():
            if module and (name.startswith("__") or isinstance(v, SKIP_TYPES)):
                continue
            seen.add(name)
            prev = last.get(name)
            if prev is not None and prev[1] is v:
                continue  # the very same immutable object: unchanged, no repr needed
            text, was_cut = self.brepr(v)
            last[name] = (text, v if type(v) in IMMUTABLE else MUTABLE)
            if prev is None or prev[0] != text:
                changed[name] = text
                if was_cut:
                    cut.append(name)
        gone = [n for n in last if n not in seen]
        for n in gone:
            del last[n]
        return changed, cut, gone

    def finish_line(self, frame, state, returned=False, value=None):
        """Writes the pending line of a frame, with the variables as the line left them."""
        if state[1] is None:
            return
        changed, cut, gone = self.snapshot(frame, state[3])
        self.seq += 1
        rec = {"s": state[2], "e": self.seq, "f": state[0], "l": state[1], "v": changed}
        if gone:
            rec["d"] = gone
        if cut:
            rec["t"] = cut
        if state[4] is not None:
            rec["x"] = state[4]
        elif returned:
            rec["ret"] = self.brepr(value)[0]
        state[1] = None
        self.emit(rec)
        self.events += 1
        if self.events >= self.max_events:
            self.stop("events")
        elif self.size >= self.max_bytes:
            self.stop("bytes")
        elif self.events % 128 == 0 and time.perf_counter() > self.deadline:
            self.stop("time")

    def stop(self, why):
        """Stops recording lines; the run goes on untraced but for the entry's calls."""
        if not self.recording:
            return
        self.recording = False
        self.emit({"stop": why, "events": self.events})
        self.flush()  # what was recorded survives a later kill (time-out, memory)
        for frame in self.frames:
            frame.f_trace_lines = False
        self.frames.clear()

    def is_entry_call(self, frame):
        back = frame.f_back
        return self.entry_code is not None and frame.f_code is self.entry_code and back is not None \
            and back.f_code.co_filename == TEST

    def on_call(self, frame, event, arg):
        if frame.f_code.co_filename not in (SOL, TEST):
            return None
        if not self.recording:
            if self.is_entry_call(frame):
                frame.f_trace_lines = False
                return self.local
            return None
        parent = self.frames.get(frame.f_back) if frame.f_back is not None else None
        self.seq += 1
        state = [self.next_fid, None, None, {}, None]
        self.next_fid += 1
        self.frames[frame] = state
        rec = {"c": state[0], "fn": frame.f_code.co_qualname, "file": "s" if frame.f_code.co_filename == SOL else "t",
               "p": parent[0] if parent else None, "s": self.seq}
        if frame.f_code.co_name != "<module>":
            rec["v"], cut, _ = self.snapshot(frame, state[3])  # the arguments, so lines report only changes
            if cut:
                rec["t"] = cut
        self.emit(rec)
        return self.local

    def local(self, frame, event, arg):
        state = self.frames.get(frame)
        if event == "return" and state is not None and not frame.f_trace_lines:
            self.tamper("a traced frame's line events were switched off (f_trace_lines)")
        if event == "line":
            if state is not None:
                self.finish_line(frame, state)
                state[4] = None
                if self.recording:
                    self.seq += 1
                    state[1] = frame.f_lineno
                    state[2] = self.seq
            return self.local
        if event == "exception":
            if state is not None:
                state[4] = arg[0].__name__
            else:
                self.raised[frame] = arg[0].__name__
            return self.local
        if event == "return":
            if state is not None:
                raised = state[4]
                self.finish_line(frame, state, True, arg)
                self.frames.pop(frame, None)
            else:
                raised = self.raised.pop(frame, None) if arg is None else None
                self.raised.pop(frame, None)
            if self.is_entry_call(frame):
                self.entries.append({"entry": None if raised else self.brepr(arg)[0], "x": raised,
                                     "l": frame.f_back.f_lineno})
            return None
        return self.local


FRAME_ATTRS = ("tb_frame", "gi_frame", "cr_frame", "ag_frame", "f_back")
ALWAYS = ("sys._current_frames", "gc.get_objects", "gc.get_referrers", "gc.get_referents", "os.fork", "os.forkpty",
          "sys.settrace", "sys.setprofile", "threading.settrace")
FRAME_GETTERS = ("inspect.py", "traceback.py")


class Watch:
    """An audit hook (it cannot be removed) over the run of the solution and the test."""

    def __init__(self, tracer):
        self.tracer = tracer
        self.on = False
        self.busy = False

    def __call__(self, event, args):
        if not self.on or self.busy:
            return
        self.busy = True
        try:
            why = self.check(event, args)
            if why:
                self.tracer.tamper(why)
        finally:
            self.busy = False

    def check(self, event, args):
        if event in ALWAYS or event.startswith("ctypes."):
            return f"the code called {event}"
        if event == "sys._getframe" and self.from_code(sys._getframe(1)):
            return "the code took a frame (sys._getframe)"
        if event == "object.__getattr__" and len(args) > 1 and args[1] in FRAME_ATTRS and self.from_code(sys._getframe(1)):
            return f"the code took a frame ({args[1]})"
        if event == "open" and args and (args[0] == 3 or isinstance(args[0], (str, bytes)) and _proc_secret(args[0])):
            return f"the code opened {args[0]!r}"
        return None

    @staticmethod
    def from_code(frame):
        """The frame that asked is the solution's or the test's, or a stdlib helper that hands frames out."""
        name = frame.f_code.co_filename if frame is not None else ""
        return name in (SOL, TEST) or os.path.basename(name) in FRAME_GETTERS


def _proc_secret(path):
    path = os.fsdecode(path)
    return path.startswith("/proc/") and (path.endswith("/mem") or "/fd/" in path or "/map_files/" in path)


def _error(e):
    where = None
    for frame in reversed(traceback.extract_tb(e.__traceback__)):
        if frame.filename in (SOL, TEST):
            where = f"{frame.filename}:{frame.lineno} in {frame.name}"
            break
    return {"type": type(e).__name__, "message": str(e)[:1000], "where": where}


def main():
    report = os.fdopen(3, "w", buffering=1 << 16)
    req = json.loads(sys.stdin.read() or "{}")
    with open(sys.argv[1], encoding="utf-8") as f:
        sol_src = f.read()
    with open(sys.argv[2], encoding="utf-8") as f:
        test_src = f.read()
    try:
        sol_code = compile(sol_src, SOL, "exec")
        test_code = compile(test_src, TEST, "exec")
    except SyntaxError as e:
        where = f"{e.filename}:{e.lineno}"
        tracer = Tracer(req, None, report)
        tracer.emit({"load_error": {"type": "SyntaxError", "message": str(e.msg), "where": where}})
        tracer.flush()
        return
    entry_code = None
    for const in sol_code.co_consts:  # the entry's code object, found without running anything
        if isinstance(const, types.CodeType) and const.co_name == req.get("entry"):
            entry_code = const
    tracer = Tracer(req, entry_code, report)
    watch = Watch(tracer)
    sys.addaudithook(watch)
    ns = {"__name__": "solution", "__file__": SOL, "__builtins__": __builtins__}
    sys.setrecursionlimit(sys.getrecursionlimit() + 50)  # room for the tracer's own frames
    verdict, error = "pass", None
    sys.settrace(tracer.on_call)
    watch.on = True
    try:
        exec(sol_code, ns)
        exec(test_code, ns)
    except AssertionError as e:
        watch.on = False
        verdict, error = "fail", _error(e)
    except BaseException as e:  # noqa: BLE001 - the solution's failure is a result
        watch.on = False
        verdict, error = "error", _error(e)
    finally:
        watch.on = False
        if sys.gettrace() != tracer.on_call:
            tracer.tamper("the tracer was replaced or removed (sys.settrace)")
        sys.settrace(None)
    if tracer.recording and tracer.frames:
        tracer.tamper("a traced frame stopped reporting (its f_trace was changed)")
    if threading._trace_hook is not None:
        tracer.tamper("a tracer was set for new threads (threading.settrace)")
    for sig in signal.valid_signals():
        handler = signal.getsignal(sig)
        if callable(handler) and getattr(getattr(handler, "__code__", None), "co_filename", None) in (SOL, TEST):
            tracer.tamper(f"the code set a signal handler (it is given frames): {signal.Signals(sig).name}")
    tampered = bool(tracer.tampered)
    tracer.recording = False
    for rec in tracer.entries:
        tracer.emit(rec)
    tracer.emit({"done": True, "verdict": verdict, "error": error, "events": tracer.events, "tampered": tampered,
                 "entry_found": entry_code is not None})
    tracer.flush()


if __name__ == "__main__":
    main()
