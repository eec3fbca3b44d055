import { z } from "zod";
import { TestSpec } from "./test-spec.js";

// A plain code record: a solution and the tests it must pass (input of `vouch verify`).
export const CodeRecord = z.object({
  id: z.string().min(1),
  language: z.literal("python").default("python"),
  code: z.string(),
  entry_point: z.string().optional(),
  tests: TestSpec,
  hidden_tests: TestSpec.optional(),
  reference: z.string().optional(),
});
export type CodeRecordInput = z.input<typeof CodeRecord>;
export type CodeRecord = z.output<typeof CodeRecord>;
