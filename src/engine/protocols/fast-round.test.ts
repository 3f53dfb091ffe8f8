import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { Simulation } from '../simulation';
import { fastRoundEligible } from './fast-round';
import type { Action, RoundMetrics, SimConfig } from '../types';

/** FNV-1a over the bytes of every node's versions and alive flag, and who told whom when traced. */
function stateHash(sim: Simulation): number {
  let h = 0x811c9dc5;
  const mix = (bytes: Uint8Array) => {
    for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  };
  mix(new Uint8Array(sim.world.cur.buffer));
  mix(sim.world.alive);
  if (sim.world.informer) mix(new Uint8Array(sim.world.informer.buffer));
  if (sim.world.learnedAt) mix(new Uint8Array(sim.world.learnedAt.buffer));
  return h >>> 0;
}

/**
 * Runs a scripted run and records every round's metrics, state hash and per-node message
 * counters. Recording messages forces the generic path; without it the fast path runs (with
 * the counters: the general fast loop; without: the complete-graph loops where they apply).
 * Every run is traced (who told whom), so the hash compares the informer arrays too: the fast
 * loops must name the same sender and round as the generic path.
 */
function trace(config: SimConfig, script: Map<number, Action[]>, rounds: number, generic: boolean, counters = generic) {
  const sim = new Simulation(config, { recordMessages: generic, trackNodeStats: counters, traceSpread: true });
  const out: { metrics: RoundMetrics; hash: number; sent?: number[]; received?: number[] }[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const action of script.get(r) ?? []) sim.apply(action);
    const metrics = sim.step();
    const w = sim.world;
    out.push({ metrics, hash: stateHash(sim), ...(counters ? { sent: Array.from(w.sentCount!), received: Array.from(w.receivedCount!) } : {}) });
  }
  return out;
}

/** The generic trace without the counters (nor the load read from them), to compare with a fast run that kept none. */
const withoutCounters = (t: ReturnType<typeof trace>) => t.map(({ metrics, hash }) => ({ metrics: { ...metrics, busiestSent: null, busiestSentTotal: null }, hash }));

const FAULTS = new Map<number, Action[]>([
  [1, [{ type: 'crash', node: 5 }, { type: 'crash', node: 17 }]],
  [2, [{ type: 'partition', groups: [Array.from({ length: 150 }, (_, i) => i * 2)] }]],
  [3, [{ type: 'setLink', from: 1, to: 0, blocked: false, loss: 0.4 }]],
  [4, [{ type: 'write', node: 301, key: 0 }, { type: 'setLoss', p: 0.5 }]],
  [6, [{ type: 'recover', node: 5 }, { type: 'heal' }]],
  [8, [{ type: 'isolate', nodes: [0, 1, 2, 3] }, { type: 'setLoss', p: 1 }]],
  [9, [{ type: 'setLoss', p: 0.2 }]],
  [11, [{ type: 'heal' }]],
]);

/** Fanout changed mid-run: the complete-graph loops (fanout 1), the general loop, the generic path above 8, back. */
const FANOUT_CHANGES = new Map<number, Action[]>([
  [3, [{ type: 'setFanout', fanout: 3 }]],
  [5, [{ type: 'setFanout', fanout: 1 }, { type: 'crash', node: 9 }]],
  [7, [{ type: 'setFanout', fanout: 12 }]],
  [9, [{ type: 'setFanout', fanout: 2 }, { type: 'write', node: 44, key: 0 }]],
]);

describe('fast round (push, pull, push-pull)', () => {
  const cases: [string, Partial<SimConfig>, Map<number, Action[]>][] = [];
  for (const protocol of ['push', 'pull', 'push-pull'] as const) {
    for (const fanout of [1, 3]) {
      cases.push([`${protocol} f=${fanout} plain`, { protocol, fanout }, new Map()]);
      cases.push([`${protocol} f=${fanout} lossy`, { protocol, fanout, loss: 0.3 }, new Map()]);
      cases.push([`${protocol} f=${fanout} faults`, { protocol, fanout, loss: 0.1 }, FAULTS]);
    }
    cases.push([`${protocol} all lost`, { protocol, loss: 1 }, new Map()]);
    cases.push([`${protocol} ring, 2 keys, faults`, { protocol, topology: 'ring', degree: 4, keys: 2 }, FAULTS]);
    cases.push([`${protocol} random graph f=2, faults`, { protocol, topology: 'random', degree: 5, fanout: 2 }, FAULTS]);
    cases.push([`${protocol} grid f=8 (every neighbour)`, { protocol, topology: 'grid', fanout: 8, loss: 0.2 }, FAULTS]);
    cases.push([`${protocol} fanout changed mid-run`, { protocol }, FANOUT_CHANGES]);
    cases.push([`${protocol} random graph, fanout changed mid-run, lossy`, { protocol, topology: 'random', degree: 5, loss: 0.2 }, FANOUT_CHANGES]);
  }
  for (const [name, overrides, script] of cases) {
    it(`matches the generic path bit for bit: ${name}`, () => {
      const config = { ...DEFAULT_CONFIG, nodes: 600, seed: 7, ...overrides };
      const generic = trace(config, script, 25, true);
      expect(trace(config, script, 25, false)).toEqual(withoutCounters(generic));
      // With per-node counters (the page's inspector) the fast path keeps them exactly too.
      expect(trace(config, script, 25, false, true)).toEqual(generic);
    });
  }

  it('matches on tiny clusters, odd sizes and many seeds (sizes that are not a multiple of 32)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('push', 'pull', 'push-pull'), fc.integer({ min: 2, max: 90 }), fc.integer({ min: 1, max: 8 }),
        fc.constantFrom(0, 0.25), fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (protocol, nodes, fanout, loss, seed) => {
          const config: SimConfig = { ...DEFAULT_CONFIG, protocol, nodes, fanout: Math.min(fanout, nodes - 1), loss, seed };
          const script = new Map<number, Action[]>([[2, [{ type: 'crash', node: nodes - 1 }]]]);
          expect(trace(config, script, 12, false)).toEqual(withoutCounters(trace(config, script, 12, true)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('matches under random fault scripts: crashes, recoveries, partitions, one-way links, loss, writes (many seeds)', () => {
    const action = (nodes: number): fc.Arbitrary<Action> => {
      const node = fc.integer({ min: 0, max: nodes - 1 });
      return fc.oneof(
        node.map((n): Action => ({ type: 'crash', node: n })),
        node.map((n): Action => ({ type: 'recover', node: n })),
        node.map((n): Action => ({ type: 'write', node: n, key: 0 })),
        fc.uniqueArray(node, { minLength: 1, maxLength: nodes - 1 }).map((g): Action => ({ type: 'partition', groups: [g] })),
        fc.tuple(fc.boolean(), fc.constantFrom(0, 0.5, 1)).map(([blocked, loss]): Action => ({ type: 'setLink', from: 0, to: 1, blocked, loss })),
        fc.constantFrom(0, 0.2, 1).map((p): Action => ({ type: 'setLoss', p })),
        fc.constant<Action>({ type: 'heal' }),
      );
    };
    fc.assert(
      fc.property(
        fc.constantFrom('push', 'pull', 'push-pull'), fc.constantFrom('complete', 'ring', 'random'), fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), action(70)), { maxLength: 8 }),
        (protocol, topology, fanout, seed, steps) => {
          const config: SimConfig = { ...DEFAULT_CONFIG, protocol, topology, degree: 6, nodes: 70, fanout, seed };
          const script = new Map<number, Action[]>();
          for (const [round, a] of steps) script.set(round, [...(script.get(round) ?? []), a]);
          // An action the world refuses (a write at a crashed node) is refused on both paths alike.
          const safe = (generic: boolean) => {
            const sim = new Simulation(config, { recordMessages: generic, traceSpread: true });
            const out: unknown[] = [];
            for (let r = 0; r < 12; r++) {
              for (const a of script.get(r) ?? []) {
                try { sim.apply(a); } catch (e) { out.push(String(e)); }
              }
              out.push(sim.step(), stateHash(sim));
            }
            return out;
          };
          expect(safe(false)).toEqual(safe(true));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('draws 53-bit targets above 2^21 peers exactly like Rng.int', () => {
    // At 2^21 + 2 nodes a target index needs two draws: one round of push from a few writers.
    for (const fanout of [1, 2]) {
      const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 2 ** 21 + 2, protocol: 'push', fanout, loss: 0.1 };
      const script = new Map<number, Action[]>([[0, [1, 2, 3, 2 ** 21 + 1].map((node): Action => ({ type: 'write', node, key: 0 }))]]);
      expect(trace(config, script, 3, false)).toEqual(withoutCounters(trace(config, script, 3, true)));
    }
  });

  it('compares two different code paths', () => {
    const config = { ...DEFAULT_CONFIG, nodes: 600 };
    expect(fastRoundEligible(config, false)).toBe(true);
    expect(fastRoundEligible(config, true)).toBe(false);
    expect(fastRoundEligible({ ...config, delay: { kind: 'uniform', min: 1, max: 2 } }, false)).toBe(false);
    expect(fastRoundEligible({ ...config, fanout: 9 }, false)).toBe(false);
  });
});
