import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Simulation } from './simulation';
import type { RoundMetrics, SimConfig } from './types';

const base: SimConfig = { ...DEFAULT_CONFIG, nodes: 200, protocol: 'push-pull' };
const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

function totals(ms: RoundMetrics[]) {
  const sum = (f: (m: RoundMetrics) => number) => ms.reduce((s, m) => s + f(m), 0);
  return {
    sent: sum((m) => m.sent),
    resolved: sum((m) => m.delivered + m.droppedLoss + m.droppedPartition + m.droppedDead),
  };
}

describe('message delay', () => {
  it('a message sent in round r with delay d is received in round r + d − 1', () => {
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 2, delay: { kind: 'fixed', rounds: 3 } });
    const informed = [1, 2, 3, 4].map(() => sim.step().informed[0]);
    expect(informed).toEqual([1, 1, 2, 2]); // sent in round 1, received in round 3
  });

  it('uniform and exponential delays stay in range, and every message is received once or dropped', () => {
    for (const delay of [{ kind: 'uniform', min: 2, max: 5 }, { kind: 'exp', mean: 3 }] as const) {
      const sim = new Simulation({ ...base, loss: 0.1, delay }, { recordMessages: true });
      const metrics: RoundMetrics[] = [];
      const spans: number[] = [];
      for (let r = 0; r < 60; r++) {
        const m = sim.step();
        metrics.push(m);
        const b = sim.messages!;
        for (let i = 0; i < b.count; i++) if (b.outcome[i] === 0 && b.sentRound[i] === m.round) spans.push(b.deliverRound[i] - b.sentRound[i] + 1);
        // Conservation: everything sent so far was delivered, dropped, or is still in flight.
        const t = totals(metrics);
        expect(t.sent).toBe(t.resolved + m.inFlight);
      }
      expect(Math.min(...spans)).toBeGreaterThanOrEqual(delay.kind === 'uniform' ? 2 : 1);
      if (delay.kind === 'uniform') expect(Math.max(...spans)).toBeLessThanOrEqual(5);
      else expect(spans.reduce((a, b) => a + b, 0) / spans.length).toBeCloseTo(3, 0);
    }
  });

  it('delayed runs replay exactly from a snapshot (in-flight messages included)', () => {
    const config = { ...base, delay: { kind: 'uniform', min: 1, max: 4 } } as SimConfig;
    const a = new Simulation(config);
    for (let r = 0; r < 5; r++) a.step();
    const snap = a.snapshot();
    const straight = [0, 1, 2, 3, 4, 5].map(() => a.step());
    a.restore(snap);
    const again = [0, 1, 2, 3, 4, 5].map(() => a.step());
    expect(again).toEqual(straight);
  });
});

describe('one-way cuts and link loss', () => {
  it('nothing crosses a cut in the blocked direction, while the other direction delivers', () => {
    const sim = new Simulation({ ...base, origin: 150 }, { recordMessages: true });
    sim.apply({ type: 'partition', groups: [range(0, 100), range(100, 200)] });
    sim.apply({ type: 'setLink', from: 2, to: 1, blocked: false, loss: 0 }); // only 1 → 2 stays cut
    let crossedBack = 0;
    for (let r = 0; r < 30; r++) {
      sim.step();
      const b = sim.messages!;
      for (let i = 0; i < b.count; i++) {
        const from = sim.world.group[b.from[i]], to = sim.world.group[b.to[i]];
        if (from === 1 && to === 2) expect(b.outcome[i]).toBe(2);
        if (from === 2 && to === 1 && b.outcome[i] === 0) crossedBack++;
      }
    }
    expect(crossedBack).toBeGreaterThan(0);
    // Push-pull replies travel 1 → 2 and are cut, but 2's exchanges push into group 1:
    // the update written in group 2 reaches everyone.
    expect(sim.world.informed[0]).toBe(200);
  });

  it('with the cut the other way, the update stays on its side', () => {
    const sim = new Simulation({ ...base, protocol: 'push', origin: 150 });
    sim.apply({ type: 'partition', groups: [range(0, 100), range(100, 200)] });
    sim.apply({ type: 'setLink', from: 1, to: 2, blocked: false, loss: 0 }); // only 2 → 1 cut
    for (let r = 0; r < 40; r++) sim.step();
    expect(sim.world.informed[0]).toBe(100);
  });

  it('link loss drops messages on that link only', () => {
    const sim = new Simulation(base, { recordMessages: true });
    sim.apply({ type: 'partition', groups: [range(0, 100), range(100, 200)] });
    sim.apply({ type: 'setLink', from: 1, to: 2, blocked: false, loss: 1 });
    sim.apply({ type: 'setLink', from: 2, to: 1, blocked: false, loss: 0 });
    const m = sim.step();
    const b = sim.messages!;
    let lost12 = 0, delivered21 = 0;
    for (let i = 0; i < b.count; i++) {
      const from = sim.world.group[b.from[i]], to = sim.world.group[b.to[i]];
      if (from === 1 && to === 2) { expect(b.outcome[i]).toBe(1); lost12++; }
      if (from === 2 && to === 1 && b.outcome[i] === 0) delivered21++;
      if (from === to) expect(b.outcome[i]).toBe(0);
    }
    expect(lost12).toBeGreaterThan(0);
    expect(delivered21).toBeGreaterThan(0);
    expect(m.droppedLoss).toBe(lost12);
    expect(m.droppedPartition).toBe(0);
  });
});

describe('churn', () => {
  it('crashes and recoveries happen at the given rates, and a crashed node sends nothing', () => {
    const sim = new Simulation({ ...base, crashRate: 0.05, recoverRate: 0.2 }, { recordMessages: true });
    let crashes = 0, recoveries = 0;
    for (let r = 0; r < 100; r++) {
      const m = sim.step();
      crashes += m.crashes;
      recoveries += m.recoveries;
      const b = sim.messages!;
      for (let i = 0; i < b.count; i++) if (b.sentRound[i] === m.round && b.kind[i] === 3) expect(sim.world.alive[b.from[i]]).toBe(1);
      expect(m.live).toBe(sim.world.alive.reduce((a, x) => a + x, 0));
    }
    // Stationary share alive = 0.2 / (0.05 + 0.2) = 80 %: about 0.05·160·100 = 800 crashes.
    expect(crashes).toBeGreaterThan(600);
    expect(crashes).toBeLessThan(1000);
    expect(Math.abs(crashes - recoveries)).toBeLessThan(100);
  });

  it('a node recovering empty forgets its versions', () => {
    const sim = new Simulation({ ...base, recoverEmpty: true });
    for (let r = 0; r < 20; r++) sim.step();
    expect(sim.world.version(7, 0)).not.toBe(0);
    sim.apply({ type: 'crash', node: 7 });
    sim.apply({ type: 'recover', node: 7 });
    expect(sim.world.version(7, 0)).toBe(0);
  });
});

describe('conflicting writes and healing', () => {
  function splitAndWrite(config: SimConfig) {
    const sim = new Simulation({ ...config, nodes: 60, origin: -1 });
    sim.apply({ type: 'partition', groups: [range(0, 30), range(30, 60)] });
    sim.apply({ type: 'write', node: 3, key: 0 });
    sim.apply({ type: 'write', node: 40, key: 0 });
    return sim;
  }

  it('each side converges on its own write; after heal push-pull makes the LWW winner universal', () => {
    const sim = splitAndWrite(base);
    for (let r = 0; r < 20; r++) sim.step();
    const { codec } = sim.world;
    // Both writes have counter 1; the tie is broken by writer id, so node 40's write wins.
    expect(codec.writer(sim.world.latest[0])).toBe(40);
    expect(new Set(range(0, 30).map((i) => codec.writer(sim.world.version(i, 0))))).toEqual(new Set([3]));
    expect(new Set(range(30, 60).map((i) => codec.writer(sim.world.version(i, 0))))).toEqual(new Set([40]));
    sim.apply({ type: 'heal' });
    for (let r = 0; r < 20; r++) sim.step();
    expect(sim.world.informed[0]).toBe(60);
  });

  it('a write takes one more than the highest counter its node knows', () => {
    const sim = splitAndWrite(base);
    for (let r = 0; r < 20; r++) sim.step();
    sim.apply({ type: 'write', node: 5, key: 0 }); // node 5 knows (1, 3): its write is (2, 5)
    expect(sim.world.codec.counter(sim.world.latest[0])).toBe(2);
    expect(sim.world.codec.writer(sim.world.latest[0])).toBe(5);
  });

  it('after heal, rumor mongering alone leaves the other side behind; anti-entropy backup repairs it', () => {
    const rumor: SimConfig = { ...base, protocol: 'rumor', interest: 'feedback-counter', k: 2 };
    const alone = splitAndWrite(rumor);
    for (let r = 0; r < 30; r++) alone.step();
    alone.apply({ type: 'heal' });
    for (let r = 0; r < 60; r++) alone.step();
    expect(alone.world.informed[0]).toBeLessThanOrEqual(30); // the winning rumor had died out

    const backed = splitAndWrite({ ...rumor, antiEntropy: 5 });
    for (let r = 0; r < 30; r++) backed.step();
    backed.apply({ type: 'heal' });
    for (let r = 0; r < 60; r++) backed.step();
    expect(backed.world.informed[0]).toBe(60);
  });
});

describe('scheduled actions', () => {
  it('a schedule gives the same run as the same actions applied live', () => {
    const schedule = [
      { round: 2, action: { type: 'partition' as const, groups: [range(0, 50)] } },
      { round: 4, action: { type: 'write' as const, node: 120, key: 0 } },
      { round: 9, action: { type: 'heal' as const } },
    ];
    const planned = new Simulation(base, { schedule });
    const live = new Simulation(base);
    for (let r = 0; r < 15; r++) {
      for (const e of schedule) if (e.round === live.round) live.apply(e.action);
      expect(planned.step()).toEqual(live.step());
    }
    expect(planned.log).toEqual(live.log);
  });

  it('a scheduled action the world refuses is reported, and the run goes on', () => {
    const sim = new Simulation(base, { schedule: [{ round: 1, action: { type: 'crash', node: 9 } }, { round: 2, action: { type: 'write', node: 9, key: 0 } }] });
    for (let r = 0; r < 4; r++) sim.step();
    expect(sim.rejected).toHaveLength(1);
    expect(sim.rejected[0].reason).toMatch(/crashed/);
  });
});

describe('configuration limits', () => {
  it('refuses an explicit graph too large to build, with a message naming the size', async () => {
    const { configProblems } = await import('./config');
    expect(configProblems({ ...DEFAULT_CONFIG, nodes: 10_000_000, topology: 'random', degree: 100 })).toEqual([
      expect.stringMatching(/^degree: a random graph of 10,000,000 nodes and degree 100 would have about 500,000,000 edges/),
    ]);
    expect(configProblems({ ...DEFAULT_CONFIG, nodes: 10_000_000, topology: 'complete' })).toEqual([]);
  });
});
