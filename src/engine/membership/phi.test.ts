import { describe, expect, it } from 'vitest';
import { ArrivalStats, PHI_FACTOR, phiValue } from './phi';

describe('phi accrual (Cassandra FailureDetector)', () => {
  it('is t / (mean · ln 10)', () => {
    expect(PHI_FACTOR).toBeCloseTo(0.4342945, 6);
    expect(phiValue(3, 1.5)).toBeCloseTo(0.8685890, 6);
    expect(phiValue(0, 1.5)).toBe(0);
    // Threshold 8 with one arrival per round: convicted after 8·ln 10 ≈ 18.42 rounds of silence.
    expect(phiValue(18, 1)).toBeLessThan(8);
    expect(phiValue(19, 1)).toBeGreaterThan(8);
  });

  it('averages the intervals of a known arrival history, seeded with 2 and ignoring gaps over 2', () => {
    const s = new ArrivalStats(1);
    s.first(0); // arrival at round 0: window [2]
    s.arrival(0, 1); // round 1: [2, 1]
    s.arrival(0, 1); // round 2: [2, 1, 1]
    s.arrival(0, 2); // round 4: [2, 1, 1, 2]
    expect(s.mean[0]).toBeCloseTo(1.5, 6);
    s.arrival(0, 5); // round 9: a 5-round gap is longer than MAX_INTERVAL, not recorded
    expect(s.mean[0]).toBeCloseTo(1.5, 6);
    expect(s.count[0]).toBe(4);
    // Three rounds after the last arrival (round 12): phi = 3 / (1.5 · ln 10).
    expect(phiValue(12 - 9, s.mean[0])).toBeCloseTo(0.8685890, 5);
  });

  it('keeps a 1000-interval window: past it, new intervals weigh 1/1000', () => {
    const s = new ArrivalStats(1);
    s.first(0);
    for (let k = 0; k < 999; k++) s.arrival(0, 1);
    expect(s.count[0]).toBe(1000);
    expect(s.mean[0]).toBeCloseTo(1.001, 5); // (2 + 999) / 1000
    s.arrival(0, 2);
    expect(s.count[0]).toBe(1000);
    expect(s.mean[0]).toBeCloseTo(1.001 + (2 - 1.001) / 1000, 5);
  });
});
