import { homedir } from "node:os";
import { join } from "node:path";

// Where Vouch caches one kind of thing (results, llm): $VOUCH_CACHE_DIR/<kind>, else $XDG_CACHE_HOME/vouch/<kind>,
// else ~/.cache/vouch/<kind>; one rule for every cache.
export function cacheDir(kind: "results" | "llm", env: NodeJS.ProcessEnv = process.env): string {
  if (env.VOUCH_CACHE_DIR) return join(env.VOUCH_CACHE_DIR, kind);
  return join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "vouch", kind);
}
