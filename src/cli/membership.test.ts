import { describe, expect, it } from 'vitest';
import { crashVictim, detectionLatencies, falsePositiveRun, suspicionRounds, swimFirstProbeRoundRobin } from '../engine/membership';
import { trialSeed } from '../engine/prng';
import { parseCli } from './args';
import { formatJson, MEMBERSHIP_CSV_HEADER, membershipCsvRow } from './format';
import { runMembershipExperiment, type MembershipSummary } from './membership-runner';
import { membershipConfigOf, runMembershipTrial, type MembershipTrialResult } from './membership-trial';
import type { CliOptions } from './options';

function options(argv: string[]): CliOptions {
  const r = parseCli(argv);
  if (r.kind !== 'run') throw new Error(JSON.stringify(r));
  return r.options;
}
const experiment = (argv: string[], onTrial?: (i: number, r: MembershipTrialResult) => void): MembershipSummary => runMembershipExperiment(options(argv), onTrial);

describe('membership trials', () => {
  it('with --crash-at, trial i is the engine\'s detectionTrial with that warm-up and seed + i', () => {
    const s = experiment(['--protocol', 'swim', '--nodes', '60', '--crash-at', '3', '--trials', '12', '--seed', '40']);
    const engine = detectionLatencies({ protocol: 'swim', nodes: 60, seed: 40, loss: 0 }, 12, 3, 'all-know', 97);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(s.detection!.mean).toBeCloseTo(mean(engine.firstSuspect), 12);
    expect(s.firstDead!.mean).toBeCloseTo(mean(engine.firstDead), 12);
    expect(s.dissemination!.mean).toBeCloseTo(mean(engine.allKnow), 12);
    expect(s.converged).toBe(1);
    // Without loss nothing refutes: the death follows the suspicion by exactly the timeout.
    expect(s.firstDead!.mean - s.detection!.mean).toBeCloseTo(suspicionRounds(4, 60), 12);
  });

  it('crashes a node drawn from the trial\'s seed, never from Math.random', () => {
    const a = runMembershipTrial(membershipConfigOf(options(['--protocol', 'swim', '--nodes', '30']), 5), 2, 0, 60);
    const b = runMembershipTrial(membershipConfigOf(options(['--protocol', 'swim', '--nodes', '30']), 5), 2, 0, 60);
    expect(a).toEqual({ ...b, stepMs: a.stepMs, setupMs: a.setupMs });
    const victims = new Set(Array.from({ length: 20 }, (_, i) => crashVictim(trialSeed(1, i), 30)));
    expect(victims.size).toBeGreaterThan(5);
  });

  it('without a crash runs --max-rounds rounds and leaves the crash measures empty', () => {
    const s = experiment(['--protocol', 'heartbeat', '--nodes', '20', '--max-rounds', '30', '--trials', '2']);
    expect(s.rounds).toMatchObject({ min: 30, max: 30 });
    expect(s.converged).toBeNull();
    expect(s.detection).toBeNull();
    expect(s.falsePositives!.max).toBe(0);
    expect(JSON.parse(formatJson(s)).detection).toBeNull();
  });

  it('counts false positives and cost after the warm-up exactly as the engine\'s falsePositiveRun', () => {
    const s = experiment(['--protocol', 'swim', '--nodes', '40', '--loss', '0.2', '--seed', '500', '--warmup', '5', '--max-rounds', '205', '--trials', '2']);
    const engine = falsePositiveRun({ protocol: 'swim', nodes: 40, seed: 500, loss: 0.2 }, 5, 200, 2);
    expect(s.falsePositiveRate!.mean).toBeCloseTo(engine.falsePositivesPerKNodeRounds, 9);
    expect(s.suspicionRate!.mean).toBeCloseTo(engine.suspicionsPerKNodeRounds, 9);
    expect(s.messagesPerNodeRound!.mean).toBeCloseTo(engine.messagesPerNodeRound, 9);
    expect(s.bytesPerNodeRound!.mean).toBeCloseTo(engine.bytesPerNodeRound, 9);
    expect(s.suspicionRate!.mean).toBeGreaterThan(10); // 20 % loss: suspicions happen
  });
});

describe('membership against theory', () => {
  it('SWIM: mean rounds to the first detection ≈ the paper\'s round-robin analysis', () => {
    const s = experiment(['--protocol', 'swim', '--nodes', '100', '--crash-at', '2', '--trials', '150', '--seed', '9000']);
    const expected = swimFirstProbeRoundRobin(100);
    expect((s.theory as { firstProbe: number }).firstProbe).toBe(expected);
    expect(Math.abs(s.detection!.mean - expected)).toBeLessThan((4 * s.detection!.sd) / Math.sqrt(150));
  });

  it('heartbeat: without loss the first down mark comes exactly T_fail rounds after the crash', () => {
    const s = experiment(['--protocol', 'heartbeat', '--nodes', '30', '--t-fail', '6', '--crash-at', '3', '--trials', '8']);
    expect(s.detection).toMatchObject({ min: 6, max: 6 });
    expect(s.dissemination!.min).toBeGreaterThanOrEqual(6);
    expect(s.theory).toMatchObject({ protocol: 'heartbeat', firstDown: 6 });
  });
});

describe('membership CSV', () => {
  it('one row per trial, empty cells where a measure is undefined', () => {
    const rows: string[] = [];
    experiment(['--protocol', 'swim', '--nodes', '20', '--crash-at', '1', '--trials', '3', '--seed', '7'], (i, r) => rows.push(membershipCsvRow(i, trialSeed(7, i), r)));
    expect(MEMBERSHIP_CSV_HEADER.split(',')).toHaveLength(11);
    expect(rows).toHaveLength(3);
    for (const [i, row] of rows.entries()) expect(row).toMatch(new RegExp(`^${i},${7 + i},\\d+,\\d+,\\d+,\\d+,0,0,\\d+,[\\d.]+,[\\d.]+$`));
    const none = runMembershipTrial(membershipConfigOf(options(['--protocol', 'swim', '--nodes', '20']), 1), null, 0, 5);
    expect(membershipCsvRow(0, 1, none)).toMatch(/^0,1,5,,,,0,0,0,[\d.]+,[\d.]+$/);
  });
});
