import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { meanFieldSeries } from '../engine/theory';
import type { RoundMetrics } from '../engine/types';
import { informedPoints, messagePoints, theoryCurve } from './chart-series';

const metrics = (round: number, over: Partial<RoundMetrics> = {}): RoundMetrics => ({
  round, live: 10, sent: 10, delivered: 8, droppedLoss: 1, droppedPartition: 1, droppedDead: 0, redundant: 3, traffic: 10,
  informed: [5], newlyInformed: [0], inFlight: 0, infective: [0], removed: [0], crashes: 0, recoveries: 0, ...over,
});

const base = { config: { ...DEFAULT_CONFIG, nodes: 100 }, latest: 1, since: 0, loss: 0, round: 3, live: 100, partitioned: false };

describe('chart series', () => {
  it('reads informed fractions of live nodes and sums every kind of drop', () => {
    expect(informedPoints([metrics(0), metrics(1, { live: 0 })], 0)).toEqual([{ round: 0, fraction: 0.5 }, { round: 1, fraction: 0 }]);
    expect(messagePoints([metrics(2)])).toEqual([{ round: 2, delivered: 8, redundant: 3, dropped: 2 }]);
  });

  it('draws the mean-field curve from the round the newest version was written', () => {
    const { theory, note } = theoryCurve({ ...base, since: 4, round: 6 });
    const expected = meanFieldSeries({ protocol: 'push', nodes: 100, fanout: 1, loss: 0 });
    expect(note).toBeNull();
    expect(theory![0]).toEqual({ round: 4, fraction: expected[0] });
    expect(theory!.length).toBe(expected.length);
  });

  it('explains why there is no curve off the complete graph', () => {
    const ring = theoryCurve({ ...base, config: { ...base.config, topology: 'ring' } });
    expect(ring.theory).toBeNull();
    expect(ring.note).toMatch(/assumes a complete graph; on a ring.*diameter/);
    expect(theoryCurve({ ...base, config: { ...base.config, topology: 'random' } }).note).toMatch(/expansion/);
  });

  it('keeps the curve but warns when crashes or a partition break its assumptions', () => {
    expect(theoryCurve({ ...base, live: 90 }).note).toMatch(/alive/);
    expect(theoryCurve({ ...base, partitioned: true }).note).toMatch(/partition/);
    expect(theoryCurve({ ...base, latest: 0 }).theory).toBeNull();
  });

  it('stays finite at 100 % loss', () => {
    const { theory } = theoryCurve({ ...base, loss: 1, round: 50 });
    expect(theory).toHaveLength(51);
    for (const p of theory!) expect(p.fraction).toBeCloseTo(0.01, 12);
  });
});
