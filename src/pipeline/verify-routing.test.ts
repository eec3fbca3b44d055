// How `verify` routes each line, checked with --static-only (no Docker needed for routing).
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TrajectoryResult } from "../core/trajectory-result.js";
import { verify } from "./verify.js";

const walkthrough = JSON.parse((await readFile("fixtures/trajectories/unit-test-walkthrough.jsonl", "utf8")).split("\n")[0]!) as Record<string, unknown>;

describe("verify routing", () => {
  it("sends trajectories to their kind, reports unknown kinds and bad lines, and keeps schema failures as results", async () => {
    const dir = await mkdtemp(join(tmpdir(), "vouch-route-"));
    const input = join(dir, "in.jsonl");
    const output = join(dir, "out.jsonl");
    const lines = [
      JSON.stringify({ ...walkthrough, id: "good" }),
      JSON.stringify({ ...walkthrough, id: "broken", steps: "not a list" }),
      JSON.stringify({ id: "odd", task: "poetry" }),
      JSON.stringify({ id: "plain", code: "x = 1\n", tests: { kind: "assert", code: "assert x == 1" } }),
      "{oops",
    ];
    await writeFile(input, lines.join("\n") + "\n");
    const invalid: string[] = [];
    const s = await verify({ input, output, staticOnly: true, cacheDir: false, onInvalid: (_l, e) => invalid.push(e) });
    const results = (await readFile(output, "utf8")).trim().split("\n").map((l) => TrajectoryResult.parse(JSON.parse(l)));
    expect(results.map((r) => [r.id, r.verdict])).toEqual([
      ["good", "pass"],
      ["broken", "fail"],
    ]);
    const broken = results[1]!;
    expect(broken.stages.map((st) => `${st.stage}:${st.status}`)).toEqual(["schema:fail", "static:skipped", "execute:skipped", "judge:skipped"]);
    expect(broken.stages[0]!.findings.join(" ")).toMatch(/^steps: /);
    expect(results[0]!.stages.find((st) => st.stage === "execute")!.status).toBe("skipped");
    expect(invalid).toHaveLength(3);
    expect(invalid[0]).toMatch(/in\.jsonl:3 task: unknown task "poetry" \(known: error-recovery, /);
    expect(invalid[1]).toMatch(/in\.jsonl:4: a plain code record needs the sandbox/);
    expect(invalid[2]).toMatch(/in\.jsonl:5: invalid JSON/);
    expect(s.trajectories?.byTask["unit-test-walkthrough"]).toMatchObject({ pass: 1, fail: 1 });
  });
});
