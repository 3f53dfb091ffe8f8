import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { planSweep, rangeValues, type SweepRequest } from './sweep-plan';

const base = { ...DEFAULT_CONFIG, nodes: 1000, origin: 5, keys: 3 };
const req = (over: Partial<SweepRequest>): SweepRequest => ({ param: 'fanout', from: 1, to: 4, steps: 4, trials: 50, ...over });

describe('planSweep', () => {
  it('plans fanout 1–4 over the base with the CLI origin and key count', () => {
    const r = planSweep(req({}), base);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.points.map((p) => p.config.fanout)).toEqual([1, 2, 3, 4]);
    expect(r.plan.points.every((p) => p.config.origin === 0 && p.config.keys === 1 && p.config.nodes === 1000)).toBe(true);
    expect(r.plan.nodeRounds).toBeGreaterThan(4 * 50 * 1000 * 5);
  });

  it('spaces nodes evenly on a log scale and drops repeats of whole numbers', () => {
    expect(rangeValues('nodes', 100, 1_000_000, 5)).toEqual([100, 1000, 10_000, 100_000, 1_000_000]);
    expect(rangeValues('fanout', 1, 2, 5)).toEqual([1, 2]);
    expect(rangeValues('loss', 0, 50, 3)).toEqual([0, 25, 50]);
  });

  it('turns percent into the probability the CLI takes', () => {
    const r = planSweep(req({ param: 'loss', from: 0, to: 30, steps: 4 }), base);
    expect(r.ok && r.plan.points.map((p) => p.config.loss)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it.each([
    [req({ from: 4, to: 1 }), /reversed/],
    [req({ from: 2, to: 2 }), /empty/],
    [req({ trials: 0 }), /Trials per point must be a whole number from 1 to 1,000/],
    [req({ trials: 1001 }), /Trials/],
    [req({ steps: 51 }), /Steps must be/],
    [req({ from: 0 }), /within 1 to 100/],
    [req({ param: 'k', from: 1, to: 3, steps: 3 }), /Rumor k applies to rumor mongering only/],
    [req({ param: 'protocol', protocols: [] }), /at least one protocol/],
    [req({ param: 'nodes', from: 2, to: 100, steps: 3, trials: 1 }), /within 10/],
  ])('refuses %o with a message', (request, message) => {
    const r = planSweep(request, base);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('refuses a point the engine would refuse, naming the value', () => {
    const r = planSweep(req({ param: 'nodes', from: 10, to: 100, steps: 2, trials: 1 }), { ...base, fanout: 20 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Nodes 10: fanout/);
  });

  it('asks before a sweep past 10^9 node-rounds and runs it once confirmed', () => {
    const big = req({ param: 'nodes', from: 100_000, to: 1_000_000, steps: 5, trials: 1000 });
    const r = planSweep(big, base);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.needsConfirm).toBe(true);
      expect(r.message).toMatch(/node-rounds \(more than 10\^9\)/);
    }
    expect(planSweep({ ...big, confirmed: true }, base).ok).toBe(true);
  });

  it('sweeps protocols as categories', () => {
    const r = planSweep(req({ param: 'protocol', protocols: ['push', 'rumor'] }), base);
    expect(r.ok && r.plan.points.map((p) => [p.label, p.config.protocol])).toEqual([['push', 'push'], ['rumor', 'rumor']]);
  });
});
