"""Paired A/B of sandbox runner images: container CPU per assert job (`python3 scripts/bench-runner-ab.py IMG_A IMG_B`).
An image written IMG+harness runs with inlineTests false (the assert harness's test process even for tests the runner
could evaluate itself): `bench-runner-ab.py IMG+harness IMG` measures the inline evaluation within one image.

Each image runs its runner in one container driven directly over the job protocol (no Node), on the 60 MBPP
references of fixtures/public/mbpp_dev.jsonl with their asserts, each made unique, 3 x 60 jobs per sample; the
images alternate for AB_ROUNDS rounds (3). Printed per sample: CPU of the container's cgroup (cgroup v1 cpuacct)
per job, the host round trip p50, and how many tests passed (must be equal across images). On a loaded machine
CPU per job is the fair number; compare the medians.
"""
import base64
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORDS = [json.loads(line) for line in open(os.path.join(ROOT, "fixtures/public/mbpp_dev.jsonl"))]


def b64(text):
    return base64.b64encode(text.encode()).decode()


def sample(name, repeats=3):
    image, _, mode = name.partition("+")
    cidfile = os.path.join(tempfile.mkdtemp(prefix="vouch-ab-"), "cid")
    proc = subprocess.Popen(["docker", "run", "--rm", "-i", "--cidfile", cidfile, "--user", "65534:65534", "--network", "none",
                             "--tmpfs", "/work:uid=65534", "--tmpfs", "/tmp:uid=65534", "--tmpfs", "/dev/shm:uid=65534", image],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    json.loads(proc.stdout.readline())  # ready
    cgroup = f"/sys/fs/cgroup/cpuacct/docker/{open(cidfile).read().strip()}/cpuacct.usage"

    def cpu_ns():
        with open(cgroup) as f:
            return int(f.read())

    latencies, passes, inline = [], 0, 0
    c0 = cpu_ns()
    for k in range(repeats):
        for i, rec in enumerate(RECORDS):
            job = {"argv": ["python3", "/opt/vouch/assert_harness.py", "solution.py"],
                   "files": {"solution.py": b64(f"# {k}-{i}\n" + rec["solution"])},
                   "stdin": b64(json.dumps({"code": rec["tests"]["code"]}))}
            if mode == "harness":
                job["inlineTests"] = False
            t = time.perf_counter()
            proc.stdin.write((json.dumps(job) + "\n").encode())
            proc.stdin.flush()
            res = json.loads(proc.stdout.readline())
            latencies.append((time.perf_counter() - t) * 1000)
            passes += base64.b64decode(res["report"]).count(b'"status": "pass"')
            inline += bool(res.get("inlineTests"))
    cpu = (cpu_ns() - c0) / 1e6 / len(latencies)
    proc.stdin.close()
    proc.wait()
    return cpu, statistics.median(latencies), passes, inline


def main():
    images = sys.argv[1:]
    cpu = {img: [] for img in images}
    for _ in range(int(os.environ.get("AB_ROUNDS", "3"))):
        for img in images:
            ms, p50, passes, inline = sample(img)
            cpu[img].append(ms)
            print(f"{img}: {ms:.2f} ms CPU/job, host p50 {p50:.2f} ms, tests passed {passes}, inline {inline}", flush=True)
    for img in images:
        print(f"{img}: median {statistics.median(cpu[img]):.2f} ms CPU/job")


if __name__ == "__main__":
    main()
