import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { Simulation } from '../engine/simulation';
import { meanFieldRounds } from '../engine/theory';
import { DEFAULT_OPTIONS, type CliOptions } from './args';
import { formatCsv, formatJson } from './format';
import { runExperiment, type SpreadTheory, type Summary } from './runner';

const experiment = (o: Partial<CliOptions>): Summary => runExperiment({ ...DEFAULT_OPTIONS, ...o });
const withoutTiming = ({ timing: _t, ...rest }: Summary) => rest;

describe('runExperiment', () => {
  it('trial 0 is exactly the page\'s run with the same seed', () => {
    const s = experiment({ nodes: 2000, protocol: 'pull', seed: 5, series: true });
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 2000, protocol: 'pull', seed: 5 });
    const series = [sim.world.informed[0] / 2000];
    let sent = 0;
    while (sim.world.informed[0] < 2000) {
      sent += sim.step().sent;
      series.push(sim.world.informed[0] / 2000);
    }
    expect(s.rounds!.mean).toBe(sim.round);
    expect(s.messages!.mean).toBe(sent / 2000);
    expect(s.series).toEqual(series);
    expect(s.config).toMatchObject({ seed: 5, origin: 0, keys: 1, trials: 1 });
  });

  it('summarises many trials of push on the complete graph consistently', () => {
    const s = experiment({ nodes: 1000, trials: 60, series: true });
    expect(s.trials).toBe(60);
    expect(s.converged).toBe(1);
    expect(s.residue).toMatchObject({ mean: 0, max: 0 });
    // Pittel's log2 n + ln n ≈ 16.9, mean field 18: the mean lies near both.
    expect(s.rounds!.mean).toBeGreaterThan(16);
    expect(s.rounds!.mean).toBeLessThan(20.5);
    expect(s.rounds!.min).toBeLessThanOrEqual(s.rounds!.p50);
    expect(s.rounds!.p95).toBeLessThanOrEqual(s.rounds!.max);
    // Push: only informed nodes send, and every message carries the update.
    expect(s.traffic!.mean).toBeCloseTo(s.messages!.mean, 12);
    expect(s.tAve!.mean).toBeLessThan(s.tLast!.mean);
    expect(s.tLast!.mean).toBeCloseTo(s.rounds!.mean, 12);
    expect(s.series![0]).toBeCloseTo(0.001, 12);
    expect(s.series![s.series!.length - 1]).toBe(1);
    expect(s.series!.length).toBe(s.rounds!.max + 1);
    for (let r = 1; r < s.series!.length; r++) expect(s.series![r]).toBeGreaterThanOrEqual(s.series![r - 1]);
    expect((s.theory as SpreadTheory).meanFieldRounds).toBe(meanFieldRounds({ protocol: 'push', nodes: 1000 }));
    expect(s.topology).toBeUndefined();
    expect(s.timing.roundsSimulated).toBe(60 * s.rounds!.mean);
    expect(s.timing.msPerRound).toBeGreaterThan(0);
  });

  it('is deterministic, and another seed gives other trials', () => {
    const o = { nodes: 500, protocol: 'push-pull' as const, trials: 10, loss: 0.1, series: true };
    expect(withoutTiming(experiment(o))).toEqual(withoutTiming(experiment(o)));
    expect(experiment({ ...o, seed: 2 }).series).not.toEqual(experiment(o).series);
  });

  it('stops at once when every message is lost', () => {
    const s = experiment({ nodes: 100, loss: 1, trials: 3, series: true });
    expect(s.converged).toBe(0);
    expect(s.rounds).toMatchObject({ mean: 0, max: 0 });
    expect(s.residue!.mean).toBeCloseTo(0.99, 12);
    expect(s.tAve).toBeNull();
    expect(s.tLast!.max).toBe(0);
    expect(s.series).toEqual([0.01]);
    expect((s.theory as SpreadTheory).meanFieldRounds).toBeNull();
    expect(JSON.parse(formatJson(s)).tAve).toBeNull();
  });

  it('stops at --max-rounds and does not count the trial as converged', () => {
    const s = experiment({ nodes: 100_000, trials: 2, maxRounds: 3 });
    expect(s.rounds!.max).toBe(3);
    expect(s.converged).toBe(0);
    expect(s.residue!.mean).toBeCloseTo(1 - 8 / 100_000, 9);
  });

  it('counts only the origin\'s component on a disconnected random graph', () => {
    const s = experiment({ nodes: 2000, topology: 'random', degree: 1, trials: 5, loss: 0.1 });
    expect(s.converged).toBe(1);
    expect(s.topology!.components).toBeGreaterThan(1);
    // Converged means everyone reachable: the residue is exactly the unreachable share.
    expect(s.residue!.mean).toBeCloseTo(1 - s.topology!.reachable / 2000, 12);
    expect(s.topology!.reachable).toBeLessThanOrEqual(s.topology!.largestComponent);
  });

  it('runs pull where every node sends every round, and ring/grid graphs', () => {
    const pull = experiment({ nodes: 1000, protocol: 'pull', trials: 5 });
    // Every node asks once per round; replies carry the update.
    expect(pull.messages!.mean).toBeGreaterThan(pull.rounds!.mean);
    expect(pull.traffic!.mean).toBeLessThan(pull.messages!.mean);
    const ring = experiment({ nodes: 200, topology: 'ring', degree: 2, trials: 2 });
    expect(ring.converged).toBe(1);
    expect(ring.rounds!.mean).toBeGreaterThanOrEqual(99); // the update walks half the ring each way
    expect(ring.topology).toMatchObject({ edges: 200, components: 1, reachable: 200 });
    expect(experiment({ nodes: 100, topology: 'grid', protocol: 'push-pull' }).converged).toBe(1);
  });
});

describe('output formats', () => {
  it('JSON: one object, numbers to 9 significant digits', () => {
    const s = experiment({ nodes: 300, trials: 7, series: true });
    const text = formatJson(s);
    expect(text.endsWith('}\n')).toBe(true);
    const parsed = JSON.parse(text);
    expect(parsed.series[0]).toBe(Number((1 / 300).toPrecision(9)));
    expect(parsed.rounds.mean).toBeCloseTo(s.rounds!.mean, 6);
    expect(Object.keys(parsed)).toEqual(['config', 'trials', 'converged', 'stoppedAtMaxRounds', 'rounds', 'residue', 'traffic', 'messages', 'tAve', 'tLast', 'theory', 'series', 'timing']);
  });

  it('CSV: a header and one row per round, with the mean-field column on the complete graph only', () => {
    const s = experiment({ nodes: 1000, trials: 4, format: 'csv' });
    const lines = formatCsv(s).trimEnd().split('\n');
    expect(lines[0]).toBe('round,informed_mean,mean_field');
    expect(lines).toHaveLength(s.series!.length + 1);
    expect(lines[1]).toBe('0,0.001,0.001');
    const last = lines[lines.length - 1].split(',').map(Number);
    expect(last[0]).toBe(s.series!.length - 1);
    expect(last[1]).toBe(1);
    const ring = formatCsv(experiment({ nodes: 50, topology: 'ring', format: 'csv' })).split('\n');
    expect(ring[0]).toBe('round,informed_mean');
    expect(ring[1]).toBe('0,0.02');
  });
});
