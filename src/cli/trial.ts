import { INFECTIVE } from '../engine/rumor-state';
import { Simulation } from '../engine/simulation';
import { componentLabels, type Topology } from '../engine/topology';
import type { LoggedAction, RoundMetrics, SimConfig } from '../engine/types';

/** The measures of one trial (all per run, none per node: 10^7-node runs keep no arrays). */
export interface TrialResult {
  /** Rounds simulated until the run ended. */
  rounds: number;
  /** Every live node the source can reach holds the newest version. */
  converged: boolean;
  /** The trial hit --max-rounds before it ended by itself. */
  stoppedAtMax: boolean;
  /** Fraction of the live nodes not holding the newest version at the end. */
  residue: number;
  /** Messages that carried the update, per node. */
  traffic: number;
  /** All messages sent, per node. */
  messages: number;
  /** Mean round (from the first write) at which nodes other than the writer learned it; NaN when none did. */
  tAve: number;
  /** Round (from the first write) at which the last node learned it (0 when nobody did). */
  tLast: number;
  /** Informed fraction after the last round. */
  finalFraction: number;
  /**
   * Load on the busiest node (null unless measured: always for primary-backup, or runTrial's
   * `trackLoad`): the most messages one node sent in one round, and over the whole trial.
   */
  busiestPerRound: number | null;
  busiestTotal: number | null;
  /** Size of the source's connected component. */
  reachable: number;
  /** Scheduled actions the run refused (e.g. a write at a node that had crashed). */
  rejected: number;
  topology: Pick<Topology, 'edges' | 'components' | 'largestComponent'>;
  /** Time spent stepping rounds, in ms (setup and bookkeeping outside the loop excluded). */
  stepMs: number;
  setupMs: number;
}

/** Where key 0 starts: the origin at round 0, else the first scheduled write of key 0. */
function sourceOf(config: SimConfig, actions: readonly LoggedAction[]): { node: number; round: number } | null {
  if (config.origin >= 0) return { node: config.origin, round: 0 };
  const w = actions.find((a) => a.action.type === 'write' && a.action.key === 0);
  return w && w.action.type === 'write' ? { node: w.action.node, round: w.round } : null;
}

/**
 * Runs one trial. It ends, once the last scheduled action has been applied, when
 * - push, pull, push-pull: every live node of the source's component holds the newest version,
 *   or nothing can get through any more (loss 1, nothing in flight), or no live node holds the
 *   update and no crashed holder can come back with it;
 * - rumor: no node is infective and nothing is in flight (Demers' end of the epidemic; a crashed
 *   node that is still infective counts while it can recover with its state); with
 *   anti-entropy on: no node is infective, and everyone reachable is informed or nothing more
 *   can spread;
 * - primary-backup: every live node is informed (its primary addresses every node directly,
 *   whatever the graph), or nothing more can spread (the primary crashed for good, every
 *   missing replica cut off or crashed for good, loss 1);
 * - every protocol, also: nothing more can spread (Simulation.canStillSpread: no holder has a
 *   usable link to a lacker and no message on its way can teach one — a partition that never
 *   heals, loss 1);
 * or after `maxRounds`. `onRound` receives the informed fraction after every round (round 0 first),
 * and the round's metrics (none for round 0).
 */
export function runTrial(
  config: SimConfig, maxRounds: number, onRound?: (round: number, fraction: number, metrics?: RoundMetrics) => void, actions: readonly LoggedAction[] = [], trackLoad = false,
): TrialResult {
  const t0 = performance.now();
  const sim = new Simulation(config, { schedule: actions, trackLoad });
  const n = config.nodes;
  const source = sourceOf(config, actions);
  const t = sim.topology;
  const w = sim.world;
  // Crashes make the reachable set a moving target: count its live nodes when they can change.
  const churn = config.crashRate > 0 || config.recoverRate > 0 || actions.some((a) => a.action.type === 'crash' || a.action.type === 'recover');
  // Primary-backup ignores the graph: its primary reaches every node directly.
  const direct = config.protocol === 'primary-backup';
  const label = source && t.components > 1 && !direct ? componentLabels(t).label : null;
  const reachable = source ? (label ? countLabel(label, label[source.node]) : n) : 0;
  const liveReachable = (): number => {
    if (!source) return 0;
    if (!churn) return reachable;
    if (!label) return w.liveCount;
    let c = 0;
    const mine = label[source.node];
    for (let i = 0; i < n; i++) if (label[i] === mine && w.alive[i]) c++;
    return c;
  };
  const lastAction = actions.reduce((m, a) => Math.max(m, a.round), 0);
  const informed = w.informed;
  const setupMs = performance.now() - t0;
  onRound?.(0, informed[0] / n);
  let sent = 0, traffic = 0, newly = 0, weighted = 0, lastNew = -1, lastChange = 0, prevInformed = informed[0];
  let stoppedAtMax = false;
  let busiestPerRound: number | null = null, busiestTotal: number | null = null;
  const R = config.antiEntropy;
  // sim.rumorEnded looks at live nodes only: a node that crashed while infective (or holding the
  // update) and can recover with its state will spread again, so nothing is over while one is down.
  const canRevive = !config.recoverEmpty && (config.recoverRate > 0 || actions.some((a) => a.action.type === 'recover'));
  const crashedInfective = (): boolean => {
    const st = sim.rumor!.status, K = config.keys;
    for (let i = 0; i < n; i++) if (!w.alive[i] && st[i * K] === INFECTIVE) return true;
    return false;
  };
  const crashedHolder = (): boolean => {
    const latest = w.latest[0], K = config.keys;
    for (let i = 0; i < n; i++) if (!w.alive[i] && w.cur[i * K] === latest) return true;
    return false;
  };
  // The frontier (Simulation.canStillSpread) costs a pass over the nodes: it is asked only after
  // a round in which nothing changed, since while the update moves it can obviously still move.
  const stuck = (): boolean => sim.round > lastChange && !sim.canStillSpread();
  const done = (): boolean => {
    if (!source) return true; // nothing was ever written: nothing can spread
    if (config.protocol === 'rumor') {
      if (R === 0) return (sim.rumorEnded && !(canRevive && crashedInfective())) || stuck();
      // With anti-entropy the rumor's end is not the run's: the backup goes on until everyone
      // reachable holds the update or it cannot reach anyone more. Messages still in flight do
      // not hold the end back once everyone is informed (anti-entropy digests are always on
      // their way under a delay); the frontier counts those that could still teach.
      if (sim.rumor!.counts(w).infective.some((c) => c > 0) || (canRevive && crashedInfective())) return false;
      return informed[0] >= liveReachable() || stuck();
    }
    if (informed[0] >= liveReachable()) return true;
    // Nothing can get through, or nobody alive holds the update and nobody who does can come back.
    if (sim.inFlight === 0 && (w.loss >= 1 || (informed[0] === 0 && !(canRevive && crashedHolder())))) return true;
    return stuck();
  };
  const t1 = performance.now();
  for (;;) {
    if (sim.round >= lastAction && done()) break;
    if (sim.round >= maxRounds) {
      stoppedAtMax = true;
      break;
    }
    const m = sim.step();
    if (m.busiestSent !== null) busiestPerRound = Math.max(busiestPerRound ?? 0, m.busiestSent);
    if (m.busiestSentTotal !== null) busiestTotal = m.busiestSentTotal;
    sent += m.sent;
    traffic += m.traffic;
    const k = m.newlyInformed[0];
    if (k > 0) {
      newly += k;
      weighted += k * m.round;
      lastNew = m.round;
    }
    if (k > 0 || informed[0] !== prevInformed) lastChange = m.round;
    prevInformed = informed[0];
    onRound?.(m.round, informed[0] / n, m);
  }
  const stepMs = performance.now() - t1;
  const start = source?.round ?? 0;
  return {
    rounds: sim.round,
    converged: source !== null && informed[0] >= liveReachable(),
    stoppedAtMax,
    residue: w.liveCount > 0 ? (w.liveCount - informed[0]) / w.liveCount : NaN,
    traffic: traffic / n,
    messages: sent / n,
    tAve: newly > 0 ? weighted / newly - start : NaN,
    tLast: lastNew >= 0 ? lastNew - start : 0,
    finalFraction: informed[0] / n,
    busiestPerRound: busiestPerRound ?? (sim.primary || trackLoad ? 0 : null),
    busiestTotal: busiestTotal ?? (sim.primary || trackLoad ? 0 : null),
    reachable,
    rejected: sim.rejected.length,
    topology: { edges: t.edges, components: t.components, largestComponent: t.largestComponent },
    stepMs,
    setupMs,
  };
}

function countLabel(label: Int32Array, mine: number): number {
  let c = 0;
  for (let i = 0; i < label.length; i++) if (label[i] === mine) c++;
  return c;
}
