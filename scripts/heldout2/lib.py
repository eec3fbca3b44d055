"""Helpers for the heldout2 generator: run code for real, trace it, make diffs."""
import ast, difflib, json, subprocess, sys, copy

PY = "/usr/bin/python3"


def load(path):
    return {json.loads(l)["id"]: json.loads(l) for l in open(path)}


def run_asserts(code, tests):
    """Run each top-level statement of tests after code; return [(name, status, message)]."""
    ns = {"__name__": "solution"}
    exec(compile(code, "solution.py", "exec"), ns)
    tree = ast.parse(tests)
    lines = tests.splitlines()
    out = []
    for node in tree.body:
        name = "line %d" % node.lineno
        src = ast.get_source_segment(tests, node)
        try:
            exec(compile(ast.Module([node], []), "test.py", "exec"), ns)
            out.append((name, "pass", None, src))
        except AssertionError:
            out.append((name, "fail", None, src))
        except Exception as e:  # noqa
            out.append((name, "error", "%s: %s" % (type(e).__name__, e), src))
    return out


def run_io(code, inp, timeout=20):
    p = subprocess.run([PY, "-c", code], input=inp, capture_output=True, text=True, timeout=timeout)
    return p.stdout, p.stderr


def io_ok(code, cases):
    res = []
    for c in cases:
        out, err = run_io(code, c["input"])
        norm = lambda s: "\n".join(l.rstrip() for l in s.rstrip().splitlines())
        res.append(norm(out) == norm(c["output"]))
    return res


def udiff(a, b, n=3):
    d = difflib.unified_diff(a.splitlines(True), b.splitlines(True), "a/solution.py", "b/solution.py", n=n)
    return "".join(d)


def call(code, expr):
    ns = {}
    exec(code, ns)
    return eval(expr, ns)


def trace(code, test):
    """Per solution-frame line events with the frame's locals AFTER the line ran."""
    events = []  # (frame_id, line, func, locals_before)
    ends = {}

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != "solution.py":
            return None
        def local(frame, event, arg):
            snap = {k: repr(v) for k, v in frame.f_locals.items()}
            if event == "line":
                events.append([id(frame), frame.f_lineno, frame.f_code.co_name, snap, None])
            elif event == "return":
                events.append([id(frame), None, frame.f_code.co_name, snap, repr(arg)])
            return local
        return local(frame, event, arg) if event == "line" else local

    ns = {}
    exec(compile(code, "solution.py", "exec"), ns)
    sys.settrace(tracer)
    try:
        exec(compile(test, "test.py", "exec"), ns)
        verdict = "pass"
    except AssertionError:
        verdict = "fail"
    except Exception:
        verdict = "error"
    finally:
        sys.settrace(None)
    # after-state of a line event = the snapshot at the next event of the same frame
    steps = []
    for i, (fid, line, fn, snap, ret) in enumerate(events):
        if line is None:
            continue
        after = None
        retv = None
        for j in range(i + 1, len(events)):
            if events[j][0] == fid:
                after = events[j][3]
                if events[j][1] is None:
                    retv = events[j][4]
                break
        steps.append({"line": line, "func": fn, "after": after, "returns": retv})
    return steps, verdict


def depth(fn_src):
    """Max nesting of control blocks (elif not counted as deeper) in the first function of fn_src."""
    tree = ast.parse(fn_src).body[0]
    def d(nodes, cur):
        m = cur
        for n in nodes:
            if isinstance(n, (ast.If, ast.For, ast.While, ast.Try, ast.With)):
                m = max(m, d(n.body, cur + 1))
                orelse = getattr(n, "orelse", [])
                if isinstance(n, ast.If) and len(orelse) == 1 and isinstance(orelse[0], ast.If):
                    m = max(m, d(orelse, cur))  # elif: same level
                else:
                    m = max(m, d(orelse, cur + 1))
                for h in getattr(n, "handlers", []):
                    m = max(m, d(h.body, cur + 1))
                m = max(m, d(getattr(n, "finalbody", []), cur + 1))
        return m
    return d(tree.body, 0)
