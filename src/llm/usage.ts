import type { LlmPrices } from "./options.js";
import type { LlmUsage, TokenUsage } from "./types.js";

// Running totals of one client: tokens per purpose, requests, cache hits, retries, re-asks.
export class UsageMeter {
  private readonly u: LlmUsage = { promptTokens: 0, completionTokens: 0, requests: 0, cachedReplies: 0, retries: 0, reasks: 0, byPurpose: {} };

  constructor(private readonly prices?: LlmPrices) {}

  private purpose(p: string) {
    return (this.u.byPurpose[p] ??= { promptTokens: 0, completionTokens: 0, requests: 0, cachedReplies: 0 });
  }

  // One HTTP request sent (whatever its outcome).
  request(purpose: string): void {
    this.u.requests++;
    this.purpose(purpose).requests++;
  }

  // Tokens a served reply reports.
  tokens(purpose: string, t: TokenUsage): void {
    this.u.promptTokens += t.promptTokens;
    this.u.completionTokens += t.completionTokens;
    const p = this.purpose(purpose);
    p.promptTokens += t.promptTokens;
    p.completionTokens += t.completionTokens;
  }

  cached(purpose: string): void {
    this.u.cachedReplies++;
    this.purpose(purpose).cachedReplies++;
  }

  retry(): void {
    this.u.retries++;
  }

  reask(): void {
    this.u.reasks++;
  }

  // A copy of the totals, with the cost when prices are known.
  snapshot(): LlmUsage {
    const byPurpose = Object.fromEntries(Object.entries(this.u.byPurpose).map(([k, v]) => [k, { ...v }]));
    const out: LlmUsage = { ...this.u, byPurpose };
    if (this.prices) out.costUsd = costUsd(this.u, this.prices);
    return out;
  }
}

// The cost of some tokens at prices per million.
export function costUsd(t: TokenUsage, prices: LlmPrices): number {
  return (t.promptTokens * prices.inPerMTok + t.completionTokens * prices.outPerMTok) / 1e6;
}

// The usage as summary lines: totals, then one line per purpose.
export function formatUsage(u: LlmUsage): string[] {
  const cost = u.costUsd === undefined ? "cost unknown (give --price-in/--price-out)" : `$${u.costUsd.toFixed(4)}`;
  const lines = [
    `llm: ${u.requests} requests, ${u.cachedReplies} cached replies, ${u.retries} retries, ${u.reasks} re-asks`,
    `llm tokens: ${u.promptTokens} in, ${u.completionTokens} out, ${cost}`,
  ];
  for (const [p, v] of Object.entries(u.byPurpose).sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${p}: ${v.requests} requests, ${v.cachedReplies} cached, ${v.promptTokens} in, ${v.completionTokens} out`);
  }
  return lines;
}
