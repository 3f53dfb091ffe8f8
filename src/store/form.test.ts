import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configProblems } from '../engine/config';
import { DEFAULT_FORM, formFromConfig, needsRebuild, resolveForm, type FormValues } from './form';

const previous = resolveForm(DEFAULT_FORM, { ...DEFAULT_CONFIG, nodes: 100, topology: 'random', degree: 6 }).config;
const resolve = (patch: Partial<FormValues>) => resolveForm({ ...DEFAULT_FORM, ...patch }, previous);

describe('resolveForm', () => {
  it('turns the default form into a valid configuration without notes', () => {
    const r = resolve({});
    expect(r.notes).toEqual({});
    expect(configProblems(r.config)).toEqual([]);
    expect(r.config).toMatchObject({ nodes: 100, fanout: 1, loss: 0, seed: 1, protocol: 'push', topology: 'random' });
  });

  it('clamps fanout above nodes − 1 and says why', () => {
    const r = resolve({ nodes: '5', fanout: '12' });
    expect(r.config.fanout).toBe(4);
    expect(r.notes.fanout?.text).toMatch(/using 4/);
    expect(r.notes.fanout?.text).toMatch(/nodes − 1/);
  });

  it('accepts 2 nodes, the smallest cluster', () => {
    const r = resolve({ nodes: '2', fanout: '1', degree: '6' });
    expect(r.config.nodes).toBe(2);
    expect(r.config.degree).toBe(1);
    expect(configProblems(r.config)).toEqual([]);
  });

  it('clamps nodes to the page range', () => {
    expect(resolve({ nodes: '1' }).config.nodes).toBe(2);
    const big = resolve({ nodes: '50000' });
    expect(big.config.nodes).toBe(10_000);
    expect(big.notes.nodes?.text).toBe('Nodes can be at most 10,000: using 10,000.');
    expect(resolve({ nodes: '1' }).notes.nodes?.text).toBe('Nodes is at least 2: using 2.');
  });

  it('keeps the previous value when a field is not a number', () => {
    const r = resolve({ nodes: 'lots', seed: '' });
    expect(r.config.nodes).toBe(100);
    expect(r.config.seed).toBe(1);
    expect(r.notes.nodes?.tone).toBe('adjusted');
    expect(r.notes.seed?.text).toMatch(/whole number/);
  });

  it('treats 100 % loss as valid but explains it', () => {
    const r = resolve({ loss: '100' });
    expect(r.config.loss).toBe(1);
    expect(r.notes.loss).toEqual({ tone: 'info', text: expect.stringMatching(/nothing can spread/) });
    expect(resolve({ loss: '150' }).config.loss).toBe(1);
    expect(resolve({ loss: '-3' }).notes.loss?.tone).toBe('adjusted');
    expect(resolve({ loss: '12.5' }).config.loss).toBeCloseTo(0.125);
  });

  it('rounds fractional counts and checks degree only where it matters', () => {
    expect(resolve({ nodes: '10.4' }).config.nodes).toBe(10);
    expect(resolve({ topology: 'grid', degree: 'x' }).notes.degree).toBeUndefined();
    expect(resolve({ topology: 'ring', degree: 'x' }).notes.degree).toBeDefined();
  });

  it('round-trips a configuration through the form', () => {
    const c = { ...previous, nodes: 60, protocol: 'push-pull' as const, degree: 4, loss: 0.05, seed: 4 };
    expect(resolveForm(formFromConfig(c), previous).config).toEqual(c);
  });
});

describe('needsRebuild', () => {
  it('ignores loss (it changes live) and the degree of graphs that have none', () => {
    expect(needsRebuild(previous, { ...previous, loss: 0.5 })).toBe(false);
    expect(needsRebuild(previous, { ...previous, seed: 2 })).toBe(true);
    const grid = { ...previous, topology: 'grid' as const };
    expect(needsRebuild(grid, { ...grid, degree: 3 })).toBe(false);
    expect(needsRebuild(previous, { ...previous, degree: 3 })).toBe(true);
  });
});
