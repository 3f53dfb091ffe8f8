import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { Simulation } from '../simulation';
import { fastPushEligible } from './fast-push';
import type { Action, RoundMetrics, SimConfig } from '../types';

/** FNV-1a over the bytes of every node's versions and alive flag. */
function stateHash(sim: Simulation): number {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  };
  mix(new Uint8Array(sim.world.cur.buffer));
  mix(sim.world.alive);
  return h >>> 0;
}

/** Runs a scripted run and records every round's metrics and state hash. */
function trace(config: SimConfig, script: Map<number, Action[]>, rounds: number, generic: boolean) {
  // Per-node counters force the generic path; without them the fast path runs.
  const sim = new Simulation(config, { trackNodeStats: generic });
  const out: { metrics: RoundMetrics; hash: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const action of script.get(r) ?? []) sim.apply(action);
    out.push({ metrics: sim.step(), hash: stateHash(sim) });
  }
  return out;
}

describe('fast push path', () => {
  const cases: [string, Partial<SimConfig>, Map<number, Action[]>][] = [
    ['plain', {}, new Map()],
    ['lossy', { loss: 0.3 }, new Map()],
    ['all lost', { loss: 1 }, new Map()],
    [
      'crashes, partition, heal, loss change and a second write',
      { loss: 0.1 },
      new Map<number, Action[]>([
        [1, [{ type: 'crash', node: 5 }, { type: 'crash', node: 17 }]],
        [2, [{ type: 'partition', groups: [Array.from({ length: 150 }, (_, i) => i * 2)] }]],
        [4, [{ type: 'write', node: 301, key: 0 }, { type: 'setLoss', p: 0.5 }]],
        [6, [{ type: 'recover', node: 5 }, { type: 'heal' }]],
      ]),
    ],
  ];
  for (const [name, overrides, script] of cases) {
    it(`matches the generic path bit for bit: ${name}`, () => {
      const config = { ...DEFAULT_CONFIG, nodes: 600, seed: 7, ...overrides };
      const fast = trace(config, script, 25, false);
      const generic = trace(config, script, 25, true);
      expect(fast).toEqual(generic);
    });
  }

  it('compares two different code paths', () => {
    const config = { ...DEFAULT_CONFIG, nodes: 600 };
    expect(fastPushEligible(config, new Simulation(config).world, false)).toBe(true);
    expect(fastPushEligible(config, new Simulation(config, { trackNodeStats: true }).world, false)).toBe(false);
    expect(fastPushEligible(config, new Simulation(config).world, true)).toBe(false);
  });
});
