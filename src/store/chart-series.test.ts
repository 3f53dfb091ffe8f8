import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { meanFieldSeries } from '../engine/theory';
import type { RoundMetrics } from '../engine/types';
import { informedPoints, messagePoints, theoryCurve } from './chart-series';

const metrics = (round: number, over: Partial<RoundMetrics> = {}): RoundMetrics => ({
  round, live: 10, sent: 10, delivered: 8, droppedLoss: 1, droppedPartition: 1, droppedDead: 0, redundant: 3, traffic: 10,
  informed: [5], newlyInformed: [0], inFlight: 0, infective: [0], removed: [0], crashes: 0, recoveries: 0, busiestSent: null, busiestSentTotal: null, ...over,
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

  it('off the complete graph, draws the complete graph\'s curve as a labelled reference and says why the run is slower', () => {
    const complete = theoryCurve({ ...base, since: 2, round: 5 });
    expect(complete.reference).toBe(false);
    for (const topology of ['ring', 'grid', 'random'] as const) {
      const other = theoryCurve({ ...base, since: 2, round: 5, config: { ...base.config, topology } });
      expect(other.reference, topology).toBe(true);
      // The same curve the complete graph of that size gets: a comparison, not a prediction.
      expect(other.theory, topology).toEqual(complete.theory);
      const graph = topology === 'random' ? 'random graph' : topology;
      // Short under the chart; the whole explanation in its accessible summary.
      expect(other.note, topology).toBe(`Dashed: the complete graph, for comparison; a ${graph} spreads slower, as a node's peers are only its neighbours.`);
      expect(other.detail, topology).toMatch(new RegExp(`^Dashed: the complete graph of 100 nodes, for comparison\\. This ${graph} spreads slower: a node's peers are only its neighbours`));
    }
    expect(complete.detail).toBeNull();
    expect(theoryCurve({ ...base, config: { ...base.config, topology: 'random', degree: 6 } }).detail).toMatch(/about 6 each/);
    expect(theoryCurve({ ...base, config: { ...base.config, topology: 'ring', degree: 4 } }).detail).toMatch(/\(4 on the ring\)/);
    // What breaks the assumptions is still said, after the comparison.
    expect(theoryCurve({ ...base, partitioned: true, config: { ...base.config, topology: 'grid' } }).detail).toMatch(/for comparison\..*partition breaks that/);
  });

  it('has no curve for rumor mongering, nor before an update is written', () => {
    expect(theoryCurve({ ...base, config: { ...base.config, protocol: 'rumor', topology: 'random' } })).toEqual({ theory: null, reference: false, note: 'No mean-field curve for rumor.', detail: null });
    expect(theoryCurve({ ...base, latest: 0, config: { ...base.config, topology: 'ring' } })).toMatchObject({ theory: null, reference: true });
  });

  it('says why in the language asked for', () => {
    expect(theoryCurve({ ...base, latest: 0 }, 'zh').note).toBe('尚未写入更新：请按“写入更新”。');
  });

  it('follows a fanout changed mid-run', () => {
    const { theory } = theoryCurve({ ...base, fanout: 3 });
    expect(theory!.map((p) => p.fraction)).toEqual(meanFieldSeries({ protocol: 'push', nodes: 100, fanout: 3, loss: 0 }).slice(0, theory!.length));
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

describe('theory curve: primary-backup', () => {
  it('is the exact curve min(1, (1 + b·r)/n) from the write, with its own legend, whatever the graph', () => {
    const c = theoryCurve({ ...base, config: { ...DEFAULT_CONFIG, nodes: 50, fanout: 5, protocol: 'primary-backup', topology: 'ring' }, since: 2, round: 4, live: 50 });
    expect(c.reference).toBe(false);
    expect(c.label).toBe('Exact curve');
    expect(c.theory!.map((p) => p.round)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(c.theory!.map((p) => p.fraction)).toEqual([0.02, 0.12, 0.22, 0.32, 0.42, 0.52, 0.62, 0.72, 0.82, 0.92, 1]);
    expect(c.note).toBe('Exact curve (1 + b·r)/n: the primary informs b = 5 replicas a round.');
  });

  it('says what it assumes when the run breaks it (the primary crashed, loss)', () => {
    const c = theoryCurve({ ...base, config: { ...DEFAULT_CONFIG, nodes: 50, fanout: 5, protocol: 'primary-backup' }, live: 49 });
    expect(c.note).toMatch(/assumes no loss, no delay and a live primary\.$/);
  });
});
