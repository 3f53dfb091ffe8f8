import type { Action, LoggedAction, MessageBatch, RoundMetrics, SimConfig, TopologyName } from '../engine/types';
import type { InFlightBatch, LinkState } from '../view/frame-source';
import type { SpreadStats, WriteRecord } from './run-tracker';

export type { SpreadStats, WriteRecord };

/**
 * The messages between the page and the engine worker: one discriminated union per direction.
 * Every request that changes the run is answered by exactly one `frame` (or an `error`), so the
 * page paces the worker and the worker never runs ahead of what the page has drawn.
 */

/** Graphs up to this size get their messages recorded and animated. */
export const MESSAGE_RECORD_LIMIT = 500;

export interface EngineOptions {
  recordMessages: boolean;
  trackNodeStats: boolean;
}

export type ToWorker =
  /**
   * Builds a new run; answered by `ready` then a `frame` of round 0, or by `error`. The
   * `schedule` (a scenario's timeline) is run by the engine: round r's actions apply after round r.
   */
  | { type: 'init'; graphId: number; config: SimConfig; options: EngineOptions; schedule?: LoggedAction[] }
  /**
   * Replaces the timeline: the run is rebuilt with it and replayed up to `round`, so it stays
   * exactly what the configuration and the timeline make it. Answered by a frame.
   */
  | { type: 'schedule'; requestId: number; schedule: LoggedAction[]; round: number }
  /**
   * Runs `count` rounds (default 1) and answers with one frame of the last. While an earlier
   * round is shown, a step moves through the rounds already run (time travel) before it
   * computes new ones.
   */
  | { type: 'step'; requestId: number; count?: number }
  /**
   * Applies an action between rounds; answered by `actionResult` and a frame, or by `error`.
   * At an earlier round than the newest, the later rounds are discarded (a fork) and `future`,
   * when given, replaces the planned actions after this round.
   */
  | { type: 'apply'; requestId: number; action: Action; future?: LoggedAction[] }
  /** Shows an earlier round (0 ≤ round ≤ the newest) exactly as it was; answered by a frame. */
  | { type: 'seek'; requestId: number; round: number }
  /**
   * Discards every round after the shown one, so the run carries on from it; `future` replaces
   * the planned actions after it. Answered by a frame.
   */
  | { type: 'fork'; requestId: number; future: LoggedAction[] }
  /** Rebuilds the current run from its configuration and seed (round 0, empty log). */
  | { type: 'reset'; graphId: number }
  /** Which node's message counters ride along in every frame (the inspector's); answered by a frame. */
  | { type: 'watch'; node: number | null };

/** What the page needs to draw the graph; the typed arrays are transferred. */
export interface WireGraph {
  graphId: number;
  nodes: number;
  topology: TopologyName;
  offsets: Uint32Array | null;
  neighbors: Uint32Array | null;
  edges: number;
  components: number;
  largestComponent: number;
}

export interface WatchedStats {
  node: number;
  sent: number;
  received: number;
}

/** Why a frame was sent: the run was (re)built, a round ran, an action applied, the watched node changed. */
export type FrameCause = 'init' | 'step' | 'action' | 'watch' | 'schedule' | 'seek' | 'fork';

/** A scheduled action the run could not apply (a write at a node churn had crashed). */
export interface RejectedAction {
  round: number;
  action: Action;
  reason: string;
}

export interface WireFrame {
  graphId: number;
  cause: FrameCause;
  /** The round shown. */
  round: number;
  /** The newest round run so far; `round < last` while an earlier round is shown. */
  last: number;
  keys: number;
  versions: Uint32Array;
  latest: Uint32Array;
  alive: Uint8Array;
  group: Uint8Array;
  /** The round's messages (only for `step` frames of small graphs). */
  messages: MessageBatch | null;
  /**
   * The last round's message counts with the current `live` and `informed` (after any
   * action); zeros at round 0.
   */
  metrics: RoundMetrics;
  loss: number;
  partitioned: boolean;
  watched: WatchedStats | null;
  /** Rumor mongering: status[node·keys + key] (0 susceptible, 1 infective, 2 removed); null otherwise. */
  rumor: Uint8Array | null;
  /** Rumor mongering: no live node is infective and nothing is in flight. */
  rumorEnded: boolean;
  /** Messages still on their way after this frame (small graphs with delay only). */
  inFlight: InFlightBatch | null;
  /** Both directions of every pair of groups in use, while the network has groups or link loss. */
  links: LinkState[] | null;
  /**
   * A step of several rounds: the metrics of the new rounds before the one shown (oldest first),
   * so the page's history has every round. Empty otherwise.
   */
  between: RoundMetrics[];
  /** Scheduled actions the engine applied since the last frame (a step's timeline entries). */
  applied: LoggedAction[];
  /** Scheduled actions refused since the last frame. */
  rejected: RejectedAction[];
  /** Every write remembered, with its holders and reach. */
  writes: WriteRecord[];
  /** Per key: the newest version's spread (Demers' t_ave, t_last, traffic). */
  spread: SpreadStats[];
}

export type FromWorker =
  | { type: 'ready'; graph: WireGraph; config: SimConfig }
  | { type: 'frame'; frame: WireFrame }
  /** The action was applied after round `round` (the page records it into its timeline). */
  | { type: 'actionResult'; requestId: number; action: Action; round: number }
  /** A refused request (invalid action or configuration): the run is unchanged. */
  | { type: 'error'; requestId: number | null; message: string }
  /** Something broke inside the worker; the page offers a restart. */
  | { type: 'fatal'; message: string };

/** The buffers of a message that can be transferred instead of copied. */
export function transferables(msg: FromWorker): Transferable[] {
  switch (msg.type) {
    case 'ready': {
      const out: Transferable[] = [];
      if (msg.graph.offsets) out.push(msg.graph.offsets.buffer);
      if (msg.graph.neighbors) out.push(msg.graph.neighbors.buffer);
      return out;
    }
    case 'frame': {
      const f = msg.frame;
      const out: Transferable[] = [f.versions.buffer, f.latest.buffer, f.alive.buffer, f.group.buffer];
      if (f.rumor) out.push(f.rumor.buffer);
      for (const batch of [f.messages, f.inFlight]) {
        if (!batch) continue;
        for (const column of Object.values(batch)) if (ArrayBuffer.isView(column)) out.push(column.buffer as ArrayBuffer);
      }
      return out;
    }
    case 'actionResult':
    case 'error':
    case 'fatal':
      return [];
    default: {
      const unknown: never = msg;
      throw new Error(`unknown message ${JSON.stringify(unknown)}`);
    }
  }
}
