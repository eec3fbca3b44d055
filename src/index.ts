// Vouch's public API: every export is named here.
export { VouchError, isVouchError, exitCodes, type VouchErrorCode } from "./core/errors.js";
export { CodeRecord, type CodeRecordInput } from "./core/code-record.js";
export { TestSpec, CompareMode, IoCase, type TestSpecInput } from "./core/test-spec.js";
export { Verdict, TestStatus, TestResult, SuiteResult, VerifyResult } from "./core/result.js";
export { verify, type VerifyOptions } from "./exec/verify.js";
export { verifyRecord, recordKey, type RecordContext } from "./exec/verify-record.js";
export { grade } from "./exec/grade.js";
export { planPython } from "./exec/python/plan.js";
export type { RunPlan, PlannedRun } from "./exec/plan.js";
export { SandboxLimits, type SandboxLimitsInput } from "./sandbox/limits.js";
export type { Sandbox, SandboxProvider, ExecOptions, ExecResult, Isolation, SandboxSpec } from "./sandbox/types.js";
export { DockerProvider, closeAllProviders, type DockerProviderOptions } from "./sandbox/docker/provider.js";
export { removeLeftovers } from "./sandbox/docker/cleanup.js";
export { ensureImage, imageTags } from "./sandbox/image.js";
export { math, evaluateRecord, evaluateOffline, compareAnswers, mathEval, MathRecord, MathResult, MathLabel, type MathOptions, type MathSummary, type Judge, type JudgeContext, type JudgeVerdict } from "./math/index.js";
