import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Simulation } from './simulation';
import type { SimConfig } from './types';

/** Per round, the most messages one node sent, counted from the recorded messages themselves. */
function fromMessages(config: SimConfig, rounds: number): { busiest: number[]; total: number } {
  const sim = new Simulation(config, { recordMessages: true });
  const sent = new Uint32Array(config.nodes);
  const busiest: number[] = [];
  for (let r = 0; r < rounds; r++) {
    sim.step();
    const m = sim.messages!;
    const round = new Map<number, number>();
    // Only messages sent this round (a delayed one is listed again when it lands).
    for (let i = 0; i < m.count; i++) {
      if (m.sentRound[i] !== sim.round) continue;
      round.set(m.from[i], (round.get(m.from[i]) ?? 0) + 1);
      sent[m.from[i]]++;
    }
    busiest.push(Math.max(0, ...round.values()));
  }
  return { busiest, total: Math.max(...sent) };
}

describe('the busiest node\'s load', () => {
  const cases: [string, SimConfig][] = [
    ['push-pull, random graph, fanout 3, loss', { ...DEFAULT_CONFIG, nodes: 300, protocol: 'push-pull', topology: 'random', fanout: 3, loss: 0.2 }],
    ['pull, complete graph', { ...DEFAULT_CONFIG, nodes: 400, protocol: 'pull' }],
    ['primary-backup, loss and delay', { ...DEFAULT_CONFIG, nodes: 200, protocol: 'primary-backup', fanout: 6, loss: 0.3, delay: { kind: 'uniform', min: 1, max: 2 } }],
  ];
  for (const [name, config] of cases) {
    it(`is the most messages one node sent, per round and in all, on every path: ${name}`, () => {
      const rounds = 12;
      const truth = fromMessages(config, rounds);
      for (const options of [{ trackLoad: true }, { trackNodeStats: true }, { recordMessages: true, trackNodeStats: true }]) {
        const sim = new Simulation(config, options);
        const ms = Array.from({ length: rounds }, () => sim.step());
        expect(ms.map((m) => m.busiestSent)).toEqual(truth.busiest);
        expect(ms[rounds - 1].busiestSentTotal).toBe(truth.total);
      }
    });
  }

  it('is not measured unless asked (gossip) and always for primary-backup', () => {
    expect(new Simulation({ ...DEFAULT_CONFIG, nodes: 50 }).step().busiestSent).toBeNull();
    expect(new Simulation({ ...DEFAULT_CONFIG, nodes: 50, protocol: 'primary-backup', fanout: 5 }).step().busiestSent).toBe(5);
  });

  it('comes back exactly after a restore', () => {
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 300, protocol: 'push-pull', fanout: 2 }, { trackLoad: true });
    for (let r = 0; r < 3; r++) sim.step();
    const snap = sim.snapshot();
    const first = Array.from({ length: 4 }, () => sim.step());
    sim.restore(snap);
    expect(Array.from({ length: 4 }, () => sim.step())).toEqual(first);
  });
});
