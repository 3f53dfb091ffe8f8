import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/prng';
import { TimerSet, chooseHalves, pickLiveNode, validSides } from './session-helpers';
import { TestClock } from './test-clock';

describe('session helpers', () => {
  it('accepts two disjoint, non-empty sides of real nodes only', () => {
    expect(validSides([[0, 1], [2]], 3)).toBeNull();
    expect(validSides([[0], []], 3)).toMatch(/no nodes/);
    expect(validSides([[0, 1], [1]], 3)).toMatch(/both sides/);
    expect(validSides([[0], [7]], 3)).toMatch(/does not exist/);
    expect(validSides('nonsense', 3)).toMatch(/two sides/);
  });

  it('uses the layout halves only when they cover the graph, else id halves', () => {
    expect(chooseHalves({ splitHalves: () => [[1, 3], [0, 2]] }, 4)).toEqual({ sides: [[1, 3], [0, 2]], byLayout: true });
    expect(chooseHalves({ splitHalves: () => [[1], [0]] }, 4)).toEqual({ sides: [[0, 1], [2, 3]], byLayout: false });
    expect(chooseHalves({ splitHalves: () => { throw new Error('no layout'); } }, 2).byLayout).toBe(false);
    expect(chooseHalves(null, 3).sides).toEqual([[0, 1], [2]]);
  });

  it('picks only live nodes, reproducibly for a seed', () => {
    const alive = Uint8Array.from([0, 1, 0, 1, 1]);
    const a = Array.from({ length: 20 }, ((rng) => () => pickLiveNode(alive, rng))(new Rng(9)));
    const b = Array.from({ length: 20 }, ((rng) => () => pickLiveNode(alive, rng))(new Rng(9)));
    expect(a).toEqual(b);
    expect(a.every((n) => n !== null && alive[n] === 1)).toBe(true);
    expect(new Set(a).size).toBeGreaterThan(1);
    expect(pickLiveNode(new Uint8Array(3), new Rng(1))).toBeNull();
  });

  it('cancels every pending timer at once', () => {
    const clock = new TestClock();
    const timers = new TimerSet(clock.setTimer, clock.clearTimer);
    const fired: number[] = [];
    timers.later(() => fired.push(1), 10);
    timers.later(() => fired.push(2), 20);
    clock.advance(15);
    timers.clear();
    clock.advance(100);
    expect(fired).toEqual([1]);
    expect(clock.pending).toBe(0);
  });
});
