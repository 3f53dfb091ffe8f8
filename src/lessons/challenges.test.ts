import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { Action, SimConfig } from '../engine/types';
import { checkFastAndCheap, checkSplitThenHeal, checkStopOnRing } from './challenges';
import { recordEngineRun } from './engine-run';
import { roundsToAll } from './measures';

const everyone = (r: { history: readonly { informed: number[]; live: number }[] }): boolean => roundsToAll(r.history as never) !== null;

describe('challenge: inform all 1000 nodes in ≤ 10 rounds with ≤ 15 messages per node', () => {
  const run = (protocol: SimConfig['protocol'], fanout: number) =>
    recordEngineRun({ ...DEFAULT_CONFIG, nodes: 1000, protocol, fanout, seed: 1 }, [], 40, { until: everyone });

  it('passes with push and fanout 3', () => {
    const v = checkFastAndCheap(run('push', 3));
    expect(v).toMatchObject({ ok: true, key: 'challenge.fast-and-cheap.passed' });
    expect(v.values.rounds).toBeLessThanOrEqual(10);
    expect(v.values.messages).toBeLessThanOrEqual(15);
  });

  it('refuses plain push (too slow) and push-pull (too many messages), saying which', () => {
    const slow = checkFastAndCheap(run('push', 1));
    expect(slow).toMatchObject({ ok: false, key: 'challenge.fast-and-cheap.slow' });
    expect(slow.values.rounds).toBeGreaterThan(10);
    const costly = checkFastAndCheap(run('push-pull', 1));
    expect(costly).toMatchObject({ ok: false, key: 'challenge.fast-and-cheap.costly' });
    expect(costly.values.messages).toBeGreaterThan(15);
  });

  it('asks to play on before the end, and refuses another cluster size', () => {
    const early = recordEngineRun({ ...DEFAULT_CONFIG, nodes: 1000, protocol: 'push', fanout: 3, seed: 1 }, [], 3);
    expect(checkFastAndCheap(early).key).toBe('challenge.fast-and-cheap.unfinished');
    const small = recordEngineRun({ ...DEFAULT_CONFIG, nodes: 100, protocol: 'push', fanout: 3 }, [], 20, { until: everyone });
    expect(checkFastAndCheap(small).key).toBe('challenge.fast-and-cheap.nodes');
  });
});

describe('challenge: stop a rumor on a ring by crashing as few nodes as possible', () => {
  const ring: SimConfig = { ...DEFAULT_CONFIG, nodes: 30, topology: 'ring', degree: 2, protocol: 'push', origin: 0, seed: 1 };
  const crash = (...nodes: number[]): Record<number, Action[]> => ({ 0: nodes.map((node) => ({ type: 'crash', node }) as Action) });

  it('passes with one crash on each side of the origin', () => {
    const v = checkStopOnRing(recordEngineRun(ring, [], 30, { live: crash(3, 27) }), ring);
    expect(v).toMatchObject({ ok: true, values: { crashes: 2 } });
    expect(v.values.never).toBeGreaterThanOrEqual(15);
  });

  it('refuses one crash (the rumor goes round the other way), the origin, none, and more than two', () => {
    expect(checkStopOnRing(recordEngineRun(ring, [], 30, { live: crash(3) }), ring).key).toBe('challenge.stop-on-ring.around');
    expect(checkStopOnRing(recordEngineRun(ring, [], 5, { live: crash(0) }), ring).key).toBe('challenge.stop-on-ring.origin');
    expect(checkStopOnRing(recordEngineRun(ring, [], 5), ring).key).toBe('challenge.stop-on-ring.none');
    expect(checkStopOnRing(recordEngineRun(ring, [], 30, { live: crash(3, 27, 15) }), ring)).toMatchObject({ ok: false, key: 'challenge.stop-on-ring.many', values: { crashes: 3 } });
  });

  it('judges the rumor by the graph, so a late crash that lets it through most of the ring fails', () => {
    // After 12 rounds the rumor has run well round both sides: cutting now saves too few.
    const late = recordEngineRun(ring, [], 20, { live: { 12: [{ type: 'crash', node: 14 }, { type: 'crash', node: 16 }] } });
    const v = checkStopOnRing(late, ring);
    expect(v.ok).toBe(false);
  });
});

describe('challenge: partition so the two sides end with different values, then heal so the newer wins', () => {
  const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 40, topology: 'complete', protocol: 'push-pull', origin: 0, seed: 2 };
  const left = Array.from({ length: 20 }, (_, i) => i), right = Array.from({ length: 20 }, (_, i) => 20 + i);
  const split: Action = { type: 'partition', groups: [left, right] };

  it('passes: split after everyone knows v1, a write on the left, the sides settle apart, then heal', () => {
    const v = checkSplitThenHeal(recordEngineRun(config, [], 40, { live: { 8: [split], 9: [{ type: 'write', node: 5, key: 0 }], 20: [{ type: 'heal' }] } }));
    expect(v).toMatchObject({ ok: true, key: 'challenge.split-then-heal.passed' });
  });

  it('refuses a run never split, a split where both sides keep one value, and a split never healed', () => {
    expect(checkSplitThenHeal(recordEngineRun(config, [], 15)).key).toBe('challenge.split-then-heal.whole');
    expect(checkSplitThenHeal(recordEngineRun(config, [], 20, { live: { 8: [split] } })).key).toBe('challenge.split-then-heal.same');
    expect(checkSplitThenHeal(recordEngineRun(config, [], 25, { live: { 8: [split], 9: [{ type: 'write', node: 30, key: 0 }] } })).key)
      .toBe('challenge.split-then-heal.heal');
  });
});
