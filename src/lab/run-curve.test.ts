import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { Simulation } from '../engine/simulation';
import type { SimConfig } from '../engine/types';
import { curvePoint, runCurve, runStats, type CurvePoint } from './run-curve';

const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 100, topology: 'random', degree: 6, fanout: 2, seed: 7 };

describe('a kept run\'s curve', () => {
  it('is the run the page showed: the same rounds, informed shares and messages as the engine stepped by hand', () => {
    const points = runCurve({ config, actions: [], round: 3 });
    // As the page's worker builds it for a small graph: recording messages, counting per node (the generic path).
    const sim = new Simulation(config, { schedule: [], recordMessages: true, trackNodeStats: true });
    const byHand: CurvePoint[] = [];
    for (let r = 1; r < points.length; r++) byHand.push(curvePoint(sim.step()));
    expect(points.slice(1)).toEqual(byHand);
    expect(points[0]).toMatchObject({ round: 0, fraction: 0.01, sent: 0 });
  });

  it('runs until everyone is informed, and its actions replay (a write at round 4 starts the spread there)', () => {
    const points = runCurve({ config: { ...config, origin: -1 }, actions: [{ round: 4, action: { type: 'write', node: 3, key: 0 } }], round: 0 });
    expect(points[points.length - 1].fraction).toBe(1);
    expect(points.slice(0, 4).every((p) => p.fraction === 0)).toBe(true);
    const stats = runStats(points, config.nodes);
    expect(stats.to50).toBeGreaterThan(4);
    expect(stats.to100).toBe(points.length - 1);
  });

  it('stops at the cap when the run cannot end (loss 100 %), its residue what is left', () => {
    const points = runCurve({ config: { ...config, loss: 1 }, actions: [], round: 0 }, 30);
    expect(points.length).toBeLessThanOrEqual(31);
    const stats = runStats(points, config.nodes);
    expect(stats.to50).toBeNull();
    expect(stats.to100).toBeNull();
    expect(stats.residue).toBeCloseTo(0.99, 10);
  });
});

describe('the compare table\'s figures', () => {
  it('read rounds to 50/99/100 %, messages per node, residue and the redundant share of the delivered', () => {
    const p = (round: number, fraction: number, sent: number, delivered: number, redundant: number): CurvePoint => ({ round, fraction, sent, delivered, redundant, dropped: sent - delivered });
    const stats = runStats([p(0, 0.1, 0, 0, 0), p(1, 0.5, 10, 8, 2), p(2, 0.995, 20, 20, 10), p(3, 1, 30, 22, 10)], 10);
    expect(stats).toEqual({ to50: 1, to99: 2, to100: 3, messagesPerNode: 6, residue: 0, redundantShare: 22 / 50 });
    expect(runStats([], 10)).toMatchObject({ to50: null, messagesPerNode: 0, residue: 1, redundantShare: 0 });
  });
});
