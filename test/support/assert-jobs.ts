import { ASSERT_HARNESS, PYTHON, SOLUTION_FILE } from "../../src/exec/python/harness.js";
import { DockerProvider } from "../../src/sandbox/docker/provider.js";
import { ensureImage } from "../../src/sandbox/image.js";
import { SandboxLimits } from "../../src/sandbox/limits.js";
import type { ExecResult } from "../../src/sandbox/types.js";

// Assert-harness jobs run straight on a warm pool, with the runner as the test side (inlineTests) or the harness's
// own test process: the tests that compare the two.
export async function openAssertJobs(size: number, timeoutMs: number) {
  const image = await ensureImage({ build: true });
  const provider = new DockerProvider({ spec: { image, limits: SandboxLimits.parse({ timeoutMs }) }, isolation: "pool", size });
  await provider.warm();
  const job = async (code: string, tests: string, inlineTests: boolean): Promise<ExecResult> => {
    const sb = await provider.acquire();
    try {
      return await sb.exec([PYTHON, ASSERT_HARNESS, SOLUTION_FILE], { files: { [SOLUTION_FILE]: code }, stdin: JSON.stringify({ code: tests }), inlineTests });
    } finally {
      await provider.release(sb);
    }
  };
  return { provider, job, close: () => provider.close() };
}

// What a verdict is made of: exit, streams, flags and the report, minus timings and object addresses.
export function comparable(r: ExecResult) {
  const scrub = (s: string) => s.replace(/0x[0-9a-f]+/g, "0x?");
  const report = r.report
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const msg = JSON.parse(scrub(line)) as { test?: { durationMs?: number } };
      if (msg.test) delete msg.test.durationMs;
      return msg;
    });
  return { exitCode: r.exitCode, signal: r.signal, stdout: scrub(r.stdout), stderr: scrub(r.stderr), timedOut: r.timedOut, oomKilled: r.oomKilled, outputTruncated: r.outputTruncated, report };
}
