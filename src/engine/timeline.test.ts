import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Simulation } from './simulation';
import { METRICS_KEPT, Timeline, approxBytes } from './timeline';
import type { Action, SimConfig } from './types';

function hash(sim: Simulation): string {
  let h = 0x811c9dc5;
  for (const a of [new Uint8Array(sim.world.cur.buffer), sim.world.alive, sim.world.group]) {
    for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a[i], 0x01000193);
  }
  return `${sim.round}:${(h >>> 0).toString(16)}:${sim.log.length}`;
}

const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 300, protocol: 'push-pull', loss: 0.2, delay: { kind: 'uniform', min: 1, max: 3 } };
const live: Record<number, Action[]> = {
  3: [{ type: 'partition', groups: [Array.from({ length: 150 }, (_, i) => i)] }],
  7: [{ type: 'write', node: 200, key: 0 }, { type: 'crash', node: 5 }],
  32: [{ type: 'heal' }],
  40: [{ type: 'write', node: 9, key: 0 }],
};
const schedule = [{ round: 20, action: { type: 'setLoss' as const, p: 0.5 } }];

/** The straight run: hashes of every round 0…rounds. */
function straight(rounds: number): string[] {
  const sim = new Simulation(config, { schedule });
  const out: string[] = [];
  for (const a of live[0] ?? []) sim.apply(a);
  out.push(hash(sim));
  while (sim.round < rounds) {
    sim.step();
    for (const a of live[sim.round] ?? []) sim.apply(a);
    out.push(hash(sim));
  }
  return out;
}

function timelineRun(rounds: number, every = 8, checkpointBudget?: number): Timeline<ReturnType<Simulation['snapshot']>, unknown> {
  const tl = new Timeline(new Simulation(config, { schedule }), { checkpointEvery: every, checkpointBudget });
  while (tl.last < rounds) {
    tl.advance();
    for (const a of live[tl.last] ?? []) tl.apply(a);
  }
  return tl;
}

describe('timeline', () => {
  const rounds = 60;
  const reference = straight(rounds);

  it('seeking any round, forward and back, shows exactly the straight run', () => {
    const tl = timelineRun(rounds);
    const sim = tl.sim as Simulation;
    const order = [0, 60, 1, 59, 7, 8, 3, 32, 31, 33, 16, 15, 40, 20, 19, 21, 2, 45];
    for (const r of order) {
      tl.seek(r);
      expect(hash(sim), `round ${r}`).toBe(reference[r]);
    }
    for (let r = rounds; r >= 0; r--) {
      tl.seek(r);
      expect(hash(sim), `round ${r}`).toBe(reference[r]);
    }
  });

  it('fork then continue equals a fresh run with the same actions', () => {
    const tl = timelineRun(rounds);
    tl.seek(10);
    tl.apply({ type: 'recover', node: 5 }); // a past action: the rounds after 10 are discarded
    expect(tl.last).toBe(10);
    while (tl.last < 30) tl.advance();

    const fresh = new Simulation(config, { schedule });
    while (fresh.round < 30) {
      fresh.step();
      for (const a of live[fresh.round] ?? []) if (fresh.round <= 10) fresh.apply(a);
      if (fresh.round === 10) fresh.apply({ type: 'recover', node: 5 });
    }
    expect(hash(tl.sim as Simulation)).toBe(hash(fresh));
    expect(tl.log).toEqual(fresh.log);
  });

  it('a refused action in the past changes nothing (no fork)', () => {
    const tl = timelineRun(rounds);
    tl.seek(10);
    expect(() => tl.apply({ type: 'crash', node: 1e6 })).toThrow(/node must be/);
    expect(tl.last).toBe(rounds);
    tl.seek(rounds);
    expect(hash(tl.sim as Simulation)).toBe(reference[rounds]);
  });

  it('keeps one checkpoint per interval and the metrics of every round', () => {
    const tl = timelineRun(rounds, 8);
    expect(tl.checkpointCount).toBe(Math.floor(rounds / 8) + 1);
    expect(tl.metrics).toHaveLength(rounds);
  });
});

describe('timeline memory budget', () => {
  it('thins its checkpoints to stay within the budget, and seeks stay exact', () => {
    const rounds = 400;
    const reference = straight(rounds);
    const one = approxBytes(new Simulation(config, { schedule }).snapshot());
    const tl = timelineRun(rounds, 4, one * 6);
    // 101 checkpoints at the first spacing would be ~17× the budget: the spacing doubled instead.
    expect(tl.checkpointBytes).toBeLessThanOrEqual(one * 6 + one);
    expect(tl.checkpointCount).toBeLessThanOrEqual(7);
    expect(tl.spacing).toBeGreaterThan(4);
    const sim = tl.sim as Simulation;
    for (const r of [400, 0, 399, 1, 257, 128, 3, 200, 64, 65, 333]) {
      tl.seek(r);
      expect(hash(sim), `round ${r}`).toBe(reference[r]);
    }
    // A fork drops the later checkpoints, and the run goes on exactly.
    tl.seek(100);
    tl.fork();
    expect(tl.checkpointBytes).toBeLessThanOrEqual(one * 6 + one);
    while (tl.last < 150) tl.advance();
    for (const r of [150, 120, 99]) {
      tl.seek(r);
      expect(hash(sim), `round ${r} after the fork`).toBe(reference[r]);
    }
  });
});

describe('timeline metrics of old rounds', () => {
  it('keeps the last METRICS_KEPT rounds one by one and recomputes older ones exactly when shown', () => {
    const sim = new Simulation({ ...config, nodes: 40, delay: { kind: 'fixed', rounds: 1 } });
    const tl = new Timeline(sim, { checkpointEvery: 64 });
    const sent: number[] = [];
    while (tl.last < METRICS_KEPT + 300) sent.push((tl.advance() as { sent: number }).sent);
    expect(tl.metrics[0]).toBeUndefined();
    expect((tl.metricsAt(METRICS_KEPT + 300) as { sent: number }).sent).toBe(sent.at(-1));
    for (const r of [1, 5, 64, 65, 200, 299]) {
      tl.seek(r);
      expect((tl.metricsAt(r) as { sent: number }).sent, `round ${r}`).toBe(sent[r - 1]);
    }
    // Stepping on from an old round shows each next round's metrics too.
    tl.seek(100);
    for (let r = 101; r < 104; r++) {
      tl.seek(r);
      expect((tl.metricsAt(r) as { sent: number }).sent).toBe(sent[r - 1]);
    }
  });
});
