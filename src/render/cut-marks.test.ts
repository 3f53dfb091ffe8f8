import { describe, expect, it } from 'vitest';
import { cutMarks } from './cut-marks';

const pos = { n: 4, x: Float32Array.from([0, 2, 10, 12]), y: Float32Array.from([0, 2, 0, 2]) };
const group = Uint8Array.from([1, 1, 2, 2]);

describe('cut marks', () => {
  it('marks a one-way cut from the blocked side\'s centroid to the other\'s', () => {
    const marks = cutMarks([
      { from: 1, to: 2, blocked: true, loss: 0 },
      { from: 2, to: 1, blocked: false, loss: 0 },
    ], group, pos);
    expect(marks).toEqual([{ kind: 'one-way', fx: 1, fy: 1, tx: 11, ty: 1, label: 'one-way' }]);
  });

  it('has nothing to say about a cut both ways, and labels link loss once per pair', () => {
    expect(cutMarks([{ from: 1, to: 2, blocked: true, loss: 0 }, { from: 2, to: 1, blocked: true, loss: 0 }], group, pos)).toEqual([]);
    const lossy = cutMarks([{ from: 1, to: 2, blocked: false, loss: 0.3 }, { from: 2, to: 1, blocked: false, loss: 0.3 }], group, pos);
    expect(lossy.map((m) => m.label)).toEqual(['30 % loss']);
    const oneSide = cutMarks([{ from: 1, to: 2, blocked: false, loss: 0 }, { from: 2, to: 1, blocked: false, loss: 0.25 }], group, pos);
    expect(oneSide.map((m) => m.label)).toEqual(['25 % loss 2 → 1']);
    expect(cutMarks(null, group, pos)).toEqual([]);
  });
});
