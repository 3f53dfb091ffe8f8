import type { MessageBatch, RoundMetrics, TopologyName } from '../engine/types';
import type { TraceHighlight } from './trace-highlight';

/**
 * The contract between the page's state (src/store) and the canvas renderer (src/render):
 * per-round arrays change up to 60 times a second, so the renderer pulls them from a
 * FrameSource in its own animation loop instead of receiving them through React renders.
 */

/** The graph being drawn; `id` changes whenever the run is rebuilt (reset, new config). */
export interface GraphSpec {
  id: number;
  nodes: number;
  topology: TopologyName;
  /** CSR adjacency, or null for the implicit complete graph (no links to draw). */
  offsets: Uint32Array | null;
  neighbors: Uint32Array | null;
  /** Node discs relative to the layout's spacing (default 1): a model that draws no links can afford bigger ones. */
  nodeScale?: number;
  /** Id labels pushed outward from the layout's centre instead of above each node (a circle's neighbours sit above one another). */
  labelsOutward?: boolean;
  /** Complete graphs: number the sunflower's spots by angle, so halves by id are the right and the left. */
  idsByAngle?: boolean;
}

/** The state of every node after one round, as the worker sent it. */
export interface NodeFrame {
  graphId: number;
  round: number;
  keys: number;
  /** versions[node * keys + key]; 0 = knows nothing. Empty when the frame is compact (`dense`). */
  versions: Uint32Array;
  /**
   * Large runs (the density view): one byte per node for the shown key — the version held in
   * bits 0–1 (0 none, 1 older, 2 newest), 1 + rumor status in bits 2–3 — instead of `versions`.
   */
  dense?: Uint8Array | null;
  /** Newest written version per key. */
  latest: Uint32Array;
  alive: Uint8Array;
  group: Uint8Array;
  /** This round's messages, for graphs small enough to animate them (else null). */
  messages: MessageBatch | null;
  metrics: RoundMetrics;
  /**
   * Rumor mongering, per node for the shown key: 0 susceptible (never informed), 1 infective
   * (still spreading), 2 removed (lost interest); null for the other protocols.
   * (Optional only so that older test fixtures still type-check.)
   */
  rumor?: Uint8Array | null;
  /** Messages still on their way after this frame (delay > 1), for animated graphs; else null. */
  inFlight?: InFlightBatch | null;
  /** Both directions between every pair of groups in use; null while the network has no groups. */
  links?: LinkState[] | null;
  /**
   * Per-node style indices chosen by the model; null (or absent) for dissemination, which the
   * renderer colours by version and rumor status itself. With a style, `looks` says what the
   * indices mean and `summary` describes the frame in words.
   */
  style?: NodeStyle | null;
  /** The model's palette and message table; one shared object, so the renderer packs it once. */
  looks?: ModelLooks | null;
  /** The frame in a sentence or two, for the graph's aria-description (styled frames only). */
  summary?: string | null;
}

/**
 * A model's own colouring (membership: how many observers are wrong about a node). Indices,
 * not colours, travel per frame: the renderer packs the palette once per theme.
 */
export interface NodeStyle {
  /** Index into `NodeLooks.fill` (live node's disc) and `NodeLooks.crashed` (crashed node's outline and cross). */
  fill: Uint8Array;
  /** Index into `NodeLooks.ring`: a dashed ring around the node; 0 draws none. */
  ring: Uint8Array;
}

/** One theme's colours for styled nodes ('#RRGGBB'). */
export interface NodeLooks {
  fill: readonly string[];
  crashed: readonly string[];
  /** Entry 0 is never drawn (no ring). */
  ring: readonly string[];
  /** Edge around every live disc and under coloured crashed outlines (pale fills on a pale background). */
  outline: string;
  selected: string;
}

export type MessageShape = 'circle' | 'square' | 'diamond' | 'triangle';

/** How one message kind flies: its colour, head and the part of the round it uses. */
export interface MessageKindLook {
  label: string;
  color: string;
  shape: MessageShape;
  /** Head size relative to the default dot. */
  size: number;
  /** Dash pattern of its path in px (on, off, …; empty = solid), as in the legend. */
  dash: readonly number[];
  /** [start, end) of a round, as fractions: a probe's messages follow one another. */
  phase: readonly [number, number];
  /** A message whose `useful` flag is set carries a payload (piggybacked updates): ringed head. */
  ringWhenUseful: boolean;
}

export interface ModelLooks {
  nodes: { light: NodeLooks; dark: NodeLooks };
  /** Indexed by the frame's message `kind`; dropped messages are drawn as for dissemination. */
  messages: readonly MessageKindLook[];
}

/** Messages sent but not yet received, struct-of-arrays; one may still die in its deliverRound if its receiver crashed. */
export type InFlightBatch = Pick<MessageBatch, 'count' | 'from' | 'to' | 'kind' | 'sentRound' | 'deliverRound'>;

/** One direction of the link between two partition groups. */
export interface LinkState {
  from: number;
  to: number;
  /** Every message from `from` to `to` is dropped. */
  blocked: boolean;
  /** Extra loss on this direction, 0–1. */
  loss: number;
}

export interface FrameSource {
  /** Calls `listener` whenever the graph, the frame, the selection or the shown key changes. */
  subscribe(listener: () => void): () => void;
  graph(): GraphSpec | null;
  frame(): NodeFrame | null;
  selected(): number | null;
  /** Which key the colours show. */
  shownKey(): number;
  /** Milliseconds between two rounds at the current speed (how long a message takes to fly). */
  roundDurationMs(): number;
  /** Who-told-whom lines over the graph (path, spread tree, hovered message); absent or null for none. */
  highlight?(): TraceHighlight | null;
}
