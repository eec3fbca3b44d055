import { describe, expect, it } from "vitest";
import { z } from "zod";
import { isVouchError } from "../core/errors.js";
import { parseFlags } from "./flags.js";

describe("parseFlags", () => {
  const Flags = z.object({ minCaught: z.coerce.number().min(0).max(1).default(0.95) });
  it("coerces and defaults", () => {
    expect(parseFlags(Flags, { minCaught: "0.5" })).toEqual({ minCaught: 0.5 });
    expect(parseFlags(Flags, {})).toEqual({ minCaught: 0.95 });
  });
  it("names the bad flag in kebab case in a USAGE error", () => {
    try {
      parseFlags(Flags, { minCaught: "7" });
      expect.unreachable();
    } catch (e) {
      expect(isVouchError(e) && e.code).toBe("USAGE");
      expect((e as Error).message).toMatch(/^--min-caught: .*\(got "7"\)$/);
    }
  });
});
