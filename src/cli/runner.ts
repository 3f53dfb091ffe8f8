import { trialSeed } from '../engine/prng';
import { literatureRounds, meanFieldRounds, primaryBackupRounds } from '../engine/theory';
import type { SimConfig } from '../engine/types';
import type { CliOptions } from './options';
import { rumorTheory, type RumorTheory } from './rumor-theory';
import { SeriesAccumulator } from './series';
import { configFromOptions, type SpreadingPlan } from './spreading-plan';
import { summarize, type Stats } from './stats';
import { runTrial } from './trial';

/** What theory predicts for push, pull and push-pull on the complete graph of the same size. */
export interface SpreadTheory {
  graph: 'complete';
  meanFieldRounds: number | null;
  literatureRounds: number;
  literatureSource: string;
}

/** Primary-backup, exactly: the primary informs b replicas a round (no loss, no delay, no crash). */
export interface PrimaryBackupTheory {
  rounds: number;
  formula: string;
}

/** What a spreading experiment reports: one JSON object on the CLI's stdout. */
export interface Summary {
  /** The resolved configuration (trial i runs with seed trialSeed(seed, i)). */
  config: SimConfig & { trials: number; maxRounds: number };
  /** With --scenario: the file, its name, its actions and how many per trial the run refused. */
  scenario?: { file: string; name?: string; actions: number; rejected: Stats | null };
  trials: number;
  /** Fraction of trials in which every live node the source can reach learned the update. */
  converged: number;
  /** Fraction of trials stopped by --max-rounds rather than by their own end. */
  stoppedAtMaxRounds: number;
  rounds: Stats | null;
  residue: Stats | null;
  traffic: Stats | null;
  messages: Stats | null;
  tAve: Stats | null;
  tLast: Stats | null;
  /**
   * The busiest node's load (primary-backup always, the others with --load): the most messages
   * one node sent in one round of a trial, and in the whole trial — next to `messages`, the
   * mean per node, it shows whether the work is spread evenly (gossip) or falls on one node.
   */
  load?: { busiestPerRound: Stats | null; busiestTotal: Stats | null };
  /** Explicit graphs only: mean over trials (the random graph differs from trial to trial). */
  topology?: { edges: number; components: number; largestComponent: number; reachable: number };
  /** push, pull, push-pull: round counts of theory; rumor: Demers et al.'s analysis and tables. */
  theory: SpreadTheory | RumorTheory | PrimaryBackupTheory;
  /** With --series (or --format csv): mean informed fraction per round, round 0 first. */
  series?: number[];
  /** Simulation only: stepping rounds (elapsedMs) and building runs and graphs (setupMs). */
  timing: { elapsedMs: number; roundsSimulated: number; msPerRound: number; setupMs: number };
}

/** The paper's setting: where Demers et al.'s tables apply as printed. */
function isPaperSetting(c: SimConfig, actions: number): boolean {
  return c.nodes === 1000 && c.topology === 'complete' && c.fanout === 1 && c.loss === 0 && c.antiEntropy === 0
    && c.delay.kind === 'fixed' && c.delay.rounds === 1 && c.crashRate === 0 && c.recoverRate === 0 && c.origin >= 0 && actions === 0;
}

/**
 * Runs `options.trials` independent trials and summarises them. Pure of process I/O, so
 * tests call it directly; trial i is exactly the page's run with seed `trialSeed(seed, i)`
 * and the plan's actions (a scenario's timeline).
 *
 * @example
 *   const s = runExperiment({ ...DEFAULT_OPTIONS, nodes: 1000, trials: 50 });
 *   s.rounds?.mean; // ≈ 18
 */
export function runExperiment(options: CliOptions, plan: SpreadingPlan = { config: configFromOptions(options), actions: [] }): Summary {
  const n = options.trials;
  const base = plan.config;
  const rounds = new Float64Array(n), residue = new Float64Array(n), traffic = new Float64Array(n);
  const messages = new Float64Array(n), tAve = new Float64Array(n), tLast = new Float64Array(n), rejected = new Float64Array(n);
  const busiestPerRound = new Float64Array(n), busiestTotal = new Float64Array(n);
  const trackLoad = options.load;
  let loadMeasured = false;
  const series = options.series || options.format === 'csv' ? new SeriesAccumulator() : null;
  const onRound = series ? (round: number, fraction: number) => series.add(round, fraction) : undefined;
  let converged = 0, atMax = 0, elapsedMs = 0, setupMs = 0, roundsSimulated = 0;
  let edges = 0, components = 0, largest = 0, reachable = 0;
  for (let i = 0; i < n; i++) {
    const r = runTrial({ ...base, seed: trialSeed(base.seed, i) }, options.maxRounds, onRound, plan.actions, trackLoad);
    series?.end(r.rounds, r.finalFraction);
    rounds[i] = r.rounds;
    residue[i] = r.residue;
    traffic[i] = r.traffic;
    messages[i] = r.messages;
    tAve[i] = r.tAve;
    tLast[i] = r.tLast;
    rejected[i] = r.rejected;
    busiestPerRound[i] = r.busiestPerRound ?? NaN;
    busiestTotal[i] = r.busiestTotal ?? NaN;
    if (r.busiestTotal !== null) loadMeasured = true;
    if (r.converged) converged++;
    if (r.stoppedAtMax) atMax++;
    elapsedMs += r.stepMs;
    setupMs += r.setupMs;
    roundsSimulated += r.rounds;
    edges += r.topology.edges;
    components += r.topology.components;
    largest += r.topology.largestComponent;
    reachable += r.reachable;
  }
  const trafficStats = summarize(traffic);
  return {
    config: { ...base, trials: n, maxRounds: options.maxRounds },
    ...(plan.scenario ? { scenario: { ...plan.scenario, actions: plan.actions.length, rejected: summarize(rejected) } } : {}),
    trials: n,
    converged: converged / n,
    stoppedAtMaxRounds: atMax / n,
    rounds: summarize(rounds),
    residue: summarize(residue),
    traffic: trafficStats,
    messages: summarize(messages),
    tAve: summarize(tAve),
    tLast: summarize(tLast),
    ...(loadMeasured ? { load: { busiestPerRound: summarize(busiestPerRound), busiestTotal: summarize(busiestTotal) } } : {}),
    ...(base.topology === 'complete' || base.protocol === 'primary-backup'
      ? {}
      : { topology: { edges: edges / n, components: components / n, largestComponent: largest / n, reachable: reachable / n } }),
    theory: base.protocol === 'rumor'
      ? rumorTheory(base.interest, base.k, trafficStats?.mean ?? null, isPaperSetting(base, plan.actions.length))
      : base.protocol === 'primary-backup'
        ? { rounds: primaryBackupRounds(base.nodes, base.fanout), formula: 'ceil((n - 1) / b): the primary informs b = fanout replicas a round; without loss, delay or crashes' }
        : spreadTheory(base),
    ...(series ? { series: series.means() } : {}),
    timing: { elapsedMs, roundsSimulated, msPerRound: roundsSimulated > 0 ? elapsedMs / roundsSimulated : 0, setupMs },
  };
}

function spreadTheory(c: SimConfig): SpreadTheory {
  const protocol = c.protocol === 'rumor' || c.protocol === 'primary-backup' ? 'push' : c.protocol;
  const mf = meanFieldRounds({ protocol, nodes: c.nodes, fanout: c.fanout, loss: c.loss });
  const lit = literatureRounds(protocol, c.nodes, c.fanout);
  return {
    graph: 'complete',
    meanFieldRounds: Number.isFinite(mf) ? mf : null,
    literatureRounds: lit.rounds,
    literatureSource: `${lit.source}; without loss`,
  };
}
