"""Calls a solution's entry point on many inputs, for differential tests and input generation.

Usage: python3 call_harness.py solution.py < request.json, results as JSON lines on fd 3.
Request: {"mode": "call"|"generate", "entry": name, ...}
  call:     {"inputs": [src, ...]}            each src is a Python expression giving the argument tuple
  call and generate take "call_timeout_ms": each call's own limit (a hang costs that call only)
  generate: {"seeds": [src, ...], "count": n, "seed": s}   mutated inputs from seed argument tuples
The solution runs in this process (the job is its own sandboxed process group); the host never trusts
more than it could check: differential results are compared across separate jobs.
"""
import collections.abc
import copy
import itertools
import json
import os
import random
import signal
import sys
import time
import traceback

REPR_LIMIT = 2000


class CallTimeout(BaseException):
    """One call ran past its own limit (a BaseException, so the solution's `except Exception` cannot swallow it)."""


def _on_alarm(_signum, _frame):
    raise CallTimeout()


def _load(path):
    ns = {"__name__": "solution", "__file__": path}
    with open(path) as f:
        src = f.read()
    exec(compile(src, path, "exec"), ns)
    return ns


def _args(value):
    return value if isinstance(value, tuple) else (value,)


class _AnyDigits:
    """Integers of any size, for Vouch's own reprs and input literals (python3's 4,300-digit str limit is a
    guard for untrusted text, not a property of the solution's result)."""

    def __enter__(self):
        self.old = sys.get_int_max_str_digits()
        sys.set_int_max_str_digits(0)

    def __exit__(self, *exc):
        sys.set_int_max_str_digits(self.old)


def _short(text):
    return text if len(text) <= REPR_LIMIT else text[:REPR_LIMIT] + "..."


def _error(e):
    tb = traceback.extract_tb(e.__traceback__)
    where = None
    for frame in reversed(tb):
        if os.path.basename(frame.filename) == "solution.py":
            where = f"solution.py:{frame.lineno} in {frame.name}"
            break
    return {"type": type(e).__name__, "message": str(e)[:REPR_LIMIT], "where": where}


ITER_LIMIT = 100_000


def _materialised(value):
    """An iterator (generator, map, zip, ...) compared by what it yields, in the call's time: its own repr only
    names its address. A list of the items, so a generator and a list of the same items agree."""
    if isinstance(value, collections.abc.Iterator) and not isinstance(value, (str, bytes)):
        return list(itertools.islice(value, ITER_LIMIT))
    return value


def _call(fn, args, limit_s=None):
    """One call, under its own time limit when given: a hanging input does not cost the inputs after it."""
    args = copy.deepcopy(args)  # outside the timed region: copying a large input is not the call's cost
    t0 = time.perf_counter()
    if limit_s:
        signal.setitimer(signal.ITIMER_REAL, limit_s)
    try:
        value = _materialised(fn(*args))
        with _AnyDigits():
            text = _short(repr(value))
        return {"ok": True, "repr": text, "ms": (time.perf_counter() - t0) * 1000}
    except CallTimeout:
        return {"ok": False, "timeout": True, "error": {"type": "Timeout", "message": f"the call ran over {limit_s} s",
                                                        "where": None}, "ms": (time.perf_counter() - t0) * 1000}
    except Exception as e:  # noqa: BLE001 - the solution's failure is a result
        return {"ok": False, "error": _error(e), "ms": (time.perf_counter() - t0) * 1000}
    finally:
        if limit_s:
            signal.setitimer(signal.ITIMER_REAL, 0)


def _mutate(value, rng, depth=0):
    if isinstance(value, bool):
        return rng.choice([True, False])
    if isinstance(value, int):
        span = max(3, abs(value) * 2)
        return rng.choice([0, 1, -1, value + 1, value - 1, rng.randint(-span, span), rng.randint(0, span)])
    if isinstance(value, float):
        return rng.choice([0.0, value * 2, -value, value + rng.uniform(-10, 10), round(rng.uniform(-100, 100), 2)])
    if isinstance(value, str):
        chars = list(value) or list("ab")
        ops = [lambda: "", lambda: value[::-1], lambda: "".join(rng.sample(chars, len(chars))),
               lambda: value + rng.choice(chars), lambda: value[: rng.randint(0, len(value))]]
        return rng.choice(ops)()
    if isinstance(value, dict) and depth < 3:
        items = list(value.items())
        choice = rng.randrange(3)
        if choice == 0 and items:
            items = items[: rng.randint(0, len(items))]
        elif choice == 1:
            items = [(k, _mutate(v, rng, depth + 1)) for k, v in items]
        elif items:
            k, v = rng.choice(items)
            items.append((_mutate(k, rng, depth + 1), _mutate(v, rng, depth + 1)))
        try:
            return dict(items)
        except TypeError:  # a mutated key that cannot be hashed
            return dict(value)
    if isinstance(value, (list, tuple)) and depth < 3:
        items = list(value)
        choice = rng.randrange(5)
        if choice == 0:
            items = []
        elif choice == 1:
            rng.shuffle(items)
        elif choice == 2 and items:
            items = items[: rng.randint(0, len(items))]
        elif choice == 3 and items:
            items = items + [_mutate(rng.choice(items), rng, depth + 1) for _ in range(rng.randint(1, 4))]
        else:
            items = [_mutate(x, rng, depth + 1) for x in items]
        return type(value)(items) if isinstance(value, tuple) else items
    return copy.deepcopy(value)


def main():
    report = os.fdopen(3, "w", buffering=1)
    req = json.loads(sys.stdin.read())
    mode = req["mode"]
    limit_s = req.get("call_timeout_ms", 0) / 1000 or None
    signal.signal(signal.SIGALRM, _on_alarm)
    try:
        ns = _load(sys.argv[1])
        fn = ns[req["entry"]]
    except Exception as e:  # noqa: BLE001
        report.write(json.dumps({"load_error": _error(e)}) + "\n")
        return
    if mode == "call":
        for i, src in enumerate(req["inputs"]):
            try:
                with _AnyDigits():
                    args = _args(eval(src, {}))
            except Exception as e:  # noqa: BLE001
                report.write(json.dumps({"i": i, "bad_input": _error(e)}) + "\n")
                continue
            report.write(json.dumps({"i": i, **_call(fn, args, limit_s)}) + "\n")
    elif mode == "generate":
        rng = random.Random(req.get("seed", 0))
        seeds = []
        for src in req["seeds"]:
            try:
                with _AnyDigits():
                    seeds.append(_args(eval(src, {})))
            except Exception:  # noqa: BLE001 - a seed that is not a plain value is skipped
                pass
        seen = {repr(s) for s in seeds}
        tries = 0
        made = 0
        while seeds and made < req["count"] and tries < req["count"] * 20:
            tries += 1
            args = tuple(_mutate(a, rng) for a in rng.choice(seeds))
            with _AnyDigits():
                key = repr(args)
            if key in seen:
                continue
            seen.add(key)
            result = _call(fn, args, limit_s)
            if not result["ok"]:
                continue  # outside the reference's domain (it raised or hung)
            report.write(json.dumps({"input": key, **result}) + "\n")
            made += 1
    report.write(json.dumps({"done": True}) + "\n")


if __name__ == "__main__":
    main()
