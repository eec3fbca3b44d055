import { describe, expect, test } from "vitest";
import { donePairs, keeps } from "./run-pair.js";

describe("resume and --keep", () => {
  test("an output's ids give the problem-kind pairs already done, suffixes and look-alike kinds told apart", () => {
    const ids = ["Mbpp/61:implementation", "Mbpp/61:error-recovery:2", "Mbpp/65:error-recovery-multi", "a:b:planning"];
    const kinds = ["implementation", "error-recovery", "error-recovery-multi", "planning"];
    expect(donePairs(ids, kinds)).toEqual(new Set(["Mbpp/61:implementation", "Mbpp/61:error-recovery", "Mbpp/65:error-recovery-multi", "a:b:planning"]));
  });

  test("--keep: passed, failed or all; a sandbox failure never", () => {
    expect([keeps("passed", "pass"), keeps("passed", "fail"), keeps("failed", "pass"), keeps("failed", "fail")]).toEqual([true, false, false, true]);
    expect([keeps("all", "pass"), keeps("all", "fail"), keeps("all", "infra-error")]).toEqual([true, true, false]);
  });
});
