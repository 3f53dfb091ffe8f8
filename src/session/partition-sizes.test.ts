import { describe, expect, it } from 'vitest';
import { partitionSizes } from './frame-summary';

describe('partitionSizes', () => {
  it('counts nodes per group up to the highest in use, or null when every node is in group 0', () => {
    expect(partitionSizes(new Uint8Array(5))).toBeNull();
    expect(partitionSizes(Uint8Array.from([0, 2, 2, 0, 5]))).toEqual([2, 0, 2, 0, 0, 1]);
    expect(partitionSizes(Uint8Array.from([1, 1]))).toEqual([0, 2]);
    expect(partitionSizes(new Uint8Array(0))).toBeNull();
  });
});
