import { describe, expect, it } from 'vitest';
import { membershipFrameAfter } from '../../worker/membership-test-frames';
import { cellAt, describeCell, matrixGeometry } from './matrix-draw';
import { MESSAGE_STYLES, wrongBucket } from '../../view/membership-style';

describe('colour buckets and styles', () => {
  it('buckets the share of wrong observers: none, ≤ 10 %, ≤ 50 %, more', () => {
    expect([0, 1, 10, 11, 50, 51, 99].map((w) => wrongBucket(w, 99 + (w === 99 ? 0 : 1)))).toEqual([0, 1, 1, 2, 2, 3, 3]);
    expect(wrongBucket(3, 0)).toBe(0);
  });

  it('gives each SWIM and heartbeat message kind a distinct look (dash or head), not colour alone', () => {
    const look = (i: number) => `${MESSAGE_STYLES[i].dash.join(',')}|${MESSAGE_STYLES[i].head}|${MESSAGE_STYLES[i].width}`;
    const swim = [0, 1, 2, 3, 6, 7].map(look);
    const heartbeat = [9, 10, 11, 12].map(look);
    expect(new Set(swim).size).toBe(swim.length);
    expect(new Set(heartbeat).size).toBe(heartbeat.length);
  });
});

describe('words for the matrix', () => {
  it('reads a matrix cell as the issue words it, for both protocols', () => {
    const swim = membershipFrameAfter('swim', 20, 5, true);
    expect(describeCell(swim.matrix!, 'swim', 3, 7)).toBe('node 3 believes node 7 is alive (incarnation 0)');
    expect(describeCell(swim.matrix!, 'swim', 3, 3)).toBe('node 3 is itself');
    expect(describeCell(swim.matrix!, 'swim', 3, 5)).toMatch(/^node 3 believes node 5 is (dead \(incarnation 0\)|unknown \(forgotten\))$/);
    const hb = membershipFrameAfter('heartbeat', 6, 5, true);
    expect(describeCell(hb.matrix!, 'heartbeat', 2, 4)).toMatch(/^node 2 believes node 4 is alive \(heartbeat generation 1, version \d+\)$/);
  });

  it('maps pixels to (observer, subject) cells', () => {
    const g = matrixGeometry(10, 400, 300);
    expect(cellAt(g, g.x0 + g.cell * 3 + 1, g.y0 + g.cell * 7 + 1)).toEqual([7, 3]);
    expect(cellAt(g, g.x0 - 2, g.y0 + 1)).toBeNull();
  });
});
