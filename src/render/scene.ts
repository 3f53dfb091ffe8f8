import type { Packed } from './colors';
import type { CutMark } from './cut-marks';
import type { Flights } from './flights';
import type { Positions } from './geometry';
import type { PackedLooks } from './model-looks';
import type { NodeStyle } from '../view/frame-source';
import type { TraceHighlight } from '../view/trace-highlight';
import type { RenderColors } from './render-theme';
import type { Transform } from './view-transform';

/** Everything one frame shows, in world coordinates plus the view transform. */
export interface Scene {
  colors: RenderColors;
  pos: Positions;
  transform: Transform;
  /** Undirected links in a shuffled order, so a partly drawn link layer is a fair sample. */
  edges: EdgeList;
  /** Link alpha 0–255 for this graph and zoom (level of detail). */
  linkAlpha: number;
  /** Changes whenever the static layer (background, regions, links) must be redrawn. */
  staticKey: number;
  hulls: Hull[];
  /** KNOWS_* per node. */
  states: Uint8Array;
  alive: Uint8Array | null;
  group: Uint8Array | null;
  selected: number | null;
  /** Node radius in CSS px. */
  nodeRadius: number;
  /** Messages on screen (this round's and those still in flight), or null. */
  messages: Flights | null;
  /** 0–1 through the current round's animation. */
  progress: number;
  /**
   * Reduced motion: null animates messages along their paths; a number (0–1) is the opacity of
   * messages drawn still, half way through their part of the round (a fade instead of a flight).
   */
  fade: number | null;
  /** Complete graph: no links are drawn, so a flying message shows its path. */
  showMessagePaths: boolean;
  /** Node ids as text (small graphs, zoomed in). */
  labels: boolean;
  /** Size of the id labels, CSS px (follows the node radius). */
  labelPx: number;
  /** Labels go outward from this world point (a circle's centre) instead of above the node; null = above. */
  labelCentre: [number, number] | null;
  /** A split line being dragged, in CSS px. */
  splitLine: [number, number, number, number] | null;
  /** A lasso being drawn: x0, y0, x1, y1, … in CSS px. */
  lassoPath: readonly number[] | null;
  /** Rumor mongering: per node 0 susceptible, 1 infective (drawn with a ring), 2 removed. */
  rumor: Uint8Array | null;
  /** One-way cuts and lossy links between groups. */
  cuts: CutMark[];
  /**
   * A model's own node colouring (membership) and its packed palette; both null for
   * dissemination, whose nodes show `states` and `rumor`. Message kinds then come from `looks`.
   */
  style: NodeStyle | null;
  looks: PackedLooks | null;
  hint: string | null;
  /** Who told whom, drawn over the nodes (trace-layer.ts); null for nothing. */
  trace?: TraceHighlight | null;
}

export interface EdgeList {
  count: number;
  a: Uint32Array;
  b: Uint32Array;
}

export interface Hull {
  color: Packed;
  /** Vertices in world coordinates. */
  points: [number, number][];
}

/**
 * One way of putting a scene on screen. The Canvas 2D + pixel-buffer backend is the one we
 * ship (fastest where there is no GPU); a WebGL backend would implement the same three calls.
 */
export interface RenderBackend {
  resize(cssWidth: number, cssHeight: number, dpr: number): void;
  /** Draws a frame; returns true while background work (the link layer) is unfinished. */
  draw(scene: Scene, budgetMs: number): boolean;
  destroy(): void;
}
