import { describe, expect, it } from 'vitest';
import type { NodeTable } from '../../worker/protocol';
import { rowOrder, wrongBelief } from './inspector-rows';

const table = (states: number[]): NodeTable => ({
  node: 0,
  state: Uint8Array.from(states),
  incarnation: new Int32Array(states.length),
  version: new Int32Array(states.length),
  lastAdvanced: new Int32Array(states.length),
  phi: new Float32Array(states.length),
});

describe('inspector rows', () => {
  it('sorts dead first, then suspect, unknown, alive; ties by node id', () => {
    // codes: 0 unknown, 1 alive, 2 suspect, 3 dead
    const t = table([1, 3, 1, 2, 0, 3]);
    expect(Array.from(rowOrder(t, 'state'))).toEqual([1, 5, 3, 4, 0, 2]);
    expect(Array.from(rowOrder(t, 'node'))).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('flags beliefs that contradict the truth', () => {
    expect([0, 1, 2, 3].map((s) => wrongBelief(s, true))).toEqual([true, false, false, true]);
    expect([0, 1, 2, 3].map((s) => wrongBelief(s, false))).toEqual([false, true, true, false]);
  });
});
