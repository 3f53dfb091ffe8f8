import { literatureRounds, meanFieldRounds } from '../engine/theory';
import type { SimConfig } from '../engine/types';
import type { CliOptions, CliProtocol } from './args';
import { SeriesAccumulator } from './series';
import { summarize, type Stats } from './stats';
import { runTrial, trialConfig } from './trial';

/** What an experiment reports: one JSON object on the CLI's stdout. */
export interface Summary {
  /** The resolved configuration (trial i runs with seed trialSeed(seed, i)). */
  config: Omit<SimConfig, 'protocol'> & { protocol: CliProtocol; trials: number; maxRounds: number };
  trials: number;
  /** Fraction of trials in which every node the origin can reach learned the update. */
  converged: number;
  rounds: Stats | null;
  residue: Stats | null;
  traffic: Stats | null;
  messages: Stats | null;
  tAve: Stats | null;
  tLast: Stats | null;
  /** Explicit graphs only: mean over trials (the random graph differs from trial to trial). */
  topology?: { edges: number; components: number; largestComponent: number; reachable: number };
  /** What theory predicts on the complete graph of the same size (null = never finishes). */
  theory: {
    graph: 'complete';
    meanFieldRounds: number | null;
    literatureRounds: number;
    literatureSource: string;
  };
  /** With --series (or --format csv): mean informed fraction per round, round 0 first. */
  series?: number[];
  /** Simulation only: stepping rounds (elapsedMs) and building runs and graphs (setupMs). */
  timing: { elapsedMs: number; roundsSimulated: number; msPerRound: number; setupMs: number };
}

/**
 * Runs `options.trials` independent trials and summarises them. Pure of process I/O, so
 * tests call it directly; trial i is exactly the page's run with seed `trialSeed(seed, i)`.
 *
 * @example
 *   const s = runExperiment({ ...DEFAULT_OPTIONS, nodes: 1000, trials: 50 });
 *   s.rounds?.mean; // ≈ 18
 */
export function runExperiment(options: CliOptions): Summary {
  const n = options.trials;
  const rounds = new Float64Array(n), residue = new Float64Array(n), traffic = new Float64Array(n);
  const messages = new Float64Array(n), tAve = new Float64Array(n), tLast = new Float64Array(n);
  const series = options.series || options.format === 'csv' ? new SeriesAccumulator() : null;
  const onRound = series ? (round: number, fraction: number) => series.add(round, fraction) : undefined;
  let converged = 0, elapsedMs = 0, setupMs = 0, roundsSimulated = 0;
  let edges = 0, components = 0, largest = 0, reachable = 0;
  for (let i = 0; i < n; i++) {
    const r = runTrial(trialConfig(options, i), options.maxRounds, onRound);
    series?.end(r.rounds, r.finalFraction);
    rounds[i] = r.rounds;
    residue[i] = r.residue;
    traffic[i] = r.traffic;
    messages[i] = r.messages;
    tAve[i] = r.tAve;
    tLast[i] = r.tLast;
    if (r.converged) converged++;
    elapsedMs += r.stepMs;
    setupMs += r.setupMs;
    roundsSimulated += r.rounds;
    edges += r.topology.edges;
    components += r.topology.components;
    largest += r.topology.largestComponent;
    reachable += r.reachable;
  }
  const mf = meanFieldRounds({ protocol: options.protocol, nodes: options.nodes, fanout: options.fanout, loss: options.loss });
  const lit = literatureRounds(options.protocol, options.nodes, options.fanout);
  const { trials, maxRounds } = options;
  return {
    config: { ...trialConfig(options, 0), protocol: options.protocol, trials, maxRounds },
    trials,
    converged: converged / n,
    rounds: summarize(rounds),
    residue: summarize(residue),
    traffic: summarize(traffic),
    messages: summarize(messages),
    tAve: summarize(tAve),
    tLast: summarize(tLast),
    ...(options.topology === 'complete'
      ? {}
      : { topology: { edges: edges / n, components: components / n, largestComponent: largest / n, reachable: reachable / n } }),
    theory: {
      graph: 'complete',
      meanFieldRounds: Number.isFinite(mf) ? mf : null,
      literatureRounds: lit.rounds,
      literatureSource: `${lit.source}; without loss`,
    },
    ...(series ? { series: series.means() } : {}),
    timing: { elapsedMs, roundsSimulated, msPerRound: roundsSimulated > 0 ? elapsedMs / roundsSimulated : 0, setupMs },
  };
}
