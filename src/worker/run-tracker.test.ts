import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { Simulation } from '../engine/simulation';
import type { SimConfig } from '../engine/types';
import { RunTracker } from './run-tracker';

function tracked(config: Partial<SimConfig>) {
  const sim = new Simulation({ ...DEFAULT_CONFIG, ...config });
  const tracker = new RunTracker(sim);
  const step = (n = 1) => {
    for (let i = 0; i < n; i++) tracker.update(sim.step().traffic);
  };
  return { sim, tracker, step };
}

describe('RunTracker', () => {
  it('measures t_ave, t_last and traffic of the newest version from its write', () => {
    // A ring of 5 where each node tells its neighbours: node 0's update reaches 1 and 4 in
    // round 1 and 2 and 3 in round 2, so t_ave = (1 + 1 + 2 + 2) / 4 and t_last = 2.
    const { tracker, step, sim } = tracked({ nodes: 5, topology: 'ring', degree: 2, protocol: 'push', fanout: 2 });
    step(3);
    const [s] = tracker.spreadStats();
    expect(s).toMatchObject({ key: 0, since: 0, reached: 4, tAve: 1.5, tLast: 2 });
    expect(sim.world.informed[0]).toBe(5);
    // Only informed nodes' pushes carry the update: 1, 3 and 5 of them push twice in rounds 1–3.
    expect(s.traffic).toBe(2 + 6 + 10);
  });

  it('restarts the clock at a newer write', () => {
    const { sim, tracker, step } = tracked({ nodes: 2, topology: 'complete', protocol: 'push' });
    step(2);
    sim.apply({ type: 'write', node: 1, key: 0 });
    tracker.update();
    expect(tracker.spreadStats()[0]).toMatchObject({ since: 2, reached: 0, tAve: null, traffic: 0 });
    step();
    expect(tracker.spreadStats()[0]).toMatchObject({ since: 2, reached: 1, tAve: 1, tLast: 1 });
  });

  it('lists every write with its version, holders and reach per group', () => {
    const { sim, tracker, step } = tracked({ nodes: 6, topology: 'complete', protocol: 'push-pull', origin: -1 });
    sim.apply({ type: 'partition', groups: [[0, 1, 2], [3, 4, 5]] });
    sim.apply({ type: 'write', node: 0, key: 0 });
    sim.apply({ type: 'write', node: 5, key: 0 });
    sim.apply({ type: 'write', node: 5, key: 0 });
    tracker.update();
    step(20);
    const writes = tracker.writeRecords();
    const { codec } = sim.world;
    expect(writes.map((w) => [w.node, codec.counter(w.version), w.round])).toEqual([[0, 1, 0], [5, 1, 0], [5, 2, 0]]);
    expect(writes[0]).toMatchObject({ holders: 3, reached: 3, reachedByGroup: [0, 3, 0] });
    expect(writes[1]).toMatchObject({ holders: 0, reached: 0 }); // overwritten by node 5's second write before any round
    expect(writes[2]).toMatchObject({ holders: 3, reached: 3, reachedByGroup: [0, 0, 3] });
  });

  it('counts the origin\'s version 1 as the first write', () => {
    const { tracker } = tracked({ nodes: 4, origin: 2 });
    expect(tracker.writeRecords()).toMatchObject([{ key: 0, node: 2, round: 0, holders: 1 }]);
  });
});

describe('RunTracker word by word (one key)', () => {
  it('counts exactly what the node-by-node loop counts, through crashes, recoveries, partitions and writes', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const config: SimConfig = {
        ...DEFAULT_CONFIG, seed, nodes: 37 + seed * 11, topology: seed % 2 ? 'complete' : 'random', degree: 4,
        protocol: (['push', 'pull', 'push-pull'] as const)[seed % 3], crashRate: 0.05, recoverRate: 0.3, recoverEmpty: seed % 4 === 0,
      };
      const a = new Simulation(config), b = new Simulation(config);
      const fast = new RunTracker(a), slow = new RunTracker(b, false);
      const both = (fn: (s: Simulation) => void): void => {
        fn(a);
        fn(b);
        fast.update();
        slow.update();
      };
      for (let r = 0; r < 40; r++) {
        fast.update(a.step().traffic);
        slow.update(b.step().traffic);
        if (r === 5) both((s) => s.apply({ type: 'partition', groups: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]] }));
        const live = (s: Simulation): number => s.world.alive.indexOf(1);
        if (r === 9) both((s) => s.apply({ type: 'write', node: live(s), key: 0 }));
        if (r === 15) both((s) => s.apply({ type: 'heal' }));
        if (r === 22) both((s) => s.apply({ type: 'write', node: s.world.alive.lastIndexOf(1), key: 0 }));
        expect(fast.spreadStats(), `seed ${seed} round ${r}`).toEqual(slow.spreadStats());
        expect(fast.writeRecords(), `seed ${seed} round ${r}`).toEqual(slow.writeRecords());
      }
      const snap = fast.snapshot();
      fast.update(a.step().traffic);
      fast.restore(snap);
      expect(fast.spreadStats()).toEqual(slow.spreadStats());
    }
  });
});
