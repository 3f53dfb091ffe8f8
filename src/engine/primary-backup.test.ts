import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { KIND_PB_ACK, KIND_PB_UPDATE } from './protocols/protocol';
import { Simulation } from './simulation';
import { primaryBackupFraction, primaryBackupRounds, primaryBackupSeries } from './theory';
import { OUTCOME_DELIVERED, type RoundMetrics, type SimConfig } from './types';

const pb = (over: Partial<SimConfig>): SimConfig => ({ ...DEFAULT_CONFIG, protocol: 'primary-backup', ...over });

/** Steps until every live node is informed or `max` rounds; returns every round's metrics. */
function runToEnd(sim: Simulation, max = 100_000): RoundMetrics[] {
  const out: RoundMetrics[] = [];
  while (sim.world.informed[0] < sim.world.liveCount && sim.round < max) out.push(sim.step());
  return out;
}

const informedIds = (sim: Simulation): number[] => {
  const ids: number[] = [];
  for (let i = 0; i < sim.world.nodes; i++) if (sim.world.alive[i] && sim.world.cur[i] === sim.world.latest[0]) ids.push(i);
  return ids;
};

describe('primary-backup', () => {
  it('informs everyone in exactly ⌈(n−1)/b⌉ rounds, following min(1, (1 + b·r)/n) round by round, with exact counts', () => {
    fc.assert(fc.property(
      fc.integer({ min: 2, max: 400 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.nat(),
      (nodes, b0, seed, o) => {
        const fanout = Math.min(b0, nodes - 1);
        const origin = o % nodes;
        const sim = new Simulation(pb({ nodes, fanout, seed, origin, topology: 'random' }));
        const ms = runToEnd(sim);
        expect(ms.length).toBe(primaryBackupRounds(nodes, fanout));
        expect(ms.length).toBe(Math.ceil((nodes - 1) / fanout));
        let total = 0;
        for (const m of ms) {
          expect(m.informed[0] / nodes).toBeCloseTo(primaryBackupFraction(nodes, fanout, m.round), 12);
          const updates = Math.min(fanout, nodes - 1 - total);
          total += updates;
          // b updates and b acks, none lost, none redundant; the primary is the busiest node.
          expect(m).toMatchObject({ sent: 2 * updates, delivered: 2 * updates, traffic: updates, redundant: 0, droppedLoss: 0, droppedDead: 0, droppedPartition: 0 });
          expect(m.busiestSent).toBe(updates);
          expect(m.busiestSentTotal).toBe(total);
        }
        expect(total).toBe(nodes - 1);
        expect(sim.canStillSpread()).toBe(false);
      },
    ), { numRuns: 300 });
  });

  it('sends in id order after the primary, wrapping around, and nobody else forwards', () => {
    const sim = new Simulation(pb({ nodes: 12, fanout: 4, origin: 9 }), { recordMessages: true });
    sim.step();
    expect(informedIds(sim)).toEqual([0, 1, 9, 10, 11]);
    sim.step();
    expect(informedIds(sim)).toEqual([0, 1, 2, 3, 4, 5, 9, 10, 11]);
    const m = sim.messages!;
    for (let i = 0; i < m.count; i++) {
      if (m.kind[i] === KIND_PB_UPDATE) expect(m.from[i]).toBe(9);
      else {
        expect(m.kind[i]).toBe(KIND_PB_ACK);
        expect(m.to[i]).toBe(9);
      }
    }
  });

  it('a primary crash mid-run leaves exactly the unreached replicas uninformed, and nothing more can spread', () => {
    const sim = new Simulation(pb({ nodes: 50, fanout: 5 }));
    for (let r = 0; r < 3; r++) sim.step();
    sim.apply({ type: 'crash', node: 0 });
    expect(sim.canStillSpread()).toBe(false);
    for (let r = 0; r < 20; r++) expect(sim.step()).toMatchObject({ sent: 0, informed: [15] });
    expect(informedIds(sim)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    // It comes back with its state: the spread goes on where it stopped.
    sim.apply({ type: 'recover', node: 0 });
    expect(sim.canStillSpread()).toBe(true);
    sim.step();
    expect(informedIds(sim)).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });

  it('under loss retries lost updates and lost acks (those arrive redundant), and every message is counted', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = new Simulation(pb({ nodes: 300, fanout: 7, loss: 0.3, seed }));
      const ms = runToEnd(sim);
      expect(sim.world.informed[0]).toBe(300);
      const sum = (f: (m: RoundMetrics) => number) => ms.reduce((s, m) => s + f(m), 0);
      expect(sum((m) => m.sent)).toBe(sum((m) => m.delivered + m.droppedLoss));
      expect(sum((m) => m.traffic)).toBeGreaterThan(299);
      expect(sum((m) => m.redundant)).toBeGreaterThan(0);
      // Without losses it would take 43 rounds; each round the primary still sends at most b updates.
      expect(ms.length).toBeGreaterThan(43);
      for (const m of ms) expect(m.traffic).toBeLessThanOrEqual(7);
      // A redundant update is a retry after a lost ack: updates delivered = 299 new + redundant ones.
      expect(sum((m) => m.newlyInformed[0]) + sum((m) => m.redundant)).toBe(sum((m) => m.traffic) - droppedUpdates(pb({ nodes: 300, fanout: 7, loss: 0.3, seed }), ms.length));
    }
  });

  it('under a fixed delay d takes ⌈(n−1)/b⌉ + d − 1 rounds and never retries too early', () => {
    for (const d of [2, 3, 5]) {
      const sim = new Simulation(pb({ nodes: 101, fanout: 10, delay: { kind: 'fixed', rounds: d } }));
      const ms = runToEnd(sim);
      expect(ms.length).toBe(10 + d - 1);
      expect(ms.reduce((s, m) => s + m.traffic, 0)).toBe(100);
      expect(ms.reduce((s, m) => s + m.redundant, 0)).toBe(0);
    }
  });

  it('stops at a partition that cuts the primary off and goes on after the heal', () => {
    const sim = new Simulation(pb({ nodes: 40, fanout: 4 }));
    sim.apply({ type: 'partition', groups: [Array.from({ length: 20 }, (_, i) => 20 + i)] });
    for (let r = 0; r < 10; r++) sim.step();
    expect(sim.world.informed[0]).toBe(20);
    expect(sim.canStillSpread()).toBe(false);
    sim.apply({ type: 'heal' });
    expect(sim.canStillSpread()).toBe(true);
    runToEnd(sim);
    expect(sim.world.informed[0]).toBe(40);
  });

  it('a new write makes its writer the primary of the new version', () => {
    const sim = new Simulation(pb({ nodes: 30, fanout: 29 }));
    sim.step();
    sim.apply({ type: 'write', node: 7, key: 0 });
    const m = sim.step();
    expect(m.traffic).toBe(29);
    expect(sim.world.informed[0]).toBe(30);
    expect(sim.primary!.primary[0]).toBe(7);
  });

  it('replays exactly from a snapshot, acks and retries included', () => {
    const config = pb({ nodes: 200, fanout: 3, loss: 0.2, delay: { kind: 'uniform', min: 1, max: 3 }, seed: 9 });
    const sim = new Simulation(config);
    for (let r = 0; r < 10; r++) sim.step();
    const snap = sim.snapshot();
    const first = Array.from({ length: 30 }, () => sim.step());
    sim.restore(snap);
    const again = Array.from({ length: 30 }, () => sim.step());
    expect(again).toEqual(first);
  });

  it('refuses anti-entropy (replicas never talk to each other)', () => {
    expect(() => new Simulation(pb({ antiEntropy: 5 }))).toThrow(/antiEntropy: 0 with primary-backup/);
  });

  it('draws the exact curve as a series', () => {
    expect(primaryBackupSeries(50, 5)).toEqual([0.02, 0.12, 0.22, 0.32, 0.42, 0.52, 0.62, 0.72, 0.82, 0.92, 1]);
    expect(primaryBackupSeries(50, 5, 12).slice(10)).toEqual([1, 1, 1]);
  });
});

/** Updates lost on the way (not acks): replayed with message recording to tell the kinds apart. */
function droppedUpdates(config: SimConfig, rounds: number): number {
  const sim = new Simulation(config, { recordMessages: true });
  let lost = 0;
  for (let r = 0; r < rounds; r++) {
    sim.step();
    const m = sim.messages!;
    for (let i = 0; i < m.count; i++) if (m.kind[i] === KIND_PB_UPDATE && m.outcome[i] !== OUTCOME_DELIVERED) lost++;
  }
  return lost;
}
