import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { RoundMetrics, SimConfig } from '../engine/types';
import { versionCodec } from '../engine/versions';
import type { WriteRecord } from '../worker/protocol';
import { conflictOf, healReport, lwwReason, rumorFigures } from './panels';
import type { HealOutcome } from './run-slice';

const rumor: SimConfig = { ...DEFAULT_CONFIG, nodes: 200, protocol: 'rumor' };
const metrics = (patch: Partial<RoundMetrics>): RoundMetrics => ({
  round: 13, live: 200, sent: 0, delivered: 0, droppedLoss: 0, droppedPartition: 0, droppedDead: 0, redundant: 0, traffic: 0,
  informed: [166], newlyInformed: [0], inFlight: 0, infective: [0], removed: [166], crashes: 0, recoveries: 0, busiestSent: null, busiestSentTotal: null, ...patch,
});
const codec = versionCodec(60);
const write = (node: number, counter: number, round: number, holders = 0): WriteRecord => ({
  key: 0, node, round, version: codec.pack(counter, node), holders, reached: holders, reachedByGroup: [holders],
});

describe('rumor figures', () => {
  it('reports the residue, traffic per node, t_ave and t_last of the shown key', () => {
    const spread = { key: 0, version: 5, since: 0, reached: 165, tAve: 6.5, tLast: 12, traffic: 352 };
    const f = rumorFigures(rumor, metrics({}), spread, 0, 13)!;
    expect(f).toMatchObject({ infective: 0, removed: 166, uninformed: 34, live: 200, endedAt: 13, tAve: 6.5, tLast: 12, hasUpdate: true });
    expect(f.residue).toBeCloseTo(0.17);
    expect(f.trafficPerNode).toBeCloseTo(1.76);
  });

  it('has nothing to say about push, pull and push-pull', () => {
    expect(rumorFigures({ ...rumor, protocol: 'push' }, metrics({}), undefined, 0, null)).toBeNull();
  });
});

describe('conflicts', () => {
  it('explains last-writer-wins: the counter first, then the writer id', () => {
    expect(lwwReason(codec, codec.pack(2, 3), codec.pack(1, 50))).toBe('higher counter (2 > 1)');
    expect(lwwReason(codec, codec.pack(1, 40), codec.pack(1, 3))).toBe('same counter (1), higher writer id (node 40 > node 3)');
  });

  it('lists the writes of a key newest first, with the winner and why', () => {
    const writes = [write(0, 1, 0, 0), write(58, 2, 9, 60), write(1, 2, 10, 0)];
    const c = conflictOf(writes, 0, 60, codec.pack(2, 58))!;
    expect(c.rows.map((r) => r.label)).toEqual(['v2 by node 58', 'v2 by node 1', 'v1 by node 0']);
    expect(c.rows.map((r) => r.winning)).toEqual([true, false, false]);
    expect(c.why).toBe('v2 by node 58 wins over v2 by node 1: same counter (2), higher writer id (node 58 > node 1).');
    expect(conflictOf([write(0, 1, 0)], 0, 60, codec.pack(1, 0))).toBeNull();
  });
});

describe('after the heal', () => {
  const heal = (patch: Partial<HealOutcome>): HealOutcome => ({
    round: 25, key: 0, version: codec.pack(1, 1), missing: 30, live: 60, missingNow: 30, repairedAt: null, ...patch,
  });
  const partitionRumor = { ...rumor, nodes: 60, antiEntropy: 10 };

  it('says when and how the other side was repaired', () => {
    const r = healReport(heal({ repairedAt: 33, missingNow: 0 }), partitionRumor, true, 60)!;
    expect(r.tone).toBe('done');
    expect(r.text).toBe('Healed after round 25: 30 of 60 live nodes lacked v1 by node 1. Repaired at round 33, 8 rounds after the heal (rumor mongering with anti-entropy backup).');
  });

  it('says that a dead rumor without anti-entropy will never repair it', () => {
    const r = healReport(heal({}), { ...partitionRumor, antiEntropy: 0 }, true, 60)!;
    expect(r.tone).toBe('never');
    expect(r.text).toMatch(/30 still do\. The rumor is over and there is no anti-entropy: they will never learn it\./);
  });

  it('waits for the next anti-entropy round, and has nothing to report before the heal\'s frame', () => {
    expect(healReport(heal({}), partitionRumor, true, 60)!.text).toMatch(/next anti-entropy round/);
    expect(healReport(heal({ missing: null }), partitionRumor, true, 60)).toBeNull();
    expect(healReport(heal({ missing: 0, missingNow: 0, repairedAt: 25 }), partitionRumor, true, 60)!.text).toMatch(/already held/);
  });
});
