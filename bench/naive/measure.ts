import { DEFAULT_CONFIG } from '../../src/engine/config';
import { Simulation } from '../../src/engine/simulation';
import { NaiveCluster, type NaiveProtocol } from './naive-gossip';

/**
 * How one implementation is timed on one workload: a full run from one informed node to
 * everyone (mean ms per round), then, with every node informed — the steady state of a
 * finished run, where push sends n·f messages a round and pull/push-pull n·f requests or
 * exchanges — the median of `rounds` rounds after `warmup` rounds.
 */
export interface Workload {
  name: string;
  protocol: NaiveProtocol;
  fanout: number;
}

export const WORKLOADS: Workload[] = [
  { name: 'push f=1', protocol: 'push', fanout: 1 },
  { name: 'push f=3', protocol: 'push', fanout: 3 },
  { name: 'pull', protocol: 'pull', fanout: 1 },
  { name: 'push-pull', protocol: 'push-pull', fanout: 1 },
];

export interface Timing {
  buildMs: number;
  /** Rounds of the full run (null when it was skipped). */
  rounds: number | null;
  fullMean: number | null;
  steadyMedian: number;
  /** Fastest steady round: on a shared machine noise only adds time, so this is the least disturbed figure. */
  steadyMin: number;
  steadyRounds: number;
}

/** Anything steppable: the engine or the naive cluster. */
interface Subject {
  step(): void;
  done(): boolean;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function time(subject: Subject, full: boolean, warmup: number, rounds: number, informAll?: () => void): Omit<Timing, 'buildMs'> {
  let fullRounds: number | null = null;
  let fullMean: number | null = null;
  if (full) {
    // Only step() is timed: the done() check (a scan of every node for the naive cluster) is
    // the harness's business, not the implementation's.
    let n = 0, total = 0;
    while (!subject.done() && n < 10_000) {
      const t = performance.now();
      subject.step();
      total += performance.now() - t;
      n++;
    }
    fullRounds = n;
    fullMean = total / n;
  } else {
    informAll?.();
  }
  for (let i = 0; i < warmup; i++) subject.step();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t = performance.now();
    subject.step();
    times.push(performance.now() - t);
  }
  return { rounds: fullRounds, fullMean, steadyMedian: median(times), steadyMin: Math.min(...times), steadyRounds: rounds };
}

/** A whole untimed run on a small cluster, so the timed runs measure optimised code, not the JIT. */
function warmJit(w: Workload, engine: boolean): void {
  if (engine) {
    const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 20_000, protocol: w.protocol, fanout: w.fanout, seed: 2 });
    while (sim.world.informed[0] < 20_000) sim.step();
    for (let i = 0; i < 3; i++) sim.step();
  } else {
    const cluster = new NaiveCluster(5000, w.protocol, w.fanout, 2);
    while (cluster.informed() < 5000) cluster.step();
    for (let i = 0; i < 3; i++) cluster.step();
  }
}

/** Times the engine, and keeps the simulation alive in `hold` so its memory can be read. */
export function timeEngine(n: number, w: Workload, warmup: number, rounds: number, hold: { sim?: Simulation }): Timing {
  warmJit(w, true);
  const t0 = performance.now();
  const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: n, protocol: w.protocol, fanout: w.fanout, seed: 1 });
  const buildMs = performance.now() - t0;
  hold.sim = sim;
  const informed = sim.world.informed;
  return { buildMs, ...time({ step: () => sim.step(), done: () => informed[0] >= n }, true, warmup, rounds) };
}

/** Times the naive baseline; without `full` it starts from the steady state (everyone informed). */
export function timeNaive(n: number, w: Workload, full: boolean, warmup: number, rounds: number): Timing {
  warmJit(w, false);
  const t0 = performance.now();
  const cluster = new NaiveCluster(n, w.protocol, w.fanout, 1);
  const buildMs = performance.now() - t0;
  return { buildMs, ...time({ step: () => cluster.step(), done: () => cluster.informed() >= n }, full, warmup, rounds, () => cluster.informAll()) };
}
