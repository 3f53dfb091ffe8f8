import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/engine/config';
import { Simulation } from '../../src/engine/simulation';
import { Rng } from '../../src/engine/prng';
import { NaiveCluster, type NaiveProtocol } from './naive-gossip';

/** The baseline must do the engine's work, or the benchmark's ratio means nothing. */
describe('naive baseline', () => {
  for (const [protocol, fanout] of [['push', 1], ['push', 3], ['pull', 1], ['push-pull', 1]] as [NaiveProtocol, number][]) {
    it(`spreads like the engine: ${protocol}, fanout ${fanout}`, () => {
      const n = 1000, trials = 40;
      let naiveRounds = 0, engineRounds = 0, naiveMessages = 0, engineMessages = 0;
      for (let t = 0; t < trials; t++) {
        const naive = new NaiveCluster(n, protocol, fanout, 100 + t);
        while (naive.informed() < n) naiveMessages += naive.step();
        naiveRounds += naive.round;
        const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: n, protocol, fanout, seed: 100 + t });
        while (sim.world.informed[0] < n) engineMessages += sim.step().sent;
        engineRounds += sim.round;
      }
      // Same process, different random streams: means agree within sampling error
      // (the sd of the round count is about 1, so the sd of a 40-trial mean is ~0.16).
      expect(Math.abs(naiveRounds - engineRounds) / trials).toBeLessThan(0.8);
      expect(Math.abs(naiveMessages / engineMessages - 1)).toBeLessThan(0.1);
    });
  }

  it('never lets a node pick itself or the same peer twice', () => {
    const c = new NaiveCluster(10, 'push', 9, 1);
    for (const node of c.nodes) {
      const picks = node.pickPeers(9, new Rng(node.id));
      expect(new Set(picks).size).toBe(9);
      expect(picks).not.toContain(node);
    }
  });
});
