import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { Rng } from '../engine/prng';
import { Simulation } from '../engine/simulation';
import { DEFAULT_OPTIONS, type CliOptions } from './options';
import { DEMERS_TABLES, demersResidue, finalSizeResidue, type RumorTheory } from './rumor-theory';
import { runExperiment, type Summary } from './runner';
import type { Stats } from './stats';

const rumor = (o: Partial<CliOptions>): Summary => runExperiment({ ...DEFAULT_OPTIONS, protocol: 'rumor', ...o });
const se = (s: Stats): number => s.sd / Math.sqrt(s.count);

describe('rumor trials', () => {
  it('trial 0 is the engine\'s run with the same seed, stepped until no node is infective', () => {
    const s = rumor({ interest: 'feedback-coin', k: 2, seed: 4 });
    const sim = new Simulation({ ...DEFAULT_CONFIG, protocol: 'rumor', interest: 'feedback-coin', k: 2, seed: 4 });
    let traffic = 0, newly = 0, weighted = 0, last = 0;
    while (!sim.rumorEnded) {
      const m = sim.step();
      traffic += m.traffic;
      newly += m.newlyInformed[0];
      weighted += m.newlyInformed[0] * m.round;
      if (m.newlyInformed[0] > 0) last = m.round;
    }
    expect(s.rounds!.mean).toBe(sim.round);
    expect(s.traffic!.mean).toBeCloseTo(traffic / 1000, 12);
    expect(s.residue!.mean).toBeCloseTo((1000 - sim.world.informed[0]) / 1000, 12);
    expect(s.tAve!.mean).toBeCloseTo(weighted / newly, 12);
    expect(s.tLast!.mean).toBe(last);
    expect(s.stoppedAtMaxRounds).toBe(0);
  });

  it('anti-entropy backup finishes what the rumor leaves; without it a residue stays', () => {
    const alone = rumor({ interest: 'blind-coin', k: 2, trials: 20 });
    expect(alone.residue!.mean).toBeGreaterThan(0.1);
    expect(alone.converged).toBe(0);
    const backed = rumor({ interest: 'blind-coin', k: 2, trials: 20, antiEntropy: 10 });
    expect(backed.converged).toBe(1);
    expect(backed.residue!.max).toBe(0);
    expect(backed.stoppedAtMaxRounds).toBe(0);
  });

  it('ends when nothing can get through (loss 1), although the rumor never dies (no feedback comes back)', () => {
    const s = rumor({ loss: 1, maxRounds: 50, trials: 2 });
    expect(s.stoppedAtMaxRounds).toBe(0);
    // Round 1 sends and loses everything; after it the frontier is found empty.
    expect(s.rounds!.max).toBe(1);
    expect(s.residue!.min).toBeCloseTo(999 / 1000, 12);
  });

  it('waits for messages in flight: with a delay of 3 rounds the epidemic lasts longer', () => {
    const sync = rumor({ trials: 10 }), slow = rumor({ trials: 10, delay: { kind: 'fixed', rounds: 3 } });
    expect(slow.rounds!.mean).toBeGreaterThan(1.5 * sync.rounds!.mean);
    expect(slow.stoppedAtMaxRounds).toBe(0);
  });

  it('with churn, push ends when every live node is informed; residue counts live nodes', () => {
    const s = runExperiment({ ...DEFAULT_OPTIONS, protocol: 'push-pull', crashRate: 0.01, recoverRate: 0.1, trials: 10 });
    expect(s.converged).toBe(1);
    expect(s.residue!.max).toBe(0);
    expect(s.stoppedAtMaxRounds).toBe(0);
  });
});

describe('Demers et al. 1987: analysis', () => {
  it('final-size residues solve s = e^(−c(1−s))', () => {
    for (const c of [1.5, 2, 3, 6]) {
      const s = finalSizeResidue(c);
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
      expect(Math.abs(s - Math.exp(-c * (1 - s)))).toBeLessThan(1e-12);
    }
    expect(finalSizeResidue(1)).toBe(1);
    expect(finalSizeResidue(2)).toBeCloseTo(0.2032, 4);
    expect(demersResidue('feedback-coin', 1)).toBe(finalSizeResidue(2));
    expect(demersResidue('blind-counter', 3)).toBe(finalSizeResidue(3));
    expect(demersResidue('feedback-counter', 3)).toBeNull();
  });

  it('blind rules reach the analysis, and every push rule keeps residue ≈ e^(−traffic)', () => {
    for (const interest of ['blind-counter', 'blind-coin'] as const) {
      const s = rumor({ interest, k: 3, trials: 100 });
      expect(Math.abs(s.residue!.mean - demersResidue(interest, 3)!)).toBeLessThan(4 * se(s.residue!) + 0.002);
    }
    for (const interest of ['feedback-counter', 'feedback-coin', 'blind-counter', 'blind-coin'] as const) {
      const s = rumor({ interest, k: 3, trials: 60 });
      const t = s.theory as RumorTheory;
      expect(t.residueFromTraffic).toBeCloseTo(Math.exp(-s.traffic!.mean), 12);
      expect(Math.abs(Math.log(s.residue!.mean / t.residueFromTraffic!))).toBeLessThan(0.1);
    }
  });

  it('names the paper\'s row only in the paper\'s setting', () => {
    expect((rumor({ interest: 'blind-coin', k: 4 }).theory as RumorTheory).paper).toEqual({ s: 0.021, m: 3.9, tAve: 14.1, tLast: 32 });
    expect((rumor({ interest: 'blind-coin', k: 4, nodes: 999 }).theory as RumorTheory).paper).toBeNull();
    expect((rumor({ interest: 'blind-counter', k: 4 }).theory as RumorTheory).paper).toBeNull();
    expect((rumor({ interest: 'blind-coin', k: 4, antiEntropy: 5 }).theory as RumorTheory).paper).toBeNull();
  });
});

/**
 * An independent, deliberately naive implementation of Demers' push rumor with feedback and
 * counters (synchronous cycles: sites act on the state at the start of the cycle; a site that
 * learns in cycle t pushes from cycle t + 1; a contact is unnecessary when the recipient knew
 * the update at the start of the cycle). Returns t_ave over the sites reached, origin excluded.
 */
function naiveFeedbackCounter(n: number, k: number, seed: number): { s: number; m: number; tAve: number; tLast: number } {
  const rng = new Rng(seed);
  const learned = new Int32Array(n).fill(-1);
  const infective = new Uint8Array(n), counter = new Uint8Array(n);
  learned[0] = 0;
  infective[0] = 1;
  let t = 0, traffic = 0, reached = 1, sum = 0, last = 0;
  for (let live = 1; live > 0; ) {
    t++;
    for (let s = 0; s < n; s++) {
      if (!infective[s] || learned[s] >= t) continue;
      let d = rng.int(n - 1);
      if (d >= s) d++;
      traffic++;
      const knew = learned[d] >= 0 && learned[d] < t;
      if (learned[d] < 0) {
        learned[d] = t;
        reached++;
        sum += t;
        last = t;
      }
      if (!knew) counter[s] = 0;
      else if (++counter[s] >= k) infective[s] = 0;
    }
    live = 0;
    for (let s = 0; s < n; s++) if (learned[s] === t) infective[s] = 1;
    for (let s = 0; s < n; s++) live += infective[s];
  }
  return { s: (n - reached) / n, m: traffic / n, tAve: sum / (reached - 1), tLast: last };
}

describe('Demers et al. 1987, Table 1 (feedback, counter, n = 1000): the engine against the paper and a naive reference', () => {
  const trials = 150;
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / (xs.length - 1));
  const paper = DEMERS_TABLES['feedback-counter']![1];
  let ref: ReturnType<typeof naiveFeedbackCounter>[], s: Summary;
  beforeAll(() => {
    ref = Array.from({ length: trials }, (_, i) => naiveFeedbackCounter(1000, 2, 5000 + i));
    s = rumor({ interest: 'feedback-counter', k: 2, trials });
  });

  it('k = 2: residue, traffic and t_last agree with the paper within its rounding and 4 standard errors', () => {
    expect(Math.abs(s.residue!.mean - paper.s)).toBeLessThan(0.0005 + 4 * Math.SQRT2 * se(s.residue!));
    expect(Math.abs(s.traffic!.mean - paper.m)).toBeLessThan(0.05 + 4 * Math.SQRT2 * se(s.traffic!));
    expect(Math.abs(s.tLast!.mean - paper.tLast)).toBeLessThan(0.05 + 4 * Math.SQRT2 * se(s.tLast!));
  });

  it('k = 2: every measure, t_ave included, agrees with the naive reference; the paper\'s t_ave (12.1) is 2 cycles off', () => {
    const pairs: [Stats, number[]][] = [[s.residue!, ref.map((r) => r.s)], [s.traffic!, ref.map((r) => r.m)], [s.tAve!, ref.map((r) => r.tAve)], [s.tLast!, ref.map((r) => r.tLast)]];
    for (const [engine, naive] of pairs) {
      const tol = 4 * Math.sqrt(se(engine) ** 2 + (sd(naive) / Math.sqrt(naive.length)) ** 2);
      expect(Math.abs(engine.mean - mean(naive))).toBeLessThan(tol);
    }
    expect(paper.tAve - s.tAve!.mean).toBeGreaterThan(1.5);
  });
});

describe('rumor with crashes', () => {
  it('is not over while a crashed node that is still infective can come back with its state', () => {
    // The origin crashes before round 1, still infective; nobody else knows. Churn brings it back.
    const plan = {
      config: { ...DEFAULT_CONFIG, nodes: 50, protocol: 'rumor' as const, interest: 'blind-counter' as const, k: 3, recoverRate: 0.3 },
      actions: [{ round: 0, action: { type: 'crash' as const, node: 0 } }],
    };
    const s = runExperiment({ ...DEFAULT_OPTIONS, trials: 3 }, plan);
    expect(s.rounds!.min).toBeGreaterThan(0);
    expect(s.traffic!.min).toBeGreaterThan(0);
    // Restarting empty, it forgets the rumor: then the epidemic is over at once.
    const empty = runExperiment({ ...DEFAULT_OPTIONS, trials: 3 }, { ...plan, config: { ...plan.config, recoverEmpty: true } });
    expect(empty.rounds!.max).toBe(0);
  });
});

describe('push with crashes', () => {
  it('ends at once when nobody alive holds the update and no holder can come back; waits when one can', () => {
    const plan = (recoverRate: number) => ({
      config: { ...DEFAULT_CONFIG, nodes: 50, protocol: 'push' as const, recoverRate },
      actions: [{ round: 0, action: { type: 'crash' as const, node: 0 } }],
    });
    const lost = runExperiment({ ...DEFAULT_OPTIONS, trials: 2 }, plan(0));
    expect(lost.rounds!.max).toBe(0);
    expect(lost.converged).toBe(0);
    const back = runExperiment({ ...DEFAULT_OPTIONS, trials: 2 }, plan(0.3));
    expect(back.converged).toBe(1);
    expect(back.rounds!.min).toBeGreaterThan(0);
  });
});
