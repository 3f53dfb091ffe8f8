import { copyColumns, setColumns } from '../columns';
import { replayInto } from '../replay';
import { ConfigError } from '../config';
import { Rng, type RngState } from '../prng';
import type { Action, LoggedAction } from '../types';
import { membershipConfigProblems, resolveMembershipConfig } from './config';
import type { DetectionState } from './detection';
import { HeartbeatEngine, type HeartbeatSnapshot } from './heartbeat';
import { crashNode, recoverNode } from './lifecycle';
import { checkLoss, checkNode } from '../network-actions';
import { MembershipNet } from './network';
import { SwimEngine, type SwimEngineSnapshot } from './swim';
import {
  ALIVE, DEAD, SUSPECT, UNKNOWN,
  type MembershipConfig, type MembershipMessageBatch, type MembershipRoundMetrics, type MembershipSummary,
  type MembershipView, type ResolvedMembershipConfig,
} from './types';
import { ViewTable, type ViewTableState } from './view-table';

export interface MembershipOptions {
  /** Log every message of each round (for animating small clusters). */
  recordMessages?: boolean;
}

/** The network's arrays a snapshot copies whole. */
const NET_SAVED = ['alive', 'group', 'blocked'] as const;

/** Everything needed to put a membership run back exactly where it was. */
export interface MembershipSnapshot extends Pick<MembershipNet, (typeof NET_SAVED)[number]> {
  round: number;
  rng: RngState;
  partitioned: boolean;
  loss: number;
  liveCount: number;
  table: ViewTableState;
  engine: SwimEngineSnapshot | HeartbeatSnapshot;
  detection: DetectionState;
  logLength: number;
}

/** Largest cluster for which `viewMatrix` answers (the page draws it as an n × n grid). */
export const VIEW_MATRIX_MAX_NODES = 100;

/**
 * One deterministic membership run: "who is alive?" answered by heartbeat gossip (Cassandra)
 * or SWIM (memberlist). Every node holds a belief about every node; crashes, restarts, loss and
 * partitions are applied between rounds, and the metrics say how fast crashes are noticed and
 * how often live nodes are wrongly declared dead.
 *
 * @example
 *   const sim = new MembershipSimulation({ protocol: 'swim', nodes: 200, seed: 7, loss: 0.05 });
 *   sim.apply({ type: 'crash', node: 3 });
 *   for (let r = 0; r < 30; r++) sim.step().detections.forEach((d) => console.log(d.kind, d.latency));
 *   sim.view(0, 3); // { state: 'dead', incarnation: 0 }
 */
export class MembershipSimulation {
  readonly config: ResolvedMembershipConfig;
  readonly log: LoggedAction[] = [];
  round = 0;
  private readonly rng: Rng;
  private readonly net: MembershipNet;
  private readonly table: ViewTable;
  private readonly engine: SwimEngine | HeartbeatEngine;

  constructor(config: MembershipConfig, options: MembershipOptions = {}) {
    const problems = membershipConfigProblems(config);
    if (problems.length > 0) throw new ConfigError(problems);
    this.config = resolveMembershipConfig(config);
    const c = this.config;
    this.rng = new Rng(c.seed);
    this.net = new MembershipNet(c.nodes, this.rng, options.recordMessages ?? false);
    this.net.loss = c.loss;
    this.table = new ViewTable(c.nodes, this.net.alive);
    this.engine = c.protocol === 'swim'
      ? new SwimEngine(this.table, this.net, this.rng, c.swim)
      : new HeartbeatEngine(this.table, this.net, this.rng, c.heartbeat);
  }

  /** The messages of the last round, or null when recording is off. */
  get messages(): MembershipMessageBatch | null {
    return this.net.messages;
  }

  /** The truth: 1 for nodes that are up. Read only. */
  get alive(): Uint8Array {
    return this.net.alive;
  }

  get liveCount(): number {
    return this.net.liveCount;
  }

  /** Partition group per node (0 when the network is whole). Read only. */
  get group(): Uint8Array {
    return this.net.group;
  }

  /** Messages between groups are blocked somewhere. */
  get partitioned(): boolean {
    return this.net.partitioned;
  }

  /** The packet loss in force (the configured one, or the last setLoss). */
  get loss(): number {
    return this.net.loss;
  }

  /** Runs one round (one protocol period) and returns its metrics. */
  step(): MembershipRoundMetrics {
    const net = this.net;
    const tracker = this.table.tracker;
    this.round++;
    this.table.round = this.round;
    tracker.begin(this.round);
    net.begin();
    this.engine.round(this.round);
    tracker.end(net.sent, net.bytes, net.liveCount);
    const { wronglyDead, wronglyAlive } = this.wrongTotals();
    return {
      round: this.round,
      live: net.liveCount,
      sent: net.sent,
      delivered: net.delivered,
      droppedLoss: net.droppedLoss,
      droppedPartition: net.droppedPartition,
      droppedDead: net.droppedDead,
      bytes: net.bytes,
      sentByKind: Array.from(net.sentByKind),
      suspicions: tracker.suspicions,
      declaredDead: tracker.declaredDead,
      falsePositives: tracker.falsePositives,
      refutations: tracker.refutations,
      wronglyDead,
      wronglyAlive,
      detections: tracker.events,
    };
  }

  /**
   * Applies an action before the next round and logs it: crash, recover (a restart: new
   * generation / higher incarnation), setLoss, partition, heal. Throws an Error with a message
   * fit for the user, and changes nothing, when the action is invalid.
   */
  apply(action: Action): void {
    const n = this.config.nodes;
    const net = this.net;
    switch (action?.type) {
      case 'crash':
        checkNode(n, action.node);
        crashNode(this.table, net, action.node, this.round);
        break;
      case 'recover':
        checkNode(n, action.node);
        recoverNode(this.table, net, this.engine, action.node, this.round);
        break;
      case 'setLoss':
        checkLoss(action.p);
        net.loss = action.p;
        break;
      case 'partition':
        net.partition(action.groups);
        break;
      case 'isolate':
        net.isolate(action.nodes);
        break;
      case 'heal':
        net.heal();
        break;
      case 'write':
        throw new Error('membership runs have no keys to write: use crash, recover, setLoss, partition, isolate or heal');
      case 'pickPeers':
        throw new Error('membership runs pick their probes themselves: use crash, recover, setLoss, partition, isolate or heal');
      case 'setFanout':
      case 'setDelay':
      case 'setRumorK':
        throw new Error(`membership runs have no ${action.type === 'setRumorK' ? 'rumor k' : action.type === 'setFanout' ? 'fanout' : 'delay'} to set: use crash, recover, setLoss, partition, isolate or heal`);
      default:
        throw new Error(`unknown action ${JSON.stringify(action)}`);
    }
    this.log.push({ round: this.round, action: structuredClone(action) });
  }

  /** What `observer` currently believes about `subject`. */
  view(observer: number, subject: number): MembershipView {
    checkNode(this.config.nodes, observer);
    checkNode(this.config.nodes, subject);
    return this.engine.view(observer, subject);
  }

  /**
   * Per subject, how many live observers are wrong about it: holding a live node dead (or
   * having forgotten it), or holding a crashed node alive or suspect.
   */
  wrongCounts(): { wronglyDead: Uint32Array; wronglyAlive: Uint32Array } {
    const n = this.config.nodes;
    const c = this.table.subjectCount;
    const alive = this.net.alive;
    const wronglyDead = new Uint32Array(n);
    const wronglyAlive = new Uint32Array(n);
    for (let s = 0; s < n; s++) {
      if (alive[s] === 1) wronglyDead[s] = c[DEAD * n + s] + c[UNKNOWN * n + s];
      else wronglyAlive[s] = c[ALIVE * n + s] + c[SUSPECT * n + s];
    }
    return { wronglyDead, wronglyAlive };
  }

  /** Live observers holding `subject` in each state: [unknown, alive, suspect, dead]. */
  beliefCounts(subject: number): [number, number, number, number] {
    checkNode(this.config.nodes, subject);
    const n = this.config.nodes;
    const c = this.table.subjectCount;
    return [c[subject], c[n + subject], c[2 * n + subject], c[3 * n + subject]];
  }

  /**
   * A copy of every belief, `[observer·n + subject]` = index into VIEW_STATES, for clusters of
   * at most VIEW_MATRIX_MAX_NODES nodes; null for bigger ones.
   */
  viewMatrix(): Uint8Array | null {
    return this.config.nodes <= VIEW_MATRIX_MAX_NODES ? this.table.status.slice() : null;
  }

  summary(): MembershipSummary {
    const { liveNodeRounds, ...counts } = this.table.tracker.totals;
    const nodeRounds = Math.max(1, liveNodeRounds);
    return {
      rounds: this.round,
      crashes: this.table.tracker.crashes.map((c) => ({ ...c })),
      ...counts,
      messagesPerNodeRound: counts.sent / nodeRounds,
      bytesPerNodeRound: counts.bytes / nodeRounds,
    };
  }

  private wrongTotals(): { wronglyDead: number; wronglyAlive: number } {
    const { wronglyDead, wronglyAlive } = this.wrongCounts();
    const sum = (counts: Uint32Array): number => counts.reduce((total, c) => total + c, 0);
    return { wronglyDead: sum(wronglyDead), wronglyAlive: sum(wronglyAlive) };
  }

  snapshot(): MembershipSnapshot {
    const net = this.net;
    return {
      round: this.round,
      rng: this.rng.getState(),
      ...copyColumns(net, NET_SAVED),
      partitioned: net.partitioned,
      loss: net.loss,
      liveCount: net.liveCount,
      table: this.table.save(),
      engine: this.engine.save(),
      detection: this.table.tracker.save(),
      logLength: this.log.length,
    };
  }

  /** Returns to a snapshot of this same run; the log is cut back to what it held then. */
  restore(s: MembershipSnapshot): void {
    const net = this.net;
    this.round = s.round;
    this.table.round = s.round;
    this.rng.setState(s.rng);
    setColumns(net, s, NET_SAVED);
    net.partitioned = s.partitioned;
    net.loss = s.loss;
    net.liveCount = s.liveCount;
    this.table.load(s.table);
    if (this.engine instanceof SwimEngine) this.engine.load(s.engine as SwimEngineSnapshot);
    else this.engine.load(s.engine as HeartbeatSnapshot);
    this.table.tracker.load(s.detection);
    this.log.length = s.logLength;
  }
}

/**
 * Rebuilds a run from its configuration and action log, up to `rounds` rounds. Actions logged
 * at round r are applied after round r, exactly as they were live.
 */
export function replayMembership(config: MembershipConfig, log: readonly LoggedAction[], rounds: number, options?: MembershipOptions): MembershipSimulation {
  return replayInto(new MembershipSimulation(config, options), log, rounds);
}
