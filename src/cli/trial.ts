import { DEFAULT_CONFIG } from '../engine/config';
import { trialSeed } from '../engine/prng';
import { Simulation } from '../engine/simulation';
import { componentLabels, type Topology } from '../engine/topology';
import type { SimConfig } from '../engine/types';
import type { CliOptions } from './args';

/** The measures of one trial (all per run, none per node: 10^7-node runs keep no arrays). */
export interface TrialResult {
  /** Rounds simulated until the run ended. */
  rounds: number;
  /** Every live node the origin can reach learned the update. */
  converged: boolean;
  /** Fraction of all nodes that never learned it. */
  residue: number;
  /** Messages that carried the update, per node. */
  traffic: number;
  /** All messages sent, per node. */
  messages: number;
  /** Mean round at which nodes other than the origin learned it; NaN when none did. */
  tAve: number;
  /** Round at which the last node learned it (0 when only the origin knows it). */
  tLast: number;
  /** Informed fraction after the last round. */
  finalFraction: number;
  /** Size of the origin's connected component. */
  reachable: number;
  topology: Pick<Topology, 'edges' | 'components' | 'largestComponent'>;
  /** Time spent stepping rounds, in ms (setup and bookkeeping outside the loop excluded). */
  stepMs: number;
  setupMs: number;
}

/**
 * The engine configuration of trial `index` of an experiment. Settings the CLI has no flag
 * for keep the engine's defaults, as on the page.
 */
export function trialConfig(o: CliOptions, index: number): SimConfig {
  return {
    ...DEFAULT_CONFIG,
    nodes: o.nodes,
    protocol: o.protocol,
    fanout: o.fanout,
    topology: o.topology,
    degree: o.degree,
    loss: o.loss,
    seed: trialSeed(o.seed, index),
    keys: 1,
    origin: 0,
  };
}

/** Nodes in the same connected component as `origin`. */
export function reachableFrom(t: Topology, origin: number): number {
  if (t.components === 1) return t.nodes;
  const { label } = componentLabels(t);
  const mine = label[origin];
  let count = 0;
  for (let i = 0; i < label.length; i++) if (label[i] === mine) count++;
  return count;
}

/**
 * Runs one trial until everyone reachable is informed, nothing more can spread (loss 1), or
 * `maxRounds`. `onRound` receives the informed fraction after every round (round 0 first).
 */
export function runTrial(config: SimConfig, maxRounds: number, onRound?: (round: number, fraction: number) => void): TrialResult {
  const t0 = performance.now();
  const sim = new Simulation(config);
  const n = config.nodes;
  const reachable = reachableFrom(sim.topology, config.origin);
  const setupMs = performance.now() - t0;
  const informed = sim.world.informed;
  onRound?.(0, informed[0] / n);
  let sent = 0, traffic = 0, newly = 0, weighted = 0, tLast = 0;
  const canSpread = config.loss < 1;
  const t1 = performance.now();
  while (canSpread && informed[0] < reachable && sim.round < maxRounds) {
    const m = sim.step();
    sent += m.sent;
    traffic += m.traffic;
    const k = m.newlyInformed[0];
    if (k > 0) {
      newly += k;
      weighted += k * m.round;
      tLast = m.round;
    }
    onRound?.(m.round, informed[0] / n);
  }
  const stepMs = performance.now() - t1;
  const t = sim.topology;
  return {
    rounds: sim.round,
    converged: informed[0] >= reachable,
    residue: (n - informed[0]) / n,
    traffic: traffic / n,
    messages: sent / n,
    tAve: newly > 0 ? weighted / newly : NaN,
    tLast,
    finalFraction: informed[0] / n,
    reachable,
    topology: { edges: t.edges, components: t.components, largestComponent: t.largestComponent },
    stepMs,
    setupMs,
  };
}
