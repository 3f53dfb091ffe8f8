import { applyAction } from './actions';
import { antiEntropyRound, isAntiEntropyKind, receiveAntiEntropy } from './anti-entropy';
import { applyChurn, restartEmpty } from './churn';
import { copyColumns, setColumns } from './columns';
import { HandPicks } from './hand-picks';
import { ConfigError, configProblems } from './config';
import type { InFlightSnapshot } from './in-flight';
import { LoadCounter, SentScan } from './load';
import { PeerSampler } from './peers';
import { PrimaryBackupState, type PrimaryBackupSnapshot } from './primary-backup-state';
import { Rng, type RngState } from './prng';
import { protocols } from './protocols';
import type { Protocol, RoundInput } from './protocols/protocol';
import { replayInto } from './replay';
import { copySettings, type RunSettings } from './setting-actions';
import { canStillSpread } from './spread-frontier';
import { RoundNet } from './round';
import { INFECTIVE, RumorState, type RumorSnapshot } from './rumor-state';
import { buildTopology, type Topology } from './topology';
import type { Action, LoggedAction, MessageBatch, RoundMetrics, SimConfig } from './types';
import { World } from './world';

export interface SimulationOptions {
  /** Log every message of each round (for animating small graphs). */
  recordMessages?: boolean;
  /** Count messages sent and received per node (for the inspector). */
  trackNodeStats?: boolean;
  /** Record who told whom: per node and key, the sender of the held version and its round (World.informer). */
  traceSpread?: boolean;
  /**
   * Measure the busiest node's load (RoundMetrics.busiestSent, busiestSentTotal). Always on for
   * primary-backup, whose point is that load; for the gossip protocols it keeps the per-node
   * counters (as trackNodeStats, which measures it too) and reads them once per round.
   */
  trackLoad?: boolean;
  /** Actions to apply at given rounds (a scenario's timeline): `round` r applies after round r. */
  schedule?: readonly LoggedAction[];
}

/** The world's arrays a snapshot copies whole (`next` is restored from `cur`). */
const WORLD_SAVED = ['cur', 'alive', 'group', 'blocked', 'linkLoss', 'latest', 'informed'] as const;

/** Everything needed to put a simulation back exactly where it was. */
export interface Snapshot extends Pick<World, (typeof WORLD_SAVED)[number]> {
  round: number;
  rng: RngState;
  loss: number;
  liveCount: number;
  sentCount: Uint32Array | null;
  receivedCount: Uint32Array | null;
  /** Who told whom (traced runs only). */
  informer: Int32Array | null;
  learnedAt: Int32Array | null;
  rumor: RumorSnapshot | null;
  primary: PrimaryBackupSnapshot | null;
  loadTotal: Uint32Array | null;
  inFlight: InFlightSnapshot;
  /** Fanout, delay and k as the run's setting actions left them. */
  settings: RunSettings;
  /** Peers chosen by hand for the next round (pickPeers actions after this round). */
  handPicks: [number, number[]][];
  logLength: number;
  scheduleNext: number;
}

/**
 * One deterministic gossip run: a configuration, a seed and the actions applied between rounds
 * fix every round bit for bit, in Node and in the browser alike.
 *
 * @example
 *   const sim = new Simulation({ ...DEFAULT_CONFIG, nodes: 1000, protocol: 'push-pull' });
 *   while (sim.world.informed[0] < sim.world.liveCount) sim.step();
 *   sim.apply({ type: 'crash', node: 7 });
 */
export class Simulation {
  /** The configuration the run was built from; `settings` holds what setting actions changed since. */
  readonly config: SimConfig;
  readonly topology: Topology;
  readonly world: World;
  /** Rumor-mongering state (protocol `rumor` only). */
  readonly rumor: RumorState | null;
  /** Primary-backup state (protocol `primary-backup` only). */
  readonly primary: PrimaryBackupState | null;
  readonly log: LoggedAction[] = [];
  readonly schedule: readonly LoggedAction[];
  /** Scheduled actions that could not be applied (e.g. a write at a crashed node), with why. */
  readonly rejected: { round: number; action: Action; reason: string }[] = [];
  round = 0;
  private scheduleNext = 0;
  private readonly rng: Rng;
  private readonly protocol: Protocol;
  /** The busiest node's load, for the gossip protocols (primary-backup counts in its RoundNet). */
  private readonly sentScan: SentScan | null = null;
  private readonly net: RoundNet;
  private readonly input: RoundInput;
  /** The configuration as it stands now: the protocols read this copy, setting actions change it. */
  private readonly live: SimConfig;
  /** Hand-picked peers for the next round (pickPeers), read by the sampler. */
  private readonly hand = new HandPicks();

  constructor(config: SimConfig, options: SimulationOptions = {}) {
    const problems = configProblems(config);
    if (problems.length > 0) throw new ConfigError(problems);
    this.config = structuredClone(config);
    // The graph gets its own stream so that changing the protocol or fanout never changes it.
    this.topology = buildTopology(config.topology, config.nodes, config.degree, new Rng(config.seed ^ 0x5bd1e995));
    this.rng = new Rng(config.seed);
    this.world = new World(config.nodes, config.keys, (options.trackNodeStats ?? false) || (options.trackLoad ?? false), options.traceSpread ?? false);
    this.world.loss = config.loss;
    this.protocol = protocols[config.protocol];
    this.rumor = this.protocol.rumor ? new RumorState(config.nodes, config.keys) : null;
    this.primary = config.protocol === 'primary-backup' ? new PrimaryBackupState(config.nodes, config.keys) : null;
    this.live = structuredClone(config);
    this.net = new RoundNet(this.world, this.rng, options.recordMessages ?? false, this.live.delay);
    if (this.primary) this.net.load = new LoadCounter(config.nodes);
    else if (this.world.sentCount) this.sentScan = new SentScan(this.world.sentCount);
    this.input = {
      world: this.world, net: this.net, rng: this.rng, config: this.live, round: 0, rumor: this.rumor, primary: this.primary,
      peers: new PeerSampler(this.topology, Math.max(1, config.fanout)),
    };
    this.input.peers.hand = this.hand;
    this.net.receive = (from, to, kind, src, off, mask) => {
      if (isAntiEntropyKind(kind)) receiveAntiEntropy(this.input, from, to, kind);
      else this.protocol.receive?.(this.input, from, to, kind, src, off, mask);
    };
    const rumor = this.rumor;
    if (rumor) this.net.onLearn = (node, key) => rumor.infect(node, key, this.round);
    this.schedule = [...(options.schedule ?? [])].sort((a, b) => a.round - b.round);
    if (config.origin >= 0) this.applyNow({ type: 'write', node: config.origin, key: 0 });
    this.applyScheduled();
  }

  /** Fanout, delay and k from the next round on (the configuration's, unless an action changed them). */
  get settings(): Readonly<RunSettings> {
    return this.live;
  }

  /** The messages of the last round, or null when recording is off. */
  get messages(): MessageBatch | null {
    return this.net.messages;
  }

  /** Messages on their way (delay > 1). */
  get inFlight(): number {
    return this.net.inFlight.size;
  }

  /**
   * Runs one round and returns its metrics: churn, then the delayed messages due now, then
   * the protocol's messages, then (every R rounds) the anti-entropy backup; then the actions
   * scheduled after this round.
   */
  step(): RoundMetrics {
    this.round++;
    this.input.round = this.round;
    const churn = applyChurn(this.world, this.rumor, this.rng, this.config, this.primary);
    this.net.begin(this.round);
    this.net.deliverDue();
    this.protocol.round(this.input);
    // Hand-picked peers were for this round's protocol messages only (not the anti-entropy backup).
    this.hand.clear();
    if (this.live.antiEntropy > 0 && this.round % this.live.antiEntropy === 0) antiEntropyRound(this.input);
    this.net.finishRound();
    const metrics = this.metrics(churn);
    this.applyScheduled();
    return metrics;
  }

  /** Rumor mongering only: no live node is infective and no message is in flight, so the epidemic is over. */
  get rumorEnded(): boolean {
    if (!this.rumor || this.net.inFlight.size > 0) return false;
    if (!this.rumor.counts(this.world).infective.every((c) => c === 0)) return false;
    // A crashed node that is still infective spreads again if it can come back with its state.
    if (this.config.recoverEmpty || !this.canStillRecover()) return true;
    const { status } = this.rumor;
    for (let i = 0; i < status.length; i++) if (status[i] === INFECTIVE && this.world.alive[Math.floor(i / this.world.keys)] === 0) return false;
    return true;
  }

  /**
   * Can the newest version of `key` still reach a node that lacks it — through a message on its
   * way, or a link between a holder and a lacker that the protocol can use? False means the
   * spread is over for good unless an action changes the world (a heal, a recover, less loss).
   */
  canStillSpread(key = 0): boolean {
    return canStillSpread({ world: this.world, topology: this.topology, config: this.live, inFlight: this.net.inFlight, canRecover: this.canStillRecover() }, key);
  }

  /** Churn can recover nodes, or the timeline still holds a recover action. */
  private canStillRecover(): boolean {
    if (this.config.recoverRate > 0) return true;
    for (let i = this.scheduleNext; i < this.schedule.length; i++) if (this.schedule[i].action.type === 'recover') return true;
    return false;
  }

  private metrics(churn: { crashes: number; recoveries: number }): RoundMetrics {
    const w = this.world, net = this.net;
    const rumorCounts = this.rumor?.counts(w);
    this.sentScan?.update();
    const load = net.load ?? this.sentScan;
    return {
      round: this.round,
      live: w.liveCount,
      sent: net.sent,
      delivered: net.delivered,
      droppedLoss: net.droppedLoss,
      droppedPartition: net.droppedPartition,
      droppedDead: net.droppedDead,
      redundant: net.redundant,
      traffic: net.traffic,
      informed: Array.from(w.informed),
      newlyInformed: Array.from(net.newlyInformed),
      inFlight: net.inFlight.size,
      infective: rumorCounts?.infective ?? new Array<number>(w.keys).fill(0),
      removed: rumorCounts?.removed ?? new Array<number>(w.keys).fill(0),
      crashes: churn.crashes,
      recoveries: churn.recoveries,
      busiestSent: load?.busiest ?? null,
      busiestSentTotal: load?.busiestTotal ?? null,
    };
  }

  /**
   * Applies an action before the next round and logs it. Throws an Error with a message fit
   * for the user, and changes nothing, when the action is invalid.
   */
  apply(action: Action): void {
    this.applyNow(action);
    this.log.push({ round: this.round, action: structuredClone(action) });
  }

  private applyNow(action: Action): void {
    if (action.type === 'pickPeers') {
      this.hand.choose(this.topology, this.live.fanout, action.node, action.peers);
      return;
    }
    const recovering = action.type === 'recover' && this.world.alive[action.node] === 0;
    applyAction(this.world, action, this.live);
    this.settingsChanged();
    if (recovering && this.config.recoverEmpty) restartEmpty(this.world, this.rumor, action.node, this.primary);
    if (action.type === 'write') this.rumor?.infect(action.node, action.key, this.round);
  }

  /** Brings what is derived from the live settings up to date after an action or a restore. */
  private settingsChanged(): void {
    this.net.delay = this.live.delay;
    // The sampler's picks are sized for the largest fanout it was built for; the protocols read them
    // after each sample, so a larger fanout needs a new sampler (the draws are the same either way).
    if (this.live.fanout > this.input.peers.picks.length) {
      this.input.peers = new PeerSampler(this.topology, this.live.fanout);
      this.input.peers.hand = this.hand;
    }
  }

  private applyScheduled(): void {
    while (this.scheduleNext < this.schedule.length && this.schedule[this.scheduleNext].round <= this.round) {
      const entry = this.schedule[this.scheduleNext++];
      if (entry.round !== this.round) continue;
      try {
        this.apply(entry.action);
      } catch (e) {
        // A timeline may meet a world it did not expect (the node crashed by churn): the run goes on.
        this.rejected.push({ round: this.round, action: entry.action, reason: e instanceof Error ? e.message : String(e) });
      }
    }
  }

  snapshot(): Snapshot {
    const w = this.world;
    return {
      round: this.round,
      rng: this.rng.getState(),
      ...copyColumns(w, WORLD_SAVED),
      loss: w.loss,
      liveCount: w.liveCount,
      sentCount: w.sentCount?.slice() ?? null,
      receivedCount: w.receivedCount?.slice() ?? null,
      informer: w.informer?.slice() ?? null,
      learnedAt: w.learnedAt?.slice() ?? null,
      rumor: this.rumor?.snapshot() ?? null,
      primary: this.primary?.snapshot() ?? null,
      loadTotal: this.net.load?.total.slice() ?? null,
      inFlight: this.net.inFlight.snapshot(),
      settings: copySettings(this.live),
      handPicks: this.hand.entries(),
      logLength: this.log.length,
      scheduleNext: this.scheduleNext,
    };
  }

  /** Returns to a snapshot of this same run; the log is cut back to what it held then. */
  restore(s: Snapshot): void {
    const w = this.world;
    this.round = s.round;
    this.input.round = s.round;
    w.round = s.round;
    this.rng.setState(s.rng);
    setColumns(w, s, WORLD_SAVED);
    w.next.set(s.cur);
    w.updateLinkFlags();
    w.loss = s.loss;
    w.liveCount = s.liveCount;
    if (s.sentCount && w.sentCount) w.sentCount.set(s.sentCount);
    if (s.receivedCount && w.receivedCount) w.receivedCount.set(s.receivedCount);
    if (s.informer && w.informer) w.informer.set(s.informer);
    if (s.learnedAt && w.learnedAt) w.learnedAt.set(s.learnedAt);
    if (s.rumor && this.rumor) this.rumor.restore(s.rumor);
    if (s.primary && this.primary) this.primary.restore(s.primary);
    if (s.loadTotal && this.net.load) this.net.load.restore(s.loadTotal);
    this.sentScan?.restore();
    this.net.inFlight.restore(s.inFlight);
    Object.assign(this.live, copySettings(s.settings));
    this.hand.restore(s.handPicks);
    this.settingsChanged();
    w.recomputeCurrent();
    w.recomputeAliveBits();
    this.log.length = s.logLength;
    this.scheduleNext = s.scheduleNext;
  }
}

/**
 * Rebuilds a run from its configuration and action log, up to `rounds` rounds.
 * Actions logged at round r are applied after round r, exactly as they were live.
 */
export function replay(config: SimConfig, log: readonly LoggedAction[], rounds: number, options?: SimulationOptions): Simulation {
  return replayInto(new Simulation(config, options), log, rounds);
}
