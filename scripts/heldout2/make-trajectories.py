#!/usr/bin/python3
"""Held-out set 2: 7 kinds x (3 sound + 3 flawed). Every claimed value is computed here by running the code."""
import json, os, sys, random, math, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import load, run_asserts, run_io, io_ok, udiff, call, trace, depth

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
MB = load("/work/shared/data/mbpp_dev.jsonl")
CC = load("/work/shared/data/codecontests_dev.jsonl")
MB_IDS = list(MB)[30:]
CC_IDS = list(CC)[15:]
OUT = []


def mb(pid):
    assert "Mbpp/%d" % pid in MB_IDS, pid
    return MB["Mbpp/%d" % pid]


def cc(pid):
    assert "codecontests/" + pid in CC_IDS, pid
    return CC["codecontests/" + pid]


def prompt(r):
    return r["prompt"].strip().strip('"').strip()


def emit(rec, expect):
    rec["expect"] = expect
    OUT.append(rec)


def hidden_from(ref, calls):
    return "\n".join("assert %s == %r" % (c, call(ref, c)) for c in calls) + "\n"


PASS = {"verdict": "pass"}
def FAIL(err, k):
    return {"verdict": "fail", "error": err, "firstWrongStep": k}

exec(open(os.path.join(os.path.dirname(__file__), "er.py")).read())
exec(open(os.path.join(os.path.dirname(__file__), "erm.py")).read())
exec(open(os.path.join(os.path.dirname(__file__), "plan.py")).read())
exec(open(os.path.join(os.path.dirname(__file__), "impl.py")).read())
exec(open(os.path.join(os.path.dirname(__file__), "qe.py")).read())
exec(open(os.path.join(os.path.dirname(__file__), "diff.py")).read())
exec(open(os.path.join(os.path.dirname(__file__), "walk.py")).read())

ids = [r["id"] for r in OUT]
assert len(ids) == len(set(ids))
os.makedirs(os.path.join(ROOT, "fixtures/heldout2"), exist_ok=True)
with open(os.path.join(ROOT, "fixtures/heldout2/trajectories.jsonl"), "w") as f:
    for r in OUT:
        f.write(json.dumps(r) + "\n")
from collections import Counter
print(len(OUT), Counter((r["task"], r["expect"]["verdict"]) for r in OUT))
