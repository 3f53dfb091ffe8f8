import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { Simulation } from './simulation';
import type { InterestRule, SimConfig } from './types';

const twoNodes = (interest: InterestRule, k: number): SimConfig => ({ ...DEFAULT_CONFIG, nodes: 2, protocol: 'rumor', interest, k });

/** Runs until the rumor dies and returns each round's traffic. */
function trafficUntilEnd(config: SimConfig): number[] {
  const sim = new Simulation(config);
  const traffic: number[] = [];
  while (!sim.rumorEnded) {
    traffic.push(sim.step().traffic);
    if (sim.round > 50) throw new Error('rumor never ended');
  }
  return traffic;
}

describe('rumor mongering interest rules on two nodes (every contact is with the other node)', () => {
  it('feedback-counter k=2: a necessary contact, then two unnecessary ones each', () => {
    // Round 1: 0 → 1 is necessary. From round 2 both push and both contacts are unnecessary;
    // after the second (round 3) both lose interest.
    expect(trafficUntilEnd(twoNodes('feedback-counter', 2))).toEqual([1, 2, 2]);
  });

  it('blind-counter k=3: each node pushes exactly three times', () => {
    // Node 0 pushes in rounds 1–3; node 1 learns in round 1 and pushes in rounds 2–4.
    expect(trafficUntilEnd(twoNodes('blind-counter', 3))).toEqual([1, 2, 2, 1]);
  });

  it('feedback-coin k=1: the first unnecessary contact always removes', () => {
    expect(trafficUntilEnd(twoNodes('feedback-coin', 1))).toEqual([1, 2]);
  });

  it('blind-coin k=1: every push removes the pusher', () => {
    expect(trafficUntilEnd(twoNodes('blind-coin', 1))).toEqual([1, 1]);
  });

  it('a node infected in round r starts spreading in round r + 1, not within round r', () => {
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 3, protocol: 'rumor', interest: 'blind-counter', k: 100, seed: 3 });
    expect(sim.step().traffic).toBe(1); // only the origin was infective before round 1
  });

  it('a lost message gives no feedback, so the counter does not move', () => {
    const sim = new Simulation({ ...twoNodes('feedback-counter', 1), loss: 1 });
    for (let r = 0; r < 10; r++) sim.step();
    expect(sim.rumor!.status[0]).toBe(1); // still infective: it never heard back
    expect(sim.rumorEnded).toBe(false);
  });
});

/**
 * Demers et al. 1987, Table 1 (feedback, counter, push) and Table 2 (blind, coin, push):
 * residue s and traffic m for n = 1000, k = 1…5.
 */
const demers: Record<'feedback-counter' | 'blind-coin', { s: number[]; m: number[] }> = {
  'feedback-counter': { s: [0.176, 0.037, 0.011, 0.0036, 0.0012], m: [1.74, 3.3, 4.53, 5.64, 6.68] },
  'blind-coin': { s: [0.96, 0.205, 0.06, 0.021, 0.008], m: [0.04, 1.59, 2.82, 3.91, 4.95] },
};

function rumorTrials(interest: InterestRule, k: number, trials: number) {
  const n = 1000;
  const residue: number[] = [], traffic: number[] = [];
  for (let t = 0; t < trials; t++) {
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: n, protocol: 'rumor', interest, k, seed: 1000 + t });
    let sent = 0;
    while (!sim.rumorEnded) sent += sim.step().traffic;
    let informed = 0;
    for (let i = 0; i < n; i++) if (sim.world.cur[i] !== 0) informed++;
    residue.push((n - informed) / n);
    traffic.push(sent / n);
  }
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  const se = (a: number[]) => Math.sqrt(a.reduce((x, y) => x + (y - mean(a)) ** 2, 0) / (a.length - 1) / a.length);
  return { s: mean(residue), sSe: se(residue), m: mean(traffic), mSe: se(traffic) };
}

describe("agreement with Demers et al.'s tables (n = 1000, 300 trials)", () => {
  for (const interest of ['feedback-counter', 'blind-coin'] as const) {
    it(`${interest}, k = 1…5: residue and traffic`, () => {
      for (let k = 1; k <= 5; k++) {
        const sim = rumorTrials(interest, k, 300);
        const paper = demers[interest];
        // The paper's figures are themselves means of a finite number of simulated runs, so
        // compare within 4 standard errors of ours plus 10 % of theirs (plus 0.001 of residue
        // for the smallest values, where a single node is 0.001).
        expect(Math.abs(sim.s - paper.s[k - 1]), `${interest} k=${k} residue ${sim.s}`).toBeLessThan(4 * sim.sSe + 0.1 * paper.s[k - 1] + 0.001);
        expect(Math.abs(sim.m - paper.m[k - 1]), `${interest} k=${k} traffic ${sim.m}`).toBeLessThan(4 * sim.mSe + 0.1 * paper.m[k - 1]);
      }
    });
  }

  it('residue ≈ e^(−traffic) for push rumor mongering, as the paper notes', () => {
    for (let k = 1; k <= 4; k++) {
      const { s, m } = rumorTrials('feedback-counter', k, 100);
      expect(Math.abs(Math.log(s) + m), `k=${k}: s=${s}, m=${m}`).toBeLessThan(0.35);
    }
  });
});

describe('the end of an epidemic', () => {
  it('is not over while a crashed infective node can recover with its state', () => {
    const schedule = [{ round: 6, action: { type: 'recover' as const, node: 0 } }];
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 50, protocol: 'rumor', interest: 'blind-counter', k: 100, seed: 2 }, { schedule });
    sim.apply({ type: 'crash', node: 0 }); // the origin crashes before it ever spreads
    expect(sim.rumorEnded).toBe(false); // it comes back at round 6, still infective
    while (sim.round < 6) sim.step();
    sim.step();
    expect(sim.step().traffic).toBeGreaterThan(0);
    const restarted = new Simulation({ ...DEFAULT_CONFIG, nodes: 50, protocol: 'rumor', recoverEmpty: true }, { schedule });
    restarted.apply({ type: 'crash', node: 0 });
    expect(restarted.rumorEnded).toBe(true); // it would come back empty: nothing left to spread
  });
});
