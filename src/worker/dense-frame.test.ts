import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { DENSITY_THRESHOLD } from '../engine/limits';
import type { SimConfig } from '../engine/types';
import { hostHarness } from './host-harness';
import { DENSE_NEWEST, DENSE_NONE, DENSE_OLDER, DENSE_RUMOR_SHIFT, DENSE_VERSION_MASK, type SpreadFrame } from './protocol';

const options = { recordMessages: false, trackNodeStats: false };
const big: SimConfig = { ...DEFAULT_CONFIG, nodes: DENSITY_THRESHOLD + 1, topology: 'complete', protocol: 'push', seed: 4 };

/** The same run below the threshold's frames, rebuilt for `config` at `rounds`, for reference versions. */
function run(config: SimConfig, rounds: number): SpreadFrame[] {
  const { spread } = hostHarness();
  const out = [spread({ type: 'init', model: 'spread', graphId: 1, config, options })];
  for (let r = 1; r <= rounds; r++) out.push(spread({ type: 'step', requestId: r }));
  return out;
}

describe('compact frames (the density view)', () => {
  it('carry a byte per node instead of the versions, and agree with the versions', () => {
    const frames = run(big, 14);
    for (const f of frames) {
      expect(f.versions).toHaveLength(0);
      expect(f.dense).toHaveLength(big.nodes);
      let newest = 0;
      for (const b of f.dense!) if ((b & DENSE_VERSION_MASK) === DENSE_NEWEST) newest++;
      expect(newest, `round ${f.round}`).toBe(f.metrics.informed[0]);
    }
    // Mid-way the update has reached some but not all.
    const mid = frames[14].metrics.informed[0];
    expect(mid).toBeGreaterThan(100);
    expect(mid).toBeLessThan(big.nodes);
    // Below the threshold the frame is the full one.
    const small = run({ ...big, nodes: DENSITY_THRESHOLD }, 1)[1];
    expect(small.dense).toBeNull();
    expect(small.versions).toHaveLength(DENSITY_THRESHOLD);
  });

  it('mark older versions, rumor status and the watched node', () => {
    const { spread, send } = hostHarness();
    spread({ type: 'init', model: 'spread', graphId: 1, config: { ...big, protocol: 'rumor', k: 2 }, options });
    for (let r = 1; r <= 8; r++) spread({ type: 'step', requestId: r });
    send({ type: 'apply', requestId: 20, action: { type: 'write', node: 5, key: 0 } });
    const f = spread({ type: 'watch', node: 5 });
    expect(f.dense![5] & DENSE_VERSION_MASK).toBe(DENSE_NEWEST);
    expect(f.watchedState).toEqual({ node: 5, versions: [f.latest[0]] });
    const kinds = new Set(Array.from(f.dense!, (b) => b & DENSE_VERSION_MASK));
    expect([...kinds].sort()).toEqual([DENSE_NONE, DENSE_OLDER, DENSE_NEWEST]);
    // Rumor status rides in bits 2–3 (1 + status): everyone informed is infective or removed, the rest susceptible.
    for (let i = 0; i < 2000; i++) {
      const b = f.dense![i], status = (b >> DENSE_RUMOR_SHIFT) - 1;
      expect(status === 0, `node ${i}`).toBe((b & DENSE_VERSION_MASK) === DENSE_NONE);
    }
  });

  it('keep room for more checkpoints, and say what the time travel holds', () => {
    const frames = run(big, 40);
    const last = frames[40];
    expect(last.held.checkpoints).toBe(3); // rounds 0, 16, 32 … at most 14 of them before the spacing doubles
    expect(last.held.spacing).toBe(16);
    // About ten bytes a node each (versions, liveness, groups, bitsets, the tracker's first rounds).
    expect(last.held.bytes / 3 / big.nodes).toBeGreaterThan(6);
    expect(last.held.bytes / 3 / big.nodes).toBeLessThan(16);
    expect(run({ ...big, nodes: DENSITY_THRESHOLD }, 40)[40].held).toMatchObject({ checkpoints: 2, spacing: 32 });
  });
});
