import { ConfigError, configProblems } from './config';
import { PeerSampler } from './peers';
import { Rng, type RngState } from './prng';
import { protocols } from './protocols';
import type { Protocol } from './protocols/protocol';
import { RoundNet } from './round';
import { buildTopology, type Topology } from './topology';
import type { Action, LoggedAction, MessageBatch, RoundMetrics, SimConfig } from './types';
import { applyAction } from './actions';
import { World } from './world';

export interface SimulationOptions {
  /** Log every message of each round (for animating small graphs). */
  recordMessages?: boolean;
  /** Count messages sent and received per node (for the inspector). */
  trackNodeStats?: boolean;
}

/** Everything needed to put a simulation back exactly where it was. */
export interface Snapshot {
  round: number;
  rng: RngState;
  cur: Uint32Array;
  alive: Uint8Array;
  group: Uint8Array;
  blocked: Uint8Array;
  partitioned: boolean;
  loss: number;
  latest: Uint32Array;
  informed: Uint32Array;
  liveCount: number;
  sentCount: Uint32Array | null;
  receivedCount: Uint32Array | null;
  logLength: number;
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
  readonly config: SimConfig;
  readonly topology: Topology;
  readonly world: World;
  readonly log: LoggedAction[] = [];
  round = 0;
  private readonly rng: Rng;
  private readonly protocol: Protocol;
  private readonly peers: PeerSampler;
  private readonly net: RoundNet;

  constructor(config: SimConfig, options: SimulationOptions = {}) {
    const problems = configProblems(config);
    if (problems.length > 0) throw new ConfigError(problems);
    this.config = { ...config };
    // The graph gets its own stream so that changing the protocol or fanout never changes it.
    this.topology = buildTopology(config.topology, config.nodes, config.degree, new Rng(config.seed ^ 0x5bd1e995));
    this.rng = new Rng(config.seed);
    this.world = new World(config.nodes, config.keys, options.trackNodeStats ?? false);
    this.world.loss = config.loss;
    this.protocol = protocols[config.protocol];
    this.peers = new PeerSampler(this.topology, config.fanout);
    this.net = new RoundNet(this.world, this.rng, options.recordMessages ?? false);
    if (config.origin >= 0) applyAction(this.world, { type: 'write', node: config.origin, key: 0 });
  }

  /** The messages of the last round, or null when recording is off. */
  get messages(): MessageBatch | null {
    return this.net.messages;
  }

  /** Runs one round and returns its metrics. */
  step(): RoundMetrics {
    this.round++;
    this.net.begin();
    this.protocol.round({ world: this.world, net: this.net, peers: this.peers, rng: this.rng, config: this.config });
    return this.net.finish(this.round);
  }

  /**
   * Applies an action before the next round and logs it. Throws an Error with a message fit
   * for the user, and changes nothing, when the action is invalid.
   */
  apply(action: Action): void {
    applyAction(this.world, action);
    this.log.push({ round: this.round, action: structuredClone(action) });
  }

  snapshot(): Snapshot {
    const w = this.world;
    return {
      round: this.round,
      rng: this.rng.getState(),
      cur: w.cur.slice(),
      alive: w.alive.slice(),
      group: w.group.slice(),
      blocked: w.blocked.slice(),
      partitioned: w.partitioned,
      loss: w.loss,
      latest: w.latest.slice(),
      informed: w.informed.slice(),
      liveCount: w.liveCount,
      sentCount: w.sentCount?.slice() ?? null,
      receivedCount: w.receivedCount?.slice() ?? null,
      logLength: this.log.length,
    };
  }

  /** Returns to a snapshot of this same run; the log is cut back to what it held then. */
  restore(s: Snapshot): void {
    const w = this.world;
    this.round = s.round;
    this.rng.setState(s.rng);
    w.cur.set(s.cur);
    w.next.set(s.cur);
    w.alive.set(s.alive);
    w.group.set(s.group);
    w.blocked.set(s.blocked);
    w.partitioned = s.partitioned;
    w.loss = s.loss;
    w.latest.set(s.latest);
    w.informed.set(s.informed);
    w.liveCount = s.liveCount;
    w.recomputeCurrent();
    w.recomputeAliveBits();
    if (s.sentCount && w.sentCount) w.sentCount.set(s.sentCount);
    if (s.receivedCount && w.receivedCount) w.receivedCount.set(s.receivedCount);
    this.log.length = s.logLength;
  }
}

/**
 * Rebuilds a run from its configuration and action log, up to `rounds` rounds.
 * Actions logged at round r are applied after round r, exactly as they were live.
 */
export function replay(config: SimConfig, log: readonly LoggedAction[], rounds: number, options?: SimulationOptions): Simulation {
  const sim = new Simulation(config, options);
  let next = 0;
  for (;;) {
    while (next < log.length && log[next].round === sim.round) sim.apply(log[next++].action);
    if (sim.round >= rounds) break;
    sim.step();
  }
  return sim;
}
