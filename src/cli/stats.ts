/** Summary of one measure over the trials of an experiment. */
export interface Stats {
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator; 0 for a single trial). */
  sd: number;
  min: number;
  p50: number;
  p95: number;
  max: number;
  /** Trials in which the measure was defined (tAve is undefined when nobody else learned). */
  count: number;
}

/**
 * Mean, spread and quantiles of the finite values in `values` (NaN marks "undefined in this
 * trial" and is skipped); null when none is finite. Quantiles interpolate linearly between
 * order statistics (numpy's default, "type 7"), so p50 of [1, 2] is 1.5.
 *
 * @example
 *   summarize([3, 1, 2]); // { mean: 2, sd: 1, min: 1, p50: 2, p95: 2.9, max: 3, count: 3 }
 */
export function summarize(values: ArrayLike<number>): Stats | null {
  const xs = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  const n = xs.length;
  if (n === 0) return null;
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= n;
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  return {
    mean,
    sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    min: xs[0],
    p50: quantile(xs, 0.5),
    p95: quantile(xs, 0.95),
    max: xs[n - 1],
    count: n,
  };
}

/** The q-quantile of sorted values, linear between order statistics. */
export function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
