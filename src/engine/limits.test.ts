import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { CLI_BUDGET, DENSITY_THRESHOLD, PAGE_BUDGET, PAGE_DENSITY_BUDGET, PAGE_MAX_NODES, costProblems, delayWindow, expectedEdges, pageBudget, runCost } from './limits';
import type { SimConfig } from './types';

const config = (patch: Partial<SimConfig>): SimConfig => ({ ...DEFAULT_CONFIG, ...patch });

describe('the cost model', () => {
  it('prices links by topology and messages as nodes × fanout × delay window', () => {
    expect(expectedEdges(config({ nodes: 10_000, topology: 'random', degree: 9_999 }))).toBe(49_995_000);
    expect(expectedEdges(config({ nodes: 10_000, topology: 'ring', degree: 7 }))).toBe(30_000);
    expect(expectedEdges(config({ nodes: 10_000, topology: 'complete' }))).toBe(0);
    expect(delayWindow({ kind: 'uniform', min: 2, max: 9 })).toBe(9);
    expect(delayWindow({ kind: 'exp', mean: 2.5 })).toBe(3);
    expect(runCost(config({ nodes: 10_000, fanout: 9_999, delay: { kind: 'fixed', rounds: 5 } })).messages).toBe(499_950_000);
  });

  it('refuses the issue\'s 50 M-edge graph in the page, naming the degree that fits', () => {
    const [p, ...rest] = costProblems(config({ nodes: 10_000, topology: 'random', degree: 9_999 }), PAGE_BUDGET);
    expect(rest).toEqual([]);
    expect(p).toEqual({
      field: 'degree', max: 50,
      message: 'Degree can be at most 50 at 10,000 nodes on a random graph: the page holds at most 250,000 links (this graph: 49,995,000)',
    });
    // The largest degree it names fits, and one more does not.
    expect(costProblems(config({ nodes: 10_000, topology: 'random', degree: 50 }), PAGE_BUDGET)).toEqual([]);
    expect(costProblems(config({ nodes: 10_000, topology: 'random', degree: 51 }), PAGE_BUDGET)).toHaveLength(1);
    expect(costProblems(config({ nodes: 10_000, topology: 'random', degree: 9_999 }), CLI_BUDGET)).toEqual([]);
  });

  it('names a ring degree that fits (a ring links floor(degree / 2) each side)', () => {
    const [p] = costProblems(config({ nodes: 10_000, topology: 'ring', degree: 1_000 }), PAGE_BUDGET);
    expect(p.max).toBe(51);
    expect(costProblems(config({ nodes: 10_000, topology: 'ring', degree: 51 }), PAGE_BUDGET)).toEqual([]);
    expect(costProblems(config({ nodes: 10_000, topology: 'ring', degree: 52 }), PAGE_BUDGET)).toHaveLength(1);
  });

  it('caps fanout by the delay window, then the delay when fanout 1 is already too much', () => {
    const [f] = costProblems(config({ nodes: 10_000, fanout: 9_999, delay: { kind: 'fixed', rounds: 5 } }), PAGE_BUDGET);
    expect(f.field).toBe('fanout');
    expect(f.max).toBe(20);
    expect(f.message).toMatch(/^Fanout can be at most 20 at 10,000 nodes and a delay of up to 5 rounds: the page handles at most 1,000,000 messages per round/);
    const [d] = costProblems(config({ nodes: 10_000_000, fanout: 1, delay: { kind: 'fixed', rounds: 1_000 } }), CLI_BUDGET);
    expect(d).toMatchObject({ field: 'delay', max: 10 });
  });
});

describe('pageBudget', () => {
  it('is the drawn graph\'s budget up to the density threshold, the density view\'s past it', () => {
    expect(pageBudget(DENSITY_THRESHOLD)).toBe(PAGE_BUDGET);
    expect(pageBudget(DENSITY_THRESHOLD + 1)).toBe(PAGE_DENSITY_BUDGET);
    expect(costProblems(config({ nodes: PAGE_MAX_NODES, topology: 'random', degree: 8 }), pageBudget(PAGE_MAX_NODES))).toEqual([]);
    expect(costProblems(config({ nodes: PAGE_MAX_NODES, topology: 'random', degree: 9 }), pageBudget(PAGE_MAX_NODES))[0]).toMatchObject({ field: 'degree', max: 8 });
    expect(costProblems(config({ nodes: PAGE_MAX_NODES, topology: 'grid' }), pageBudget(PAGE_MAX_NODES))).toEqual([]);
    expect(costProblems(config({ nodes: PAGE_MAX_NODES, fanout: 3 }), pageBudget(PAGE_MAX_NODES))[0]).toMatchObject({ field: 'fanout', max: 2 });
  });
});
