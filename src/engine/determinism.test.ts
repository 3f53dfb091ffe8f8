import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { replay, Simulation } from './simulation';
import type { Action, RoundMetrics, SimConfig } from './types';

/** FNV-1a over everything observable of a world: versions, alive flags, groups and counters. */
function stateHash(sim: Simulation): number {
  const w = sim.world;
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array): void => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  };
  mix(new Uint8Array(w.cur.buffer, w.cur.byteOffset, w.cur.byteLength));
  mix(w.alive);
  mix(w.group);
  mix(new Uint8Array(Float64Array.of(w.loss, w.liveCount, ...w.informed).buffer));
  return h >>> 0;
}

/** Actions applied after the given rounds: crashes, a partition, a write, loss, heal, recover. */
const SCRIPT = new Map<number, Action[]>([
  [2, [{ type: 'crash', node: 3 }, { type: 'crash', node: 40 }]],
  [3, [{ type: 'partition', groups: [[1, 2, 5, 8, 13, 21, 34, 55, 89, 144]] }]],
  [5, [{ type: 'write', node: 7, key: 0 }, { type: 'setLoss', p: 0.2 }]],
  [8, [{ type: 'heal' }, { type: 'recover', node: 3 }]],
]);

/**
 * Runs `rounds` rounds. hashes[r]: the state after round r; ready[r]: after round r and the
 * actions logged at round r — what replay(config, log, r) rebuilds.
 */
function run(config: SimConfig, rounds: number, script = SCRIPT) {
  const sim = new Simulation(config);
  const metrics: RoundMetrics[] = [];
  const hashes = [stateHash(sim)];
  const ready: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const a of script.get(r) ?? []) sim.apply(a);
    ready.push(stateHash(sim));
    metrics.push(sim.step());
    hashes.push(stateHash(sim));
  }
  ready.push(hashes[rounds]);
  return { metrics, hashes, ready, sim };
}

const CONFIGS: [string, Partial<SimConfig>][] = [
  ['push, complete', { protocol: 'push' }],
  ['push fanout 3, lossy', { protocol: 'push', fanout: 3, loss: 0.1 }],
  ['pull, random graph', { protocol: 'pull', topology: 'random', degree: 5 }],
  ['push-pull, ring, 2 keys', { protocol: 'push-pull', topology: 'ring', degree: 4, keys: 2 }],
  ['push-pull, grid', { protocol: 'push-pull', topology: 'grid', loss: 0.05 }],
];

describe('determinism', () => {
  for (const [name, overrides] of CONFIGS) {
    const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 300, seed: 77, ...overrides };

    it(`same seed, same run: ${name}`, () => {
      const a = run(config, 15);
      const b = run(config, 15);
      expect(b.metrics).toEqual(a.metrics);
      expect(b.hashes).toEqual(a.hashes);
    });

    it(`another seed, another run: ${name}`, () => {
      const a = run(config, 15);
      const b = run({ ...config, seed: 78 }, 15);
      expect(b.hashes).not.toEqual(a.hashes);
    });

    it(`replaying the action log reproduces every round: ${name}`, () => {
      const live = run(config, 12);
      for (let r = 0; r <= 12; r++) {
        expect(stateHash(replay(config, live.sim.log, r)), `round ${r}`).toBe(live.ready[r]);
      }
      expect(replay(config, live.sim.log, 12).log).toEqual(live.sim.log);
    });

    it(`snapshot, detour and restore, then stepping equals the straight run: ${name}`, () => {
      const straight = run(config, 14);
      const sim = new Simulation(config);
      for (let r = 0; r < 6; r++) {
        for (const a of SCRIPT.get(r) ?? []) sim.apply(a);
        sim.step();
      }
      const snap = sim.snapshot();
      // A detour that touches everything a restore must undo.
      sim.apply({ type: 'crash', node: 0 });
      sim.apply({ type: 'partition', groups: [[10, 11, 12]] });
      sim.apply({ type: 'setLoss', p: 0.9 });
      sim.apply({ type: 'write', node: 200, key: 0 });
      for (let r = 0; r < 4; r++) sim.step();
      sim.restore(snap);
      expect(sim.round).toBe(6);
      expect(sim.log.length).toBe(snap.logLength);
      expect(stateHash(sim)).toBe(straight.hashes[6]);
      for (let r = 6; r < 14; r++) {
        for (const a of SCRIPT.get(r) ?? []) sim.apply(a);
        expect(sim.step()).toEqual(straight.metrics[r]);
        expect(stateHash(sim), `round ${r + 1}`).toBe(straight.hashes[r + 1]);
      }
    });
  }

  it('a snapshot is a copy: stepping on does not change it', () => {
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 100 });
    sim.step();
    const snap = sim.snapshot();
    const cur = snap.cur.slice();
    for (let r = 0; r < 5; r++) sim.step();
    expect(snap.cur).toEqual(cur);
  });
});

/**
 * The page may record messages where the CLI does not, so the push fast path must make exactly
 * the generic path's random draws, at every size. Recording messages forces the generic path.
 */
describe('the push fast path draws exactly what the generic path draws', () => {
  function compare(config: SimConfig, rounds: number): void {
    const fast = new Simulation(config);
    const generic = new Simulation(config, { recordMessages: true });
    for (let r = 1; r <= rounds; r++) {
      expect(fast.step(), `round ${r}`).toEqual(generic.step());
      expect(stateHash(fast), `round ${r}`).toBe(stateHash(generic));
    }
  }

  it('with 2 nodes and loss (the only peer needs no draw)', () => {
    compare({ ...DEFAULT_CONFIG, nodes: 2, loss: 0.5, seed: 0 }, 6);
  });

  it('above 2^21 + 1 nodes (Rng.int switches to its 53-bit path there)', () => {
    compare({ ...DEFAULT_CONFIG, nodes: 2 ** 21 + 2, seed: 3 }, 4);
  });
});
