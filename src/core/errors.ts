// Vouch's own failures: one class, a closed union of machine-readable codes, and the cause kept.
export type VouchErrorCode =
  | "INPUT_INVALID"
  | "USAGE"
  | "SANDBOX_UNAVAILABLE"
  | "IMAGE_BUILD_FAILED"
  | "IMAGE_MISSING"
  | "LLM_UNREACHABLE"
  | "LLM_REPLY_INVALID"
  | "QUEUE_UNAVAILABLE"
  | "INTERNAL";

const brand = Symbol.for("vouch.error");

export class VouchError extends Error {
  override name = "VouchError";
  readonly [brand] = true;
  constructor(
    readonly code: VouchErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// Recognises a VouchError across module copies (realms) by its brand.
export function isVouchError(e: unknown): e is VouchError {
  return typeof e === "object" && e !== null && (e as Record<symbol, unknown>)[brand] === true;
}

// Exit codes of the CLI, one per error code; a gate failure (pass rate) is 1.
export const exitCodes: Record<VouchErrorCode, number> = {
  USAGE: 2,
  INPUT_INVALID: 2,
  SANDBOX_UNAVAILABLE: 4,
  IMAGE_BUILD_FAILED: 4,
  IMAGE_MISSING: 4,
  LLM_UNREACHABLE: 5,
  LLM_REPLY_INVALID: 5,
  QUEUE_UNAVAILABLE: 6,
  INTERNAL: 70,
};
