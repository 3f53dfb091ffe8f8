import type { InterestRule } from '../engine/types';

/**
 * Demers, Greene, Hauser, Irish, Larson, Shenker, Sturgis, Swinehart & Terry, "Epidemic
 * Algorithms for Replicated Database Maintenance", PODC 1987 (Xerox PARC CSL-89-1, 1989),
 * §1.4: Table 1 (push, feedback, counter) and Table 2 (push, blind, coin), n = 1000 sites,
 * as printed in CSL-89-1: residue s, traffic m (update messages per site), t_ave, t_last (cycles).
 */
export const DEMERS_TABLES: Partial<Record<InterestRule, readonly { k: number; s: number; m: number; tAve: number; tLast: number }[]>> = {
  'feedback-counter': [
    { k: 1, s: 0.18, m: 1.7, tAve: 11.0, tLast: 16.8 },
    { k: 2, s: 0.037, m: 3.3, tAve: 12.1, tLast: 16.9 },
    { k: 3, s: 0.011, m: 4.5, tAve: 12.5, tLast: 17.4 },
    { k: 4, s: 0.0036, m: 5.6, tAve: 12.7, tLast: 17.5 },
    { k: 5, s: 0.0012, m: 6.7, tAve: 12.8, tLast: 17.7 },
  ],
  'blind-coin': [
    { k: 1, s: 0.96, m: 0.04, tAve: 19, tLast: 38 },
    { k: 2, s: 0.20, m: 1.6, tAve: 17, tLast: 33 },
    { k: 3, s: 0.060, m: 2.8, tAve: 15, tLast: 32 },
    { k: 4, s: 0.021, m: 3.9, tAve: 14.1, tLast: 32 },
    { k: 5, s: 0.008, m: 4.9, tAve: 13.8, tLast: 32 },
  ],
};

/** The root in (0, 1) of s = e^(−c(1 − s)) (the final size of an epidemic with reproduction number c); 1 when c ≤ 1. */
export function finalSizeResidue(c: number): number {
  if (c <= 1) return 1;
  // Fixed-point iteration from below converges to the smaller root (s = 1 is the other).
  let s = 0;
  for (let i = 0; i < 10_000; i++) {
    const next = Math.exp(-c * (1 - s));
    if (Math.abs(next - s) < 1e-15) return next;
    s = next;
  }
  return s;
}

/**
 * The residue Demers et al.'s differential equations predict for large n, or null where the
 * paper gives no closed form (feedback-counter):
 * - feedback-coin: di/dt = s·i − (1/k)(1 − s)·i gives s = e^(−(k+1)(1−s)) (§1.4);
 * - blind-coin and blind-counter: each infective makes k pushes on average whatever their
 *   outcome, a reproduction number of k: s = e^(−k(1−s)) (the same final-size relation).
 */
export function demersResidue(interest: InterestRule, k: number): number | null {
  switch (interest) {
    case 'feedback-coin': return finalSizeResidue(k + 1);
    case 'blind-coin':
    case 'blind-counter': return finalSizeResidue(k);
    case 'feedback-counter': return null;
  }
}

export interface RumorTheory {
  graph: 'complete';
  /** Mean-field residue for large n (null: no closed form for this rule). */
  residue: number | null;
  /** e^(−m) at the simulated mean traffic m: the paper's s ≈ e^(−m) relation for push. */
  residueFromTraffic: number | null;
  /** The paper's row for this rule and k, when the run is the paper's setting (n = 1000, complete graph, fanout 1, no faults). */
  paper: { s: number; m: number; tAve: number; tLast: number } | null;
  source: string;
}

export function rumorTheory(interest: InterestRule, k: number, meanTraffic: number | null, paperSetting: boolean): RumorTheory {
  const row = paperSetting ? DEMERS_TABLES[interest]?.find((r) => r.k === k) : undefined;
  return {
    graph: 'complete',
    residue: demersResidue(interest, k),
    residueFromTraffic: meanTraffic === null ? null : Math.exp(-meanTraffic),
    paper: row ? { s: row.s, m: row.m, tAve: row.tAve, tLast: row.tLast } : null,
    source: 'Demers et al. 1987 (PODC; Xerox PARC CSL-89-1), §1.4 and Tables 1-2',
  };
}
