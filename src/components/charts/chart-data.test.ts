import { describe, expect, it } from 'vitest';
import { chartFrame, reducePoints, roundAxis, stackMessages } from './chart-data';

describe('chart data', () => {
  it('keeps short series as they are', () => {
    const pts = [{ x: 1, y: 3 }, { x: 2, y: 1 }];
    expect(reducePoints(pts, 10, false)).toEqual(pts);
  });

  it('keeps a lone spike in a long line, and its last round', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => ({ x: i + 1, y: i === 537 ? 1 : 0 }));
    const out = reducePoints(pts, 50, false);
    expect(out).toHaveLength(50);
    expect(out.filter((p) => p.y === 1)).toHaveLength(1);
    expect(out[out.length - 1].x).toBe(1000);
  });

  it('averages filled series per bucket, so stacked layers stay stacked', () => {
    const pts = [{ x: 1, y0: 2, y: 4 }, { x: 2, y0: 4, y: 10 }, { x: 3, y0: 0, y: 1 }];
    expect(reducePoints(pts, 2, true)).toEqual([{ x: 1, y0: 3, y: 7 }, { x: 3, y0: 0, y: 1 }]);
  });

  it('splits delivered into not-redundant and redundant and stacks the drops on top', () => {
    const [useful, redundant, dropped] = stackMessages([{ round: 1, delivered: 10, dropped: 2, redundant: 4 }]);
    expect(useful).toEqual([{ x: 1, y0: 0, y: 6 }]);
    expect(redundant).toEqual([{ x: 1, y0: 6, y: 10 }]);
    expect(dropped).toEqual([{ x: 1, y0: 10, y: 12 }]);
  });

  it('keeps a fresh run from stretching: x spans at least 10 rounds, whole-round ticks', () => {
    const fresh = roundAxis(2, 100);
    expect(fresh.at(10)).toBe(100);
    expect(fresh.ticks.every((t) => Number.isInteger(Number(t.text)))).toBe(true);
    expect(roundAxis(37, 100).at(37)).toBeLessThanOrEqual(100);
  });

  it('keeps a usable plot on tiny widths', () => {
    expect(chartFrame(20, 20).innerW).toBeGreaterThan(0);
  });
});
