import { describe, expect, it } from "vitest";
import { judgeFromFlags } from "./judge-flags.js";

describe("judge flags", () => {
  const env = { OPENAI_BASE_URL: "http://127.0.0.1:9/v1", VOUCH_MODEL: "gen-model" };
  const model = async (raw: Record<string, unknown>, e: Record<string, string>) => (await judgeFromFlags(raw, false, e))!.judge.model;
  it("no judge without --judge; --judge-model, else VOUCH_JUDGE_MODEL, else the generating model", async () => {
    expect(await judgeFromFlags({}, false, env)).toBeUndefined();
    expect(await model({ judge: true }, env)).toBe("gen-model");
    expect(await model({ judge: true }, { ...env, VOUCH_JUDGE_MODEL: "env-judge" })).toBe("env-judge");
    expect(await model({ judge: true, judgeModel: "flag-judge" }, { ...env, VOUCH_JUDGE_MODEL: "env-judge" })).toBe("flag-judge");
    expect(await judgeFromFlags({ judge: true, judgeSamples: "3", judgeWeight: "0.25" }, false, env)).toMatchObject({ weight: 0.25, judge: { samples: 3 } });
  });

  it("a bad weight or sample count is a usage error naming the flag", async () => {
    await expect(judgeFromFlags({ judge: true, judgeWeight: "1.5" }, false, env)).rejects.toThrow(/--judge-weight/);
    await expect(judgeFromFlags({ judge: true, judgeSamples: "0" }, false, env)).rejects.toThrow(/--judge-samples/);
  });
});
