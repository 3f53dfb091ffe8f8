import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Simulation } from './simulation';
import type { SimConfig } from './types';

const sim = (o: Partial<SimConfig> = {}) => new Simulation({ ...DEFAULT_CONFIG, nodes: 64, ...o });
const upper = Array.from({ length: 32 }, (_, i) => 32 + i);
/** Steps until the update stops moving (the origin's side is informed). */
const settle = (s: Simulation): Simulation => {
  for (let i = 0; i < 200; i++) s.step();
  return s;
};

describe('Simulation.canStillSpread', () => {
  it('nothing written: nothing to spread; one holder on a connected graph: it can', () => {
    expect(sim({ origin: -1 }).canStillSpread()).toBe(false);
    expect(sim().canStillSpread()).toBe(true);
    expect(sim({ topology: 'ring', degree: 2 }).canStillSpread()).toBe(true);
  });

  it('everyone informed: nobody left to teach', () => {
    expect(settle(sim()).canStillSpread()).toBe(false);
  });

  it('a partition that never heals: the informed side cannot reach the other', () => {
    for (const protocol of ['push', 'pull', 'push-pull'] as const) {
      const s = sim({ protocol });
      s.apply({ type: 'partition', groups: [upper] });
      expect(s.canStillSpread()).toBe(true);
      settle(s);
      expect(s.world.informed[0]).toBe(32);
      expect(s.canStillSpread()).toBe(false);
      s.apply({ type: 'heal' });
      expect(s.canStillSpread()).toBe(true);
    }
  });

  it('loss 1 blocks every link; a crashed holder counts only while it can come back with its state', () => {
    const lossy = sim({ loss: 1 });
    expect(lossy.canStillSpread()).toBe(false);
    const s = sim();
    s.apply({ type: 'crash', node: 0 });
    expect(s.canStillSpread()).toBe(false);
    expect(sim({ recoverRate: 0.1 }).canStillSpread()).toBe(true);
    const empty = sim({ recoverRate: 0.1, recoverEmpty: true });
    empty.apply({ type: 'crash', node: 0 });
    expect(empty.canStillSpread()).toBe(false);
  });

  it('one-way cuts: pull needs both directions, push only the holder\'s', () => {
    for (const [protocol, reached] of [['push', 64], ['pull', 32], ['push-pull', 64]] as const) {
      const s = sim({ protocol });
      // The origin's group 0 can send to group 1, group 1 cannot send back.
      s.apply({ type: 'isolate', nodes: upper });
      s.apply({ type: 'setLink', from: 0, to: 1, blocked: false, loss: 0 });
      settle(s);
      expect(s.world.informed[0]).toBe(reached);
      expect(s.canStillSpread()).toBe(false);
    }
    // Pull with anti-entropy on: the backup's exchange carries the holder's state the open way.
    const backed = sim({ protocol: 'pull', antiEntropy: 5 });
    backed.apply({ type: 'isolate', nodes: upper });
    backed.apply({ type: 'setLink', from: 0, to: 1, blocked: false, loss: 0 });
    expect(settle(backed).world.informed[0]).toBe(64);
  });

  it('a message on its way counts: under a delay the last carrier may still be travelling', () => {
    const s = sim({ nodes: 2, delay: { kind: 'fixed', rounds: 3 } });
    s.step(); // node 0 pushes to node 1; it lands two rounds later
    s.apply({ type: 'partition', groups: [[1]] });
    expect(s.inFlight).toBe(1);
    expect(s.canStillSpread()).toBe(true);
    s.step();
    s.step();
    expect(s.world.informed[0]).toBe(2);
  });
});
