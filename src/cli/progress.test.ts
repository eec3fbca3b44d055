import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createProgress } from "./progress.js";

// A stand-in for process.stderr that keeps what was written.
function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 120, write: (s: string) => (chunks.push(String(s)), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join(""), lines: () => chunks.join("").split("\n").filter(Boolean) };
}

const tick = (p: ReturnType<typeof createProgress>, verdict: string, n = 1) => {
  for (let i = 0; i < n; i++) p.tick({ id: `${verdict}-${i}`, verdict });
};

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2025-01-01T00:00:00Z") });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("createProgress on a non-TTY stream", () => {
  it("prints done/total, pass and fail counts and the rate", () => {
    const out = fakeStream(false);
    const p = createProgress({ label: "verify", total: 400, stream: out.stream });
    vi.advanceTimersByTime(9_756);
    tick(p, "pass", 80);
    tick(p, "fail", 40);
    p.stop();
    expect(out.lines()).toEqual(["verify: 1/400 done (pass 1, fail 0) 0.1/s", "verify: 120/400 done (pass 80, fail 40) 12.3/s"]);
  });

  it("shows the command's own main verdicts instead of pass and fail", () => {
    const out = fakeStream(false);
    const p = createProgress({ label: "replay", stream: out.stream, verdicts: ["reproduced", "diverged", "flaky"] });
    tick(p, "reproduced", 2);
    tick(p, "unreplayable");
    p.stop();
    expect(out.lines()).toEqual(["replay: 3 done (reproduced 2, diverged 0, flaky 0, unreplayable 1) 3000.0/s"]);
  });

  it("prints at most every 2 seconds, and once at the end", () => {
    const out = fakeStream(false);
    const p = createProgress({ label: "verify", stream: out.stream });
    tick(p, "pass", 3);
    vi.advanceTimersByTime(1_999);
    tick(p, "pass");
    expect(out.text()).toBe(""); // under 2 s: nothing yet
    vi.advanceTimersByTime(1);
    tick(p, "fail");
    vi.advanceTimersByTime(500);
    tick(p, "pass");
    vi.advanceTimersByTime(1_500);
    tick(p, "timeout");
    p.stop();
    p.stop();
    expect(out.lines()).toEqual([
      "verify: 5 done (pass 4, fail 1) 2.5/s",
      "verify: 7 done (pass 5, fail 1, timeout 1) 1.8/s",
    ]);
  });

  it("shows counts without a total until one is set", () => {
    const out = fakeStream(false);
    const p = createProgress({ label: "verify", stream: out.stream });
    vi.advanceTimersByTime(2_000);
    tick(p, "pass");
    p.setTotal(10);
    vi.advanceTimersByTime(2_000);
    tick(p, "error");
    expect(out.lines()).toEqual(["verify: 1 done (pass 1, fail 0) 0.5/s", "verify: 2/10 done (pass 1, fail 0, error 1) 0.5/s"]);
  });

  it("does not repeat the last line at stop, and prints nothing when nothing ran", () => {
    const out = fakeStream(false);
    const p = createProgress({ label: "verify", total: 3, stream: out.stream });
    vi.advanceTimersByTime(2_000);
    tick(p, "pass");
    p.stop();
    expect(out.lines()).toEqual(["verify: 1/3 done (pass 1, fail 0) 0.5/s"]);
    const idle = fakeStream(false);
    createProgress({ label: "verify", stream: idle.stream }).stop();
    expect(idle.text()).toBe("");
  });
});

describe("createProgress with json", () => {
  it("is silent, on a plain stream and on a terminal", () => {
    for (const isTTY of [false, true]) {
      const out = fakeStream(isTTY);
      const p = createProgress({ label: "verify", total: 2, stream: out.stream, json: true });
      vi.advanceTimersByTime(5_000);
      tick(p, "pass", 2);
      p.setTotal(3);
      p.stop();
      expect(out.text()).toBe("");
    }
  });
});

describe("createProgress on a TTY stream", () => {
  it("draws a bar with value/total, percentage and the pass/fail count", () => {
    const out = fakeStream(true);
    const p = createProgress({ label: "verify", total: 4, stream: out.stream });
    vi.advanceTimersByTime(1_000);
    tick(p, "pass", 2);
    tick(p, "fail");
    p.stop();
    expect(out.text()).toMatch(/verify \[.+\] 3\/4 75% \| 3\.0\/s \| ETA .+ \| pass 2, fail 1/);
  });

  it("shows counts without a percentage when the total is unknown", () => {
    const out = fakeStream(true);
    const p = createProgress({ label: "verify", stream: out.stream });
    vi.advanceTimersByTime(1_000);
    tick(p, "pass", 5);
    p.stop();
    expect(out.text()).toContain("verify 5 done | 5.0/s | pass 5, fail 0");
    expect(out.text()).not.toContain("%");
  });
});
