// `verify` end to end on the real engine: streaming, resumability, malformed lines, hidden tests, cache,
// shards, infra-error retries, determinism.
import { mkdtemp, readFile, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Docker from "dockerode";
import { beforeAll, describe, expect, it } from "vitest";
import type { VerifyResult } from "../src/core/result.js";
import { verify } from "../src/pipeline/verify.js";
import { LABEL_MANAGED, LABEL_OWNER_PID } from "../src/sandbox/docker/labels.js";
import { isVouchError } from "../src/core/errors.js";
import { DockerProvider } from "../src/sandbox/docker/provider.js";
import { ensureImage } from "../src/sandbox/image.js";
import { SandboxLimits } from "../src/sandbox/limits.js";

const add = "def add(a, b):\n    return a + b\n";
const records = [
  { id: "pass-assert", code: add, tests: { kind: "assert", code: "assert add(1, 2) == 3\nassert add('a', 'b') == 'ab'\n" } },
  { id: "fail-assert", code: "def add(a, b):\n    return a - b\n", tests: { kind: "assert", code: "assert add(1, 2) == 3\nassert add(0, 0) == 0\n" } },
  { id: "pass-io", code: "n = int(input())\nprint(n * 2)  \n", tests: { kind: "io", cases: [{ input: "3\n", output: "6\n" }, { input: "5\n", output: "10" }] } },
  { id: "float-io", code: "print(1/3)\n", tests: { kind: "io", cases: [{ input: "", output: "0.333333" }], compare: "float", tolerance: 1e-5 } },
  {
    id: "pseudo-fix",
    code: "def sq(x):\n    return {2: 4, 3: 9}.get(x, 0)\n",
    tests: { kind: "assert", code: "assert sq(2) == 4\nassert sq(3) == 9\n" },
    hidden_tests: { kind: "assert", code: "assert sq(5) == 25\n" },
  },
  {
    id: "pytest-f2p",
    code: "def inc(x):\n    return x + 1\n",
    tests: {
      kind: "pytest",
      files: { "test_inc.py": "from solution import inc\ndef test_one():\n    assert inc(1) == 2\ndef test_zero():\n    assert inc(0) == 1\ndef test_unrelated():\n    assert False\n" },
      failToPass: ["test_inc.py::test_one"],
      passToPass: ["test_inc.py::test_zero"],
    },
  },
  {
    id: "callbacks",
    code: "def apply_twice(f, x):\n    return f(f(x))\ndef my_sort(xs, key=None):\n    return sorted(xs, key=key)\n",
    tests: {
      kind: "assert",
      code: [
        "assert apply_twice(lambda v: v * 3, 2) == 18",
        "assert my_sort([3, 1, 2], key=lambda v: -v) == [3, 2, 1]",
        "assert apply_twice(lambda v: my_sort(v)[::-1], [1, 3, 2]) == [3, 2, 1]", // a callback calling the solution
      ].join("\n"),
    },
  },
  {
    id: "generators",
    code: "def naturals():\n    i = 0\n    while True:\n        yield i\n        i += 1\ndef evens(xs):\n    return filter(lambda v: v % 2 == 0, xs)\n",
    tests: {
      kind: "assert",
      // an infinite generator is stepped remotely, never drained
      code: "g = naturals()\nassert next(g) == 0\nassert next(g) == 1\nassert list(evens([1, 2, 3, 4])) == [2, 4]\nassert sum(x for x, _ in zip(naturals(), range(4))) == 6\n",
    },
  },
  { id: "hash-order", code: "print(list({'apple', 'pear', 'fig', 'kiwi', 'plum'}))\n", tests: { kind: "io", cases: [{ input: "", output: "x" }] } },
  {
    // exceptions reach the test as the solution raised them: str(KeyError(1)) is "1", str(KeyError("a")) is "'a'"
    id: "exception-args",
    code: "def get(d, k):\n    return d[k]\n",
    tests: { kind: "assert", code: "assert get({}, 1) == 0\nassert get({}, 'a') == 0\nassert get([], 0) == 0\n" },
  },
];

async function batch(lines: string[]): Promise<{ dir: string; input: string; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), "vouch-verify-"));
  const input = join(dir, "in.jsonl");
  await writeFile(input, lines.join("\n") + "\n");
  return { dir, input, output: join(dir, "out.jsonl") };
}

async function results(path: string): Promise<Map<string, VerifyResult>> {
  const text = await readFile(path, "utf8");
  return new Map(text.split("\n").filter(Boolean).map((l) => [JSON.parse(l).id, JSON.parse(l)]));
}

describe("vouch verify (real Docker)", () => {
  let image: string;
  beforeAll(async () => {
    image = await ensureImage({ build: true });
  }, 600_000);

  it("verifies a mixed batch, reports a malformed line with its number, and goes on", async () => {
    const lines = records.map((r) => JSON.stringify(r));
    lines.splice(2, 0, "{not json", JSON.stringify({ id: "bad-schema", code: "x", tests: { kind: "io", cases: [{ input: "", output: 3 }] } }));
    const b = await batch(lines);
    const invalid: string[] = [];
    const s = await verify({ input: b.input, output: b.output, image, cacheDir: false, onInvalid: (_l, e) => invalid.push(e) });
    expect(invalid).toHaveLength(2);
    expect(invalid[0]).toMatch(/in\.jsonl:3/);
    expect(invalid[1]).toMatch(/in\.jsonl:4 tests\.cases\[0\]\.output/);
    const out = await results(b.output);
    expect(out.get("pass-assert")?.verdict).toBe("pass");
    expect(out.get("fail-assert")?.verdict).toBe("fail");
    expect(out.get("fail-assert")?.tests.map((t) => t.status)).toEqual(["fail", "pass"]);
    expect(out.get("fail-assert")?.tests[0]?.message).toBe("AssertionError: got -1, expected 3");
    expect(out.get("exception-args")?.tests.map((t) => t.message?.replace(/ \(at .*\)$/, ""))).toEqual([
      "KeyError: 1",
      "KeyError: 'a'",
      "IndexError: list index out of range",
    ]);
    expect(out.get("pass-io")?.verdict).toBe("pass");
    expect(out.get("float-io")?.verdict).toBe("pass");
    const pseudo = out.get("pseudo-fix");
    expect(pseudo?.verdict).toBe("pass");
    expect(pseudo?.hidden?.verdict).toBe("fail");
    expect(pseudo?.tests).toHaveLength(2); // hidden results are kept apart
    expect(out.get("pytest-f2p")?.verdict).toBe("pass");
    expect(out.get("callbacks")?.verdict, JSON.stringify(out.get("callbacks"))).toBe("pass");
    expect(out.get("generators")?.verdict, JSON.stringify(out.get("generators"))).toBe("pass");
    expect(s.total).toBe(records.length);
    expect(s.invalidLines).toHaveLength(2);
    expect(s.byVerdict.pass).toBe(7);
  });

  it("resumes: ids already in the output are skipped and a partial last line is redone", async () => {
    const b = await batch(records.slice(0, 3).map((r) => JSON.stringify(r)));
    await verify({ input: b.input, output: b.output, image, cacheDir: false });
    const first = await readFile(b.output, "utf8");
    await appendFile(b.input, JSON.stringify(records[3]) + "\n");
    await appendFile(b.output, '{"id": "float-io", "verd'); // a crash mid-write
    const seen: string[] = [];
    await verify({ input: b.input, output: b.output, image, cacheDir: false, onResult: (r) => seen.push(r.id) });
    expect(seen).toEqual(["float-io"]);
    const after = await readFile(b.output, "utf8");
    expect(after.startsWith(first)).toBe(true);
    expect(after.trim().split("\n")).toHaveLength(4);
  });

  it("serves unchanged records from the content cache, and same input gives the same verdicts", async () => {
    const b = await batch(records.map((r) => JSON.stringify(r)));
    const cacheDir = join(b.dir, "cache");
    await verify({ input: b.input, output: b.output, image, cacheDir });
    const second = join(b.dir, "again.jsonl");
    const t0 = performance.now();
    const s = await verify({ input: b.input, output: second, image, cacheDir });
    expect(s.cached).toBe(records.length);
    expect(performance.now() - t0).toBeLessThan(5_000);
    const [a, c] = [await results(b.output), await results(second)];
    for (const [id, r] of a) expect(c.get(id)?.verdict, id).toBe(r.verdict);
    // pinned hash seed: set order is the same in every run, so the printed output is too
    const third = join(b.dir, "third.jsonl");
    await verify({ input: b.input, output: third, image, cacheDir: false });
    expect((await results(third)).get("hash-order")?.stdout).toBe(a.get("hash-order")?.stdout);
  });

  it("takes one shard of the input; shards are disjoint and cover it", async () => {
    const b = await batch(records.map((r) => JSON.stringify(r)));
    const ids: string[][] = [];
    for (const index of [1, 2]) {
      const out = join(b.dir, `s${index}.jsonl`);
      await verify({ input: b.input, output: out, image, cacheDir: false, shard: { index, count: 2 } });
      ids.push([...(await results(out)).keys()]);
    }
    expect(ids[0]!.filter((id) => ids[1]!.includes(id))).toEqual([]);
    expect([...ids[0]!, ...ids[1]!].sort()).toEqual(records.map((r) => r.id).sort());
  });

  it("retries an engine failure once on another container and never charges the code", async () => {
    const docker = new Docker();
    const b = await batch([JSON.stringify({ id: "slow", code: "import time\ntime.sleep(3)\ndef f():\n    return 1\n", tests: { kind: "assert", code: "assert f() == 1" } })]);
    let killed = 0;
    let firstSeen = 0;
    const killer = setInterval(async () => {
      if (killed) return;
      const mine = await docker.listContainers({ filters: { label: [`${LABEL_MANAGED}=true`, `${LABEL_OWNER_PID}=${process.pid}`] } });
      if (mine.length) firstSeen ||= performance.now();
      // kill the container while the job runs (it sleeps 3 s on import), not while the pool warms up
      if (mine.length && !killed && performance.now() - firstSeen > 900) {
        killed = mine.length;
        await Promise.all(mine.map((c) => docker.getContainer(c.Id).kill().catch(() => undefined)));
      }
    }, 100);
    const s = await verify({ input: b.input, output: b.output, image, cacheDir: false, concurrency: 1 }).finally(() => clearInterval(killer));
    expect(killed).toBeGreaterThan(0);
    const r = (await results(b.output)).get("slow");
    expect(r?.verdict).toBe("pass");
    expect(r?.attempts).toBe(2);
    expect(s.byVerdict["infra-error"]).toBe(0);
  });

  it("stops the batch when the sandbox fails record after record, and a re-run redoes those records", async () => {
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify({ ...records[0], id: `r${i}` }));
    const b = await batch(lines);
    const broken = new DockerProvider({ spec: { image: "vouch-no-such-image:0", limits: SandboxLimits.parse({}) }, isolation: "pool", size: 1 });
    const err = await verify({ input: b.input, output: b.output, provider: broken, image: "vouch-no-such-image:0", cacheDir: false, concurrency: 1 })
      .catch((e: unknown) => e)
      .finally(() => broken.close());
    expect(isVouchError(err) && err.code).toBe("SANDBOX_UNAVAILABLE");
    expect((err as Error).message).toMatch(/3 records in a row/);
    const written = [...(await results(b.output)).values()];
    // the streak stops the batch; a record already prepared and waiting for a sandbox (up to 2 x concurrency in
    // flight) may fail too, but the batch never goes on to the rest
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThanOrEqual(4);
    expect(written.every((r) => r.verdict === "infra-error")).toBe(true);
    const s = await verify({ input: b.input, output: b.output, image, cacheDir: false });
    expect(s.byVerdict.pass).toBe(6);
    expect([...(await results(b.output)).values()].every((r) => r.verdict === "pass")).toBe(true);
  });
});
