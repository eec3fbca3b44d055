// Ranks of values, 1-based, ties sharing the average of the ranks they span.
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const avg = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = avg;
    start = end + 1;
  }
  return ranks;
}

// Pearson correlation; undefined when either side is constant (no ranking to correlate).
export function pearson(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = xs.length;
  if (n !== ys.length || n < 2) return undefined;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  if (sxx === 0 || syy === 0) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}

// Spearman rank correlation with ties (Pearson on average ranks); undefined for fewer than 2 pairs or a constant side.
export function spearman(xs: readonly number[], ys: readonly number[]): number | undefined {
  if (xs.length !== ys.length) throw new Error(`spearman: ${xs.length} x values but ${ys.length} y values`);
  return pearson(averageRanks(xs), averageRanks(ys));
}
