import { DEFAULT_CONFIG } from '../../src/engine/config';
import { Simulation } from '../../src/engine/simulation';
import { BitsetReference, type ReferenceProtocol } from './bitset-gossip';

/** The engine against the minimal reference on one protocol, fanout 1, complete graph. */
export interface RatioRow {
  protocol: ReferenceProtocol;
  /** Rounds of the full runs (seed 1 for both; they differ: the two draw differently). */
  engineRounds: number;
  referenceRounds: number;
  /** Mean ms per round of each repetition's full run, in the order run. */
  engineMs: number[];
  referenceMs: number[];
  /** Fastest repetition of each, divided: on a shared machine noise only ever adds time. */
  ratioMin: number;
  /** Median repetition of each, divided. */
  ratioMedian: number;
}

export const REFERENCE_PROTOCOLS: ReferenceProtocol[] = ['push', 'pull', 'push-pull'];

interface Steppable { step(): void; informed(): number }

/**
 * Mean ms per round of a full run from one informed node until all n know; only step() is
 * timed, in CPU time of this process (process.cpuUsage) rather than wall time: on a shared
 * machine with more runnable processes than cores, wall time mostly measures how long the
 * scheduler kept the process waiting.
 */
function fullRun(subject: Steppable, n: number): { rounds: number; ms: number } {
  let rounds = 0, total = 0;
  while (subject.informed() < n && rounds < 10_000) {
    const t = process.cpuUsage();
    subject.step();
    const used = process.cpuUsage(t);
    total += (used.user + used.system) / 1000;
    rounds++;
  }
  return { rounds, ms: total / rounds };
}

const engineRun = (n: number, protocol: ReferenceProtocol, seed: number) => {
  const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: n, protocol, seed });
  return fullRun({ step: () => sim.step(), informed: () => sim.world.informed[0] }, n);
};
const referenceRun = (n: number, protocol: ReferenceProtocol, seed: number) => fullRun(new BitsetReference(n, protocol, seed), n);

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Full runs of the engine and the reference, alternating (engine, reference, engine, …) so
 * that both meet the same load, after untimed warm-up runs of both on 20,000 nodes.
 */
export function measureRatios(n: number, reps: number): RatioRow[] {
  return REFERENCE_PROTOCOLS.map((protocol) => {
    engineRun(20_000, protocol, 2);
    referenceRun(20_000, protocol, 2);
    const engineMs: number[] = [], referenceMs: number[] = [];
    let engineRounds = 0, referenceRounds = 0;
    for (let r = 0; r < reps; r++) {
      const e = engineRun(n, protocol, 1);
      const f = referenceRun(n, protocol, 1);
      engineMs.push(e.ms);
      referenceMs.push(f.ms);
      engineRounds = e.rounds;
      referenceRounds = f.rounds;
    }
    return {
      protocol, engineRounds, referenceRounds, engineMs, referenceMs,
      ratioMin: Math.min(...engineMs) / Math.min(...referenceMs),
      ratioMedian: median(engineMs) / median(referenceMs),
    };
  });
}
