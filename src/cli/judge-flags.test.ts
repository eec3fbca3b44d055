import { describe, expect, it } from "vitest";
import { judgeFromFlags } from "./judge-flags.js";

describe("judge flags", () => {
  const env = { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", VOUCH_MODEL: "gen-model" };
  it("no judge without --judge; --judge-model, else VOUCH_JUDGE_MODEL, else the generating model", () => {
    expect(judgeFromFlags({}, false, env)).toBeUndefined();
    expect(judgeFromFlags({ judge: true }, false, env)!.judge.model).toBe("gen-model");
    expect(judgeFromFlags({ judge: true }, false, { ...env, VOUCH_JUDGE_MODEL: "env-judge" })!.judge.model).toBe("env-judge");
    expect(judgeFromFlags({ judge: true, judgeModel: "flag-judge" }, false, { ...env, VOUCH_JUDGE_MODEL: "env-judge" })!.judge.model).toBe("flag-judge");
    expect(judgeFromFlags({ judge: true, judgeSamples: "3", judgeWeight: "0.25" }, false, env)).toMatchObject({ weight: 0.25, judge: { samples: 3 } });
  });

  it("a bad weight or sample count is a usage error naming the flag", () => {
    expect(() => judgeFromFlags({ judge: true, judgeWeight: "1.5" }, false, env)).toThrow(/--judge-weight/);
    expect(() => judgeFromFlags({ judge: true, judgeSamples: "0" }, false, env)).toThrow(/--judge-samples/);
  });
});
