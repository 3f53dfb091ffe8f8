import type { RunSettings } from '../engine/setting-actions';
import type {
  MembershipConfig, MembershipMessageBatch, MembershipRoundMetrics, MembershipSummary, ResolvedMembershipConfig,
} from '../engine/membership';
import type { Action, LoggedAction, MessageBatch, RoundMetrics, SimConfig, TopologyName } from '../engine/types';
import type { SpreadTrace, TracePath } from '../engine/spread-trace';
import type { InFlightBatch, LinkState } from '../view/frame-source';
import type { RejectedAction } from './planned-run';
import type { SpreadStats, WriteRecord } from './run-tracker';

export type { RejectedAction, SpreadStats, WriteRecord };

/**
 * The messages between the page and the simulation worker: one discriminated union per
 * direction, for every model. A run is of one model — `spread` (push, pull, rumor mongering,
 * anti-entropy) or `membership` (SWIM, heartbeat failure detection) — named when it is built;
 * every other request is the same for both. Every request that changes the run is answered by
 * exactly one `frame` (or an `error`), so the page paces the worker and the worker never runs
 * ahead of what the page has drawn.
 */

/** Graphs up to this size get their messages recorded and animated. */
export const MESSAGE_RECORD_LIMIT = 500;

export interface EngineOptions {
  recordMessages: boolean;
  /** Also measures the busiest node's load (RoundMetrics.busiestSent). */
  trackNodeStats: boolean;
  /** Record who told whom (the page's path and spread tree). */
  traceSpread?: boolean;
}

/** Clusters up to this size keep every round's messages for the space-time diagram (a lane per node). */
export const SPACE_TIME_LIMIT = 40;

/**
 * Rounds of messages for the space-time diagram, sent only when they changed since the last
 * frame: `rounds[i]` holds round `since + i`'s messages; the page drops what it holds after `last`.
 */
export interface SpaceTimeLog {
  since: number;
  last: number;
  rounds: MessageBatch[];
}

/**
 * Builds a new run; answered by `ready` then a `frame` of round 0, or by `error`. The
 * `schedule` (a scenario's timeline) is run by the worker: round r's actions apply after round r.
 */
export type InitRequest =
  | { type: 'init'; model: 'spread'; graphId: number; config: SimConfig; options: EngineOptions; schedule?: LoggedAction[] }
  | { type: 'init'; model: 'membership'; graphId: number; config: MembershipConfig; schedule?: LoggedAction[] };

export type ToWorker =
  | InitRequest
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
  /**
   * Which node's details ride along in every frame (the inspector's: message counters, or a
   * membership table), whether the n × n belief matrix does, and which key a spreading run's
   * compact frames describe (`key`, kept when absent); answered by a frame.
   */
  | { type: 'watch'; node: number | null; matrix?: boolean; tree?: boolean; spaceTime?: boolean; key?: number }
  /** Membership: runs the same scenario once per variant, off the live run; answered by `comparison` or `error`. */
  | { type: 'compare'; requestId: number; config: MembershipConfig; schedule: LoggedAction[]; rounds: number; variants: CompareVariant[] };

export interface CompareVariant {
  label: string;
  swim?: MembershipConfig['swim'];
  heartbeat?: MembershipConfig['heartbeat'];
}

export interface ComparisonSeries {
  label: string;
  /** Per round 1..rounds: (live observer, live subject) pairs held dead or forgotten. */
  wronglyDead: number[];
  summary: MembershipSummary;
}

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

/** The watched node's versions (every key), for frames that carry no `versions` (compact frames). */
export interface WatchedState {
  node: number;
  versions: number[];
}

/** What a run's time travel holds: its checkpoints, their approximate bytes and the rounds between them. */
export interface HeldState {
  checkpoints: number;
  bytes: number;
  spacing: number;
}

/** A compact frame's byte per node: the version held of the shown key (bits 0–1) … */
export const DENSE_NONE = 0, DENSE_OLDER = 1, DENSE_NEWEST = 2, DENSE_VERSION_MASK = 3;
/** … and, for rumor mongering, 1 + the node's status (bits 2–3: 1 susceptible, 2 infective, 3 removed). */
export const DENSE_RUMOR_SHIFT = 2;

/** Why a frame was sent: the run was (re)built, a round ran, an action applied, the watched node changed. */
export type FrameCause = 'init' | 'step' | 'action' | 'watch' | 'schedule' | 'seek' | 'fork';

/** What every model's frame carries: which run and round, the truth about nodes and network, the timeline's news. */
export interface FrameBase {
  graphId: number;
  cause: FrameCause;
  /** The round shown. */
  round: number;
  /** The newest round run so far; `round < last` while an earlier round is shown. */
  last: number;
  /** The truth: 1 = up. */
  alive: Uint8Array;
  /** Partition group per node (0 when the network is whole). */
  group: Uint8Array;
  loss: number;
  /** Messages between groups are blocked somewhere. */
  partitioned: boolean;
  /** Scheduled actions the run applied since the last frame (a step's timeline entries). */
  applied: LoggedAction[];
  /** Scheduled actions refused since the last frame. */
  rejected: RejectedAction[];
}

/** A frame of a spreading run. */
export interface SpreadFrame extends FrameBase {
  model: 'spread';
  keys: number;
  /** versions[node·keys + key]; empty in a compact frame (`dense`). */
  versions: Uint32Array;
  latest: Uint32Array;
  /**
   * Runs past DENSITY_THRESHOLD nodes (engine/limits.ts): one byte per node for the watched
   * key (DENSE_*) instead of `versions` (empty) and `rumor` (null) — 1 MB at 10^6 nodes where
   * the versions alone are 4 MB per key. Null for smaller runs.
   */
  dense: Uint8Array | null;
  /** The watched node's versions, when a node is watched. */
  watchedState: WatchedState | null;
  /** What the timeline holds (the status line says it for large runs). */
  held: HeldState;
  /** The round's messages (only for `step` frames of small graphs). */
  messages: MessageBatch | null;
  /**
   * The last round's message counts with the current `live` and `informed` (after any
   * action); zeros at round 0.
   */
  metrics: RoundMetrics;
  watched: WatchedStats | null;
  /** Rumor mongering: status[node·keys + key] (0 susceptible, 1 infective, 2 removed); null otherwise. */
  rumor: Uint8Array | null;
  /** Rumor mongering: no live node is infective and nothing is in flight. */
  rumorEnded: boolean;
  /**
   * A played round after which no key's newest version can reach anyone more as things stand
   * (Simulation.canStillSpread: a disconnected graph, every holder crashed, loss 1, a cut);
   * false on other frames. With no action to come, the run has nothing left to do.
   */
  stuck: boolean;
  /** Messages still on their way after this frame (small graphs with delay only). */
  inFlight: InFlightBatch | null;
  /** Both directions of every pair of groups in use, while the network has groups or link loss. */
  links: LinkState[] | null;
  /**
   * A step of several rounds: the metrics of the new rounds before the one shown (oldest first),
   * so the page's history has every round. Empty otherwise.
   */
  between: RoundMetrics[];
  /** Every write remembered, with its holders and reach. */
  writes: WriteRecord[];
  /** Fanout, delay and rumor k in force for the next round (setting actions change them mid-run). */
  settings: RunSettings;
  /** Per key: the newest version's spread (Demers' t_ave, t_last, traffic). */
  spread: SpreadStats[];
  /** Who told the watched node, per key: the path from the writer (traced runs with a watched node). */
  paths: TracePath[] | null;
  /** Who told whom, every node and key: only while the page shows the spread tree. */
  trace: SpreadTrace | null;
  /** The space-time diagram's messages (small clusters, while it is shown), only the rounds that changed. */
  spaceTime: SpaceTimeLog | null;
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

/** A frame of a membership run. */
export interface MembershipFrame extends FrameBase {
  model: 'membership';
  /** Live observers holding this live node dead or forgotten (0 for crashed nodes). */
  wronglyDead: Uint32Array;
  /** Live observers holding this crashed node alive or suspect (0 for live nodes). */
  wronglyAlive: Uint32Array;
  /** Live observers holding this node suspect. */
  suspected: Uint32Array;
  /** The shown round's metrics (null at round 0). */
  metrics: MembershipRoundMetrics | null;
  /** A step of several rounds: the metrics of the new rounds before the one shown (oldest first). */
  between: MembershipRoundMetrics[];
  summary: MembershipSummary;
  /** The round's messages, for clusters small enough to animate (step and seek frames). */
  messages: MembershipMessageBatch | null;
  table: NodeTable | null;
  matrix: WireMatrix | null;
}

export type WireFrame = SpreadFrame | MembershipFrame;

export type FromWorker =
  | { type: 'ready'; model: 'spread'; graph: WireGraph; config: SimConfig }
  | { type: 'ready'; model: 'membership'; graph: WireGraph; config: ResolvedMembershipConfig; stateBytes: number }
  | { type: 'frame'; frame: WireFrame }
  | { type: 'comparison'; requestId: number; series: ComparisonSeries[] }
  /** The action was applied after round `round` (the page records it into its timeline). */
  | { type: 'actionResult'; requestId: number; action: Action; round: number }
  /** A refused request (invalid action or configuration): the run is unchanged. */
  | { type: 'error'; requestId: number | null; message: string }
  /** Something broke inside the worker; the page offers a restart. */
  | { type: 'fatal'; message: string };

function buffersOf(obj: object | null): Transferable[] {
  if (!obj) return [];
  const out: Transferable[] = [];
  for (const v of Object.values(obj)) if (ArrayBuffer.isView(v)) out.push(v.buffer as ArrayBuffer);
  return out;
}

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
      // Every typed array of a frame is the frame's own copy: transfer them all.
      const f = msg.frame;
      const parts: (object | null)[] = f.model === 'spread'
        ? [f, f.messages, f.inFlight, f.trace, ...(f.spaceTime?.rounds ?? [])]
        : [f, f.messages, f.table, f.matrix];
      return parts.flatMap(buffersOf);
    }
    case 'comparison':
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
