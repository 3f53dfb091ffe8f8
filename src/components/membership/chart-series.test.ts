import { describe, expect, it } from 'vitest';
import { bucketMax } from './chart-series';

describe('bucketMax', () => {
  it('keeps short series as they are', () => {
    const pts = [{ round: 1, value: 3 }, { round: 2, value: 1 }];
    expect(bucketMax(pts, 10)).toEqual(pts);
  });

  it('keeps a lone spike in a long series', () => {
    const pts = Array.from({ length: 1000 }, (_, i) => ({ round: i + 1, value: i === 537 ? 1 : 0 }));
    const out = bucketMax(pts, 50);
    expect(out).toHaveLength(50);
    expect(out.filter((p) => p.value === 1)).toHaveLength(1);
    expect(out[out.length - 1].round).toBe(1000);
  });
});
