import { describe, expect, it } from 'vitest';
import { SeriesAccumulator } from './series';
import { quantile, summarize } from './stats';

describe('summarize', () => {
  it('gives mean, sample sd, extremes and interpolated quantiles', () => {
    const s = summarize([3, 1, 2, 4])!;
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 12);
    expect([s.min, s.max, s.count]).toEqual([1, 4, 4]);
    expect(s.p50).toBe(2.5);
    expect(s.p95).toBeCloseTo(3.85, 12);
  });

  it('has sd 0 for one trial and skips undefined (NaN) values; null when nothing is defined', () => {
    expect(summarize([7])).toEqual({ mean: 7, sd: 0, min: 7, p50: 7, p95: 7, max: 7, count: 1 });
    expect(summarize([NaN, 2, NaN, 4])).toMatchObject({ mean: 3, count: 2 });
    expect(summarize([NaN])).toBeNull();
    expect(summarize([])).toBeNull();
  });

  it('reads typed arrays and does not reorder them', () => {
    const xs = Float64Array.of(5, 1, 3);
    expect(summarize(xs)!.p50).toBe(3);
    expect(Array.from(xs)).toEqual([5, 1, 3]);
  });
});

describe('quantile', () => {
  it('interpolates linearly between order statistics (numpy type 7)', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i);
    expect(quantile(xs, 0.95)).toBe(95);
    expect(quantile([10, 20], 0.5)).toBe(15);
    expect(quantile([10, 20], 0)).toBe(10);
    expect(quantile([10, 20], 1)).toBe(20);
  });
});

describe('SeriesAccumulator', () => {
  it('averages trials of different lengths, carrying each finished trial at its final value', () => {
    const acc = new SeriesAccumulator();
    const trials = [[0.1, 0.5, 1], [0.1, 0.3, 0.6, 0.9, 1], [0.1]];
    for (const t of trials) {
      t.forEach((x, r) => acc.add(r, x));
      acc.end(t.length - 1, t[t.length - 1]);
    }
    const expected = [0, 1, 2, 3, 4].map((r) => trials.reduce((s, t) => s + t[Math.min(r, t.length - 1)], 0) / 3);
    const got = acc.means();
    expect(got).toHaveLength(5);
    got.forEach((v, r) => expect(v).toBeCloseTo(expected[r], 12));
  });

  it('grows past its initial capacity', () => {
    const acc = new SeriesAccumulator();
    for (let r = 0; r < 1000; r++) acc.add(r, r / 1000);
    acc.end(999, 0.999);
    expect(acc.means()[999]).toBeCloseTo(0.999, 12);
  });
});
