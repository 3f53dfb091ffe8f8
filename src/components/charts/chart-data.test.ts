import { describe, expect, it } from 'vitest';
import { scaleLinear } from 'd3';
import { chartFrame, downsample, informedPath, messageBuckets, percent, roundScale, stackedStepPaths } from './chart-data';

describe('chart data', () => {
  it('downsamples evenly and keeps the first and the last point', () => {
    const pts = Array.from({ length: 5000 }, (_, i) => i);
    const d = downsample(pts, 300);
    expect(d.length).toBe(300);
    expect(d[0]).toBe(0);
    expect(d[299]).toBe(4999);
    expect(downsample([1, 2, 3], 10)).toEqual([1, 2, 3]);
  });
  it('splits delivered into not-redundant and redundant, and averages buckets', () => {
    const pts = [
      { round: 1, delivered: 10, dropped: 2, redundant: 4 },
      { round: 2, delivered: 20, dropped: 0, redundant: 10 },
      { round: 3, delivered: 5, dropped: 1, redundant: 5 },
    ];
    expect(messageBuckets(pts, 10)[0]).toEqual({ from: 1, to: 1, useful: 6, redundant: 4, dropped: 2 });
    const two = messageBuckets(pts, 2);
    expect(two).toHaveLength(2);
    expect(two[0]).toEqual({ from: 1, to: 2, useful: 8, redundant: 7, dropped: 1 });
    expect(two[1]).toEqual({ from: 3, to: 3, useful: 0, redundant: 5, dropped: 1 });
  });
  it('keeps a fresh run from stretching: x spans at least 10 rounds', () => {
    expect(roundScale(2, 100).domain()).toEqual([0, 10]);
    expect(roundScale(37, 100).domain()[1]).toBeGreaterThanOrEqual(37);
  });
  it('draws the informed line in the plot area, clamping fractions to 0–1', () => {
    const x = scaleLinear().domain([0, 10]).range([0, 100]);
    const y = scaleLinear().domain([0, 1]).range([50, 0]);
    expect(informedPath([{ round: 0, fraction: 0 }, { round: 10, fraction: 1.2 }], x, y)).toBe('M0,50L100,0');
    const [a, b, c] = stackedStepPaths(messageBuckets([{ round: 1, delivered: 4, dropped: 1, redundant: 1 }], 5), x, y);
    for (const p of [a, b, c]) expect(p).toMatch(/^M/);
  });
  it('formats percentages and keeps a usable plot on tiny widths', () => {
    expect(percent(0.456)).toBe('46%');
    expect(percent(2)).toBe('100%');
    expect(chartFrame(20, 20).innerW).toBeGreaterThan(0);
  });
});
