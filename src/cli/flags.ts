import type { z } from "zod";
import { VouchError } from "../core/errors.js";

// A command's flags, coerced and checked once against its schema; a bad value is a USAGE error naming the flag.
export function parseFlags<S extends z.ZodType>(schema: S, raw: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const flag = String(issue.path[0] ?? "").replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  throw new VouchError("USAGE", `--${flag}: ${issue.message} (got ${JSON.stringify(raw[String(issue.path[0])])})`);
}
