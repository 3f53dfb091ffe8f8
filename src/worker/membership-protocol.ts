import type {
  MembershipConfig, MembershipMessageBatch, MembershipRoundMetrics, MembershipSummary, ResolvedMembershipConfig,
} from '../engine/membership';
import type { Action, LoggedAction } from '../engine/types';

/**
 * The messages between the membership page and its worker: one discriminated union per
 * direction, like protocol.ts for dissemination but separate, so the two modes never share a
 * run. Every request that changes the run (init, step, apply, watch) is answered by exactly one
 * `frame` or one `error`, so the page paces the worker.
 */

/** Clusters up to this size get their messages recorded and animated by kind. */
export const MEMBERSHIP_ANIMATE_LIMIT = 200;

export type ToMembershipWorker =
  /** Builds a run; answered by `ready` and a frame of round 0, or by `error`. Round r's `schedule` entries apply after round r. */
  | { type: 'init'; runId: number; config: MembershipConfig; schedule: LoggedAction[] }
  /** Runs `count` rounds (default 1); answered by one frame of the last. */
  | { type: 'step'; requestId: number; count?: number }
  /** Applies an action between rounds; answered by `actionResult` and a frame, or by `error`. */
  | { type: 'apply'; requestId: number; action: Action }
  /** Which node's membership table rides along in frames, and whether the n × n matrix does; answered by a frame. */
  | { type: 'watch'; node: number | null; matrix: boolean }
  /** Runs the same scenario once per variant, off the live run; answered by `comparison` or `error`. */
  | { type: 'compare'; requestId: number; config: MembershipConfig; schedule: LoggedAction[]; rounds: number; variants: CompareVariant[] };

export interface CompareVariant {
  label: string;
  swim?: MembershipConfig['swim'];
  heartbeat?: MembershipConfig['heartbeat'];
}

/** One observer's whole table (`view(o, s)` for every s), struct-of-arrays; -1 / NaN where a field does not apply. */
export interface NodeTable {
  node: number;
  /** Index into VIEW_STATES. */
  state: Uint8Array;
  /** SWIM: incarnation known; heartbeat: generation known. */
  incarnation: Int32Array;
  /** Heartbeat: version known (-1 for SWIM or none). */
  version: Int32Array;
  /** Heartbeat: round the heartbeat last advanced at the observer (-1 for SWIM). */
  lastAdvanced: Int32Array;
  /** Heartbeat with phi: current phi (NaN otherwise). */
  phi: Float32Array;
}

/** The n × n beliefs, row = observer, column = subject (clusters of at most VIEW_MATRIX_MAX_NODES). */
export interface WireMatrix {
  nodes: number;
  /** Index into VIEW_STATES at [observer·n + subject]. */
  state: Uint8Array;
  /** SWIM incarnation or heartbeat generation, -1 when unknown. */
  a: Int32Array;
  /** Heartbeat version, -1 for SWIM or unknown. */
  b: Int32Array;
}

export type MembershipFrameCause = 'init' | 'step' | 'action' | 'watch';

export interface MembershipWireFrame {
  runId: number;
  cause: MembershipFrameCause;
  round: number;
  /** The truth: 1 = up. */
  alive: Uint8Array;
  /** Partition group per node (0 when the network is whole). */
  group: Uint8Array;
  /** Live observers holding this live node dead or forgotten (0 for crashed nodes). */
  wronglyDead: Uint32Array;
  /** Live observers holding this crashed node alive or suspect (0 for live nodes). */
  wronglyAlive: Uint32Array;
  /** Live observers holding this node suspect. */
  suspected: Uint32Array;
  /** The last round's metrics (null at round 0 and after a rebuild). */
  metrics: MembershipRoundMetrics | null;
  summary: MembershipSummary;
  /** The last round's messages, for clusters small enough to animate (step frames only). */
  messages: MembershipMessageBatch | null;
  loss: number;
  partitioned: boolean;
  table: NodeTable | null;
  matrix: WireMatrix | null;
  /** Timeline entries the run applied since the last frame. */
  applied: LoggedAction[];
  /** Timeline entries refused since the last frame, with the reason. */
  rejected: { round: number; action: Action; reason: string }[];
}

export interface ComparisonSeries {
  label: string;
  /** Per round 1..rounds: (live observer, live subject) pairs held dead or forgotten. */
  wronglyDead: number[];
  summary: MembershipSummary;
}

export type FromMembershipWorker =
  | { type: 'ready'; runId: number; config: ResolvedMembershipConfig; stateBytes: number }
  | { type: 'frame'; frame: MembershipWireFrame }
  | { type: 'actionResult'; requestId: number; action: Action; round: number }
  | { type: 'comparison'; requestId: number; series: ComparisonSeries[] }
  /** A refused request: the run is unchanged. */
  | { type: 'error'; requestId: number | null; message: string }
  /** Something broke inside the worker; the page offers a restart. */
  | { type: 'fatal'; message: string };

function buffersOf(obj: object | null): Transferable[] {
  if (!obj) return [];
  const out: Transferable[] = [];
  for (const v of Object.values(obj)) if (ArrayBuffer.isView(v)) out.push(v.buffer as ArrayBuffer);
  return out;
}

/** The buffers of a message that can be transferred instead of copied (each is the message's own copy). */
export function membershipTransferables(msg: FromMembershipWorker): Transferable[] {
  switch (msg.type) {
    case 'frame': {
      const f = msg.frame;
      return [
        f.alive.buffer, f.group.buffer, f.wronglyDead.buffer, f.wronglyAlive.buffer, f.suspected.buffer,
        ...buffersOf(f.messages), ...buffersOf(f.table), ...buffersOf(f.matrix),
      ] as Transferable[];
    }
    case 'ready':
    case 'actionResult':
    case 'comparison':
    case 'error':
    case 'fatal':
      return [];
    default: {
      const unknown: never = msg;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
}
