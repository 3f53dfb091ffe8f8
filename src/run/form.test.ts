import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_BUDGET, costProblems } from '../engine/limits';
import { setLanguage } from '../i18n';
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
    const big = resolve({ nodes: '5000000' });
    expect(big.config.nodes).toBe(1_000_000);
    expect(big.notes.nodes?.text).toBe('Nodes can be at most 1,000,000: using 1,000,000.');
    expect(resolve({ nodes: '1000000' }).notes.nodes).toBeUndefined();
    expect(resolve({ nodes: '1' }).notes.nodes?.text).toBe('Nodes is at least 2: using 2.');
  });

  it('prices a density-view run (past 20,000 nodes) against the density budget, on every topology', () => {
    // 4 M links: degree 8 at 10^6 nodes; the drawn graph's 250,000 still holds at 20,000.
    expect(resolve({ nodes: '1000000', topology: 'random', degree: '8' }).config.degree).toBe(8);
    expect(resolve({ nodes: '1000000', topology: 'random', degree: '9' }).notes.degree?.text).toMatch(/^Degree can be at most 8 at 1,000,000 nodes on a random graph: the page holds at most 4,000,000 links/);
    expect(resolve({ nodes: '20000', topology: 'random', degree: '30' }).config.degree).toBe(25);
    for (const topology of ['complete', 'ring', 'grid', 'random'] as const) {
      const r = resolve({ nodes: '1000000', topology });
      expect(r.config).toMatchObject({ nodes: 1_000_000, topology });
      expect(Object.values(r.notes).filter((n) => n?.tone === 'adjusted')).toEqual([]);
    }
    // 2 M messages: fanout 2 at 10^6 nodes, and a long delay with a large fanout is capped in both.
    expect(resolve({ nodes: '1000000', topology: 'complete', fanout: '3' }).config.fanout).toBe(2);
    const both = resolve({ nodes: '44922', topology: 'complete', fanout: '4776', delayKind: 'fixed', delayRounds: '134' }).config;
    expect(both.nodes * both.fanout * (both.delay.kind === 'fixed' ? both.delay.rounds : 0)).toBeLessThanOrEqual(2_000_000);
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

describe('resolveForm: rumor mongering, network and churn', () => {
  it('reads the rumor settings, anti-entropy and churn as probabilities', () => {
    const r = resolve({ protocol: 'rumor', interest: 'blind-coin', k: '3', antiEntropy: '5', crashRate: '2.5', recoverRate: '10', recoverEmpty: true });
    expect(r.notes).toEqual({});
    expect(r.config).toMatchObject({ protocol: 'rumor', interest: 'blind-coin', k: 3, antiEntropy: 5, crashRate: 0.025, recoverRate: 0.1, recoverEmpty: true });
    expect(configProblems(r.config)).toEqual([]);
  });

  it('builds each kind of delay, and keeps min ≤ max', () => {
    expect(resolve({ delayKind: 'fixed', delayRounds: '3' }).config.delay).toEqual({ kind: 'fixed', rounds: 3 });
    expect(resolve({ delayKind: 'uniform', delayMin: '1', delayMax: '4' }).config.delay).toEqual({ kind: 'uniform', min: 1, max: 4 });
    expect(resolve({ delayKind: 'exp', delayMean: '2.5' }).config.delay).toEqual({ kind: 'exp', mean: 2.5 });
    const swapped = resolve({ delayKind: 'uniform', delayMin: '5', delayMax: '2' });
    expect(swapped.config.delay).toEqual({ kind: 'uniform', min: 5, max: 5 });
    expect(swapped.notes.delayMax?.text).toBe('Delay max must be at least Delay min (5): using 5.');
    expect(resolve({ delayKind: 'fixed', delayRounds: '0' }).notes.delayRounds?.text).toBe('Delay rounds is at least 1: using 1.');
  });

  it('clamps k, anti-entropy and the rates with a note, and explains crashes without recovery', () => {
    expect(resolve({ protocol: 'rumor', k: '0' }).notes.k?.text).toBe('k is at least 1: using 1.');
    expect(resolve({ antiEntropy: '-2' }).config.antiEntropy).toBe(0);
    expect(resolve({ crashRate: '150' }).notes.crashRate?.text).toBe('Crash rate goes from 0 to 100 %: using 100 %.');
    expect(resolve({ crashRate: '5' }).notes.recoverRate).toEqual({ tone: 'info', text: expect.stringMatching(/never come back/) });
    // k is hidden while the protocol is not rumor: no note for it.
    expect(resolve({ k: 'x' }).notes.k).toBeUndefined();
  });

  it('takes the origin, −1 for nobody, and clamps it to the node ids', () => {
    expect(resolve({ origin: '-1' }).config.origin).toBe(-1);
    expect(resolve({ origin: '-1' }).notes.origin?.tone).toBe('info');
    expect(resolve({ nodes: '10', origin: '20' }).config.origin).toBe(9);
  });

  it('round-trips every new setting through the form', () => {
    const c = { ...previous, protocol: 'rumor' as const, interest: 'feedback-coin' as const, k: 4, antiEntropy: 15, delay: { kind: 'uniform' as const, min: 1, max: 4 }, crashRate: 0.01, recoverRate: 0.2, recoverEmpty: true, origin: -1 };
    expect(resolveForm(formFromConfig(c), previous).config).toEqual(c);
  });
});

describe('resolveForm: what a run costs in the page', () => {
  const form = (patch: Partial<FormValues>): FormValues => ({ ...DEFAULT_FORM, ...patch });

  it('caps the degree of a graph with more links than the page holds, naming the limit', () => {
    const { config, notes } = resolveForm(form({ nodes: '10000', topology: 'random', degree: '9999' }), DEFAULT_CONFIG);
    expect(config.degree).toBe(50);
    expect(notes.degree).toEqual({
      tone: 'adjusted',
      text: 'Degree can be at most 50 at 10,000 nodes on a random graph: the page holds at most 250,000 links (this graph: 49,995,000): using 50.',
    });
    expect(resolveForm(form({ nodes: '10000', topology: 'random', degree: '50' }), DEFAULT_CONFIG).notes.degree).toBeUndefined();
    // The same degree on a small graph is what the user asked for.
    expect(resolveForm(form({ nodes: '100', topology: 'random', degree: '99' }), DEFAULT_CONFIG).config.degree).toBe(99);
  });

  it('caps the fanout by nodes and the delay window', () => {
    const { config, notes } = resolveForm(form({ nodes: '10000', topology: 'complete', fanout: '9999', delayKind: 'fixed', delayRounds: '5' }), DEFAULT_CONFIG);
    expect(config.fanout).toBe(20);
    expect(config.delay).toEqual({ kind: 'fixed', rounds: 5 });
    expect(notes.fanout?.text).toMatch(/^Fanout can be at most 20 at 10,000 nodes and a delay of up to 5 rounds: the page handles at most 1,000,000 messages per round .*: using 20\.$/);
    expect(resolveForm(form({ nodes: '10000', topology: 'complete', fanout: '100' }), DEFAULT_CONFIG).notes.fanout).toBeUndefined();
    expect(resolveForm(form({ nodes: '10000', topology: 'complete', fanout: '101' }), DEFAULT_CONFIG).config.fanout).toBe(100);
  });
});

describe('needsRebuild', () => {
  it('rebuilds for the new settings, but not for rumor settings of another protocol', () => {
    expect(needsRebuild(previous, { ...previous, antiEntropy: 5 })).toBe(true);
    expect(needsRebuild(previous, { ...previous, delay: { kind: 'exp', mean: 2 } })).toBe(true);
    expect(needsRebuild(previous, { ...previous, crashRate: 0.1 })).toBe(true);
    expect(needsRebuild(previous, { ...previous, k: 7 })).toBe(false);
    const rumor = { ...previous, protocol: 'rumor' as const };
    expect(needsRebuild(rumor, { ...rumor, k: 7 })).toBe(true);
  });

  it('ignores loss (it changes live) and the degree of graphs that have none', () => {
    expect(needsRebuild(previous, { ...previous, loss: 0.5 })).toBe(false);
    expect(needsRebuild(previous, { ...previous, seed: 2 })).toBe(true);
    const grid = { ...previous, topology: 'grid' as const };
    expect(needsRebuild(grid, { ...grid, degree: 3 })).toBe(false);
    expect(needsRebuild(previous, { ...previous, degree: 3 })).toBe(true);
  });
});

describe('resolveForm: notes in the page\'s language', () => {
  afterEach(() => setLanguage('en'));
  const form = (patch: Partial<FormValues>): FormValues => ({ ...DEFAULT_FORM, ...patch });
  const cases: Partial<FormValues>[] = [
    { nodes: '10000', topology: 'random', degree: '9999' },
    { nodes: '10000', topology: 'complete', fanout: '9999', delayKind: 'fixed', delayRounds: '5' },
    { nodes: '10000', topology: 'complete', fanout: '9999' },
  ];

  it('words a cost refusal in English exactly as the engine (and the command line) does', () => {
    for (const patch of cases) {
      const { notes } = resolveForm(form(patch), DEFAULT_CONFIG);
      const c = { nodes: 10000, topology: patch.topology!, degree: Number(patch.degree ?? 6), fanout: Number(patch.fanout ?? 1), delay: { kind: 'fixed' as const, rounds: Number(patch.delayRounds ?? 1) } };
      for (const p of costProblems(c, PAGE_BUDGET)) expect(notes[p.field === 'delay' ? 'delayRounds' : p.field]?.text).toBe(`${p.message}: using ${p.max.toLocaleString('en-US')}.`);
    }
  });

  it('words the notes in Chinese when the page is in Chinese', async () => {
    await setLanguage('zh');
    const { notes } = resolveForm(form({ nodes: '2000000', topology: 'random', degree: '9999', loss: 'x' }), DEFAULT_CONFIG);
    expect(notes.nodes?.text).toBe('节点数最多为 1,000,000：使用 1,000,000。');
    expect(notes.loss?.text).toMatch(/^丢包率必须是 0 到 100% 之间的数/);
    expect(notes.degree?.text).toMatch(/^在 1,000,000 个节点的随机图上，度数最多为 [\d,]+：页面最多容纳 [\d,]+ 条边/);
  });
});

describe('resolveForm: primary-backup', () => {
  it('turns anti-entropy off with a note (its replicas never talk to each other) and prices it as one sender', () => {
    const { config, notes } = resolveForm({ ...DEFAULT_FORM, protocol: 'primary-backup', nodes: '10000', fanout: '9999', antiEntropy: '5' }, DEFAULT_CONFIG);
    expect(config).toMatchObject({ protocol: 'primary-backup', antiEntropy: 0, fanout: 9999 });
    expect(notes.antiEntropy).toEqual({ tone: 'info', text: 'Primary-backup has no anti-entropy: its replicas never talk to each other. Using 0.' });
    expect(notes.fanout).toBeUndefined();
  });
});
