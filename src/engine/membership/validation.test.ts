import { beforeAll, describe, expect, it } from 'vitest';
import { detectionLatencies, falsePositiveRun, type FalsePositiveResult } from './experiments';
import { MembershipSimulation } from './membership-sim';
import { suspicionRounds } from './swim-state';
import { meanAndCi, swimFirstProbeRandom, swimFirstProbeRoundRobin, swimSuspicionProbability } from './theory';
import type { SwimParams } from './types';

/**
 * Statistical checks against theory. Seeds are fixed, so each check is deterministic; the
 * tolerances say how far an honest simulation may stray by sampling error alone (4 standard
 * errors: a correct engine fails such a check with probability about 6·10⁻⁵ per seed set).
 */
describe('SWIM detection time against the paper (no loss)', () => {
  const n = 100;
  const trials = 250;
  it.each([
    ['random', swimFirstProbeRandom(n)],
    ['round-robin', swimFirstProbeRoundRobin(n)],
  ] as const)('%s probe targets: mean rounds to the first suspicion ≈ %f', (probeSelection, expected) => {
    const lat = detectionLatencies({ protocol: 'swim', nodes: n, seed: 9000, loss: 0, swim: { probeSelection } }, trials, 2, 'first-suspect', 50);
    const { mean, sd } = meanAndCi(lat.firstSuspect);
    expect(lat.firstSuspect.every((x) => x >= 1)).toBe(true);
    expect(Math.abs(mean - expected)).toBeLessThan((4 * sd) / Math.sqrt(trials));
  });

  it('the first death follows the first suspicion by exactly the suspicion timeout', () => {
    const lat = detectionLatencies({ protocol: 'swim', nodes: 40, seed: 77, loss: 0 }, 20, 2, 'all-know', 60);
    const timeout = suspicionRounds(4, 40);
    lat.firstSuspect.forEach((s, i) => expect(lat.firstDead[i] - s).toBe(timeout));
    for (const k of lat.allKnow) expect(k).toBeGreaterThan(0);
  });
});

describe('SWIM false positives under loss', () => {
  const run = (suspicionMult: number) => falsePositiveRun({ protocol: 'swim', nodes: 40, seed: 500, loss: 0.2, swim: { suspicionMult } }, 5, 400, 2);
  let short: FalsePositiveResult, long: FalsePositiveResult;
  beforeAll(() => {
    short = run(1);
    long = run(6);
  });

  it('fall as SuspicionMult rises (20 % loss)', () => {
    // About 120 false positives against 50 in 32,000 node-rounds: a ratio of 0.7 is > 3 standard errors away.
    expect(short.falsePositivesPerKNodeRounds).toBeGreaterThan(2);
    expect(long.falsePositivesPerKNodeRounds).toBeLessThan(0.7 * short.falsePositivesPerKNodeRounds);
  });

  it('start from suspicions at the rate the loss predicts: (1 − (1 − p)²)(1 − (1 − p)⁴)^3 per probe', () => {
    const p = swimSuspicionProbability(0.2, 3);
    const probes = 40 * 400 * 2;
    const se = Math.sqrt((p * (1 - p)) / probes);
    for (const r of [short, long]) expect(Math.abs(r.suspicionsPerKNodeRounds / 1000 - p)).toBeLessThan(4 * se);
  });

  it('none at all without loss', () => {
    const r = falsePositiveRun({ protocol: 'swim', nodes: 40, seed: 3, loss: 0 }, 0, 100, 1);
    expect(r.falsePositivesPerKNodeRounds).toBe(0);
    expect(r.suspicionsPerKNodeRounds).toBe(0);
  });
});

describe('SWIM split brain', () => {
  const splitThenHeal = (swim: Partial<SwimParams>): number => {
    const sim = new MembershipSimulation({ protocol: 'swim', nodes: 20, seed: 3, loss: 0, swim: { gossipToTheDeadTime: 5, ...swim } });
    sim.apply({ type: 'partition', groups: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]] });
    let m = sim.step();
    for (let r = 0; r < 60; r++) m = sim.step();
    expect(m.wronglyDead).toBe(200); // each half has declared the other dead and pruned it
    sim.apply({ type: 'heal' });
    for (let r = 0; r < 100; r++) m = sim.step();
    return m.wronglyDead;
  };

  it('stays split after the network heals when nothing reaches out to failed members (push/pull only picks live ones)', () => {
    expect(splitThenHeal({})).toBe(200);
  });

  it("merges with Serf's reconnect", () => {
    expect(splitThenHeal({ reconnectInterval: 10 })).toBe(0);
    expect(splitThenHeal({ reconnectInterval: 10, pushPullInterval: 0 })).toBe(0);
  });
});
