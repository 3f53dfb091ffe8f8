import type { FrameSource, GraphSpec, NodeFrame } from '../view/frame-source';
import { createCanvas2dBackend } from './canvas2d-backend';
import { edgeList, labelPx, linkAlpha, nodeRadius, radiusCap, totalLinkLength } from './edges';
import { cutMarks, type CutMark } from './cut-marks';
import { emptyFlights, flightsFromInFlight, nextFlights, type Flights } from './flights';
import { angularSectors, boundsOf, medianSplit, type Bounds, type Positions } from './geometry';
import { groupHulls, sameBytes } from './group-hulls';
import { nearestNode } from './hit-test';
import { SPACING, emptyPositions } from './initial-layout';
import { createLayoutRunner, type LayoutRunner } from './layout-runner';
import { createLooksCache } from './model-looks';
import { computeKnowsAny, computeNodeStates } from './node-state';
import type { RenderColors, ThemeName } from './render-theme';
import type { EdgeList, Hull, RenderBackend, Scene } from './scene';
import { describeGraph } from './summary';
import type { Transform } from './view-transform';
import { i18next } from '../i18n';

export type RenderMode = 'select' | 'split' | 'lasso';

export interface RendererCallbacks {
  onSelect(node: number | null): void;
  onToggleCrash(node: number): void;
  onSplit(sides: [number[], number[]]): void;
  onCancelSplit?(): void;
  /** A lasso was closed: the nodes inside it (maybe none). */
  onLasso?(nodes: number[]): void;
  /** A one-sentence description of the graph's state, whenever it changes. */
  onSummary?(text: string): void;
}

export interface GraphRendererOptions {
  source: FrameSource;
  theme: ThemeName;
  mode: RenderMode;
  callbacks: RendererCallbacks;
  /** Element that receives keyboard input (defaults to the canvas). */
  keyTarget?: HTMLElement;
  /** How scenes reach the screen; the Canvas 2D pixel backend unless given (WebGL, tests). */
  backend?: RenderBackend;
}

export interface GraphRenderer {
  setSource(source: FrameSource): void;
  setTheme(theme: ThemeName): void;
  setMode(mode: RenderMode): void;
  setCallbacks(callbacks: RendererCallbacks): void;
  resize(cssWidth: number, cssHeight: number, dpr: number): void;
  zoomBy(factor: number): void;
  fitToView(): void;
  splitHalves(): [number[], number[]];
  /** k groups of the drawing, cut like a pie (see angularSectors). */
  splitInto(k: number): number[][];
  toPngBlob(): Promise<Blob>;
  destroy(): void;
}

/**
 * What the renderer (adaptive-renderer.ts) shares with the drawing it shows: the page's
 * settings, the canvas's size, the view the user pans and zooms, and the gesture being drawn.
 * The renderer writes it; a drawing only reads it.
 */
export interface RendererView {
  readonly canvas: HTMLCanvasElement;
  readonly source: FrameSource;
  readonly theme: ThemeName;
  readonly colors: RenderColors;
  readonly mode: RenderMode;
  readonly callbacks: RendererCallbacks;
  /** The canvas's size in CSS px, and device pixels per CSS px. */
  readonly cssW: number;
  readonly cssH: number;
  readonly dpr: number;
  readonly transform: Transform;
  /** A split line being dragged, in CSS px. */
  readonly splitLine: [number, number, number, number] | null;
  /** A lasso being drawn: x0, y0, x1, y1, … in CSS px. */
  readonly lassoPath: number[] | null;
  /** Asks for an animation frame. */
  request(): void;
  /** Fits `bounds` (world units) into the canvas with `margin` CSS px around it; a view the user moved stays put. */
  fitView(bounds: Bounds, margin: number): void;
  /** A new graph: the view follows its layout again, whatever the user did to the last one. */
  resetView(): void;
  /** Counts a frame drawn (the canvas's data-draw-count, read by tests and benchmarks). */
  countDraw(): void;
  /** Tells the page the graph's state in a sentence, when it changed. */
  summarise(text: string): void;
}

/**
 * One way of drawing the graph behind the renderer, which owns input, view and animation loop:
 * node and link (below), or the density view past DENSITY_THRESHOLD (density-renderer.ts).
 */
export interface Drawing {
  /** Pulls what changed from the source and draws; true while it wants the next frame too. */
  frame(now: number): boolean;
  /** Pulls and draws everything at once, whatever it costs (the PNG export). */
  drawNow(): void;
  /** The canvas has a new size (view.cssW, cssH, dpr): make the buffers, and refit. */
  resized(): void;
  /** Fits the view to the drawing again (view.fit). */
  refit(): void;
  /** The node drawn at a world point (within a pick radius), or null. */
  nodeAt(wx: number, wy: number): number | null;
  /** Node positions in world units: what a split line or a lasso cuts. */
  positions(): Positions;
  splitHalves(): [number[], number[]];
  splitInto(k: number): number[][];
  destroy(): void;
}

/** Messages are animated only for graphs this small (the store sends none for larger ones). */
export const MAX_ANIMATED_NODES = 500;
const LAYOUT_BUDGET_MS = 5;
const LINK_BUDGET_MS = 6;
/** While the layout moves, the link layer is redrawn for every step anyway: a thinner sample will do. */
const LINK_BUDGET_LAYOUT_MS = 3;
const LABEL_MAX_NODES = 120;
/** The hint drawn over the graph while a cutting mode is on, in the page's language. */
const hint = (mode: 'select' | 'split' | 'lasso'): string | null =>
  mode === 'split' ? i18next.t('common:graph.hintSplit') : mode === 'lasso' ? i18next.t('common:graph.hintLasso') : null;

/** The node-and-link drawing: a layout per graph (force-directed for random graphs), links, nodes and flying messages. */
export function nodeLinkDrawing(view: RendererView, backend: RenderBackend = createCanvas2dBackend(view.canvas)): Drawing {
  const packLooks = createLooksCache();
  let graph: GraphSpec | null = null;
  let layout: LayoutRunner | null = null;
  let pos: Positions = emptyPositions(0);
  let edges: EdgeList = edgeList(0, null, null, 0);
  let seenLayoutVersion = 0;
  let states = new Uint8Array(0), prevStates = new Uint8Array(0);
  /** 1 where a node holds any version of any key (then its messages carry a payload). */
  let knows = new Uint8Array(0), prevKnows = new Uint8Array(0);
  let frame: NodeFrame | null = null;
  let shownKey = 0;
  let selected: number | null = null;
  let groups = new Uint8Array(0);
  let hulls: Hull[] = [];
  let animStart = -Infinity;
  let flights: Flights = emptyFlights();
  /** Rumor status for the shown key now and before the round (drawn until the messages land). */
  let rumor: Uint8Array | null = null, prevRumor: Uint8Array | null = null;
  let cuts: CutMark[] = [];

  /** Bounding-box area and total link length of the layout, in world units. */
  let worldArea = 1, linkLength = 0;
  let layoutCentre: [number, number] = [0, 0];
  let staticKey = 0;
  /** What the static layer was drawn with: the theme's colours and the view. */
  let drawnColors = view.colors, drawnTransform = view.transform;

  const reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : { matches: false };

  function setGraph(g: GraphSpec | null): void {
    layout?.destroy();
    layout = null;
    graph = g;
    const n = g?.nodes ?? 0;
    if (g) {
      layout = createLayoutRunner(g, view.request, 0x2545f491 ^ n);
      pos = layout.pos;
      seenLayoutVersion = layout.version;
    } else pos = emptyPositions(0);
    edges = g ? edgeList(n, g.offsets, g.neighbors, 0x85ebca6b ^ n) : edgeList(0, null, null, 0);
    states = new Uint8Array(n);
    prevStates = new Uint8Array(n);
    knows = new Uint8Array(n);
    prevKnows = new Uint8Array(n);
    groups = new Uint8Array(n);
    hulls = [];
    frame = null;
    animStart = -Infinity;
    flights = emptyFlights();
    rumor = prevRumor = null;
    cuts = [];
    view.resetView();
    positionsChanged();
  }

  function positionsChanged(): void {
    const b = boundsOf(pos);
    worldArea = Math.max(1, (b.maxX - b.minX) * (b.maxY - b.minY));
    layoutCentre = [(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2];
    linkLength = totalLinkLength(edges, pos.x, pos.y);
    // Small graphs carry id labels above their nodes: leave room for the biggest dot and its label at the edges.
    const cap = radiusCap(view.cssW, view.cssH);
    view.fitView(b, pos.n <= LABEL_MAX_NODES ? Math.max(34, Math.ceil(cap + labelPx(cap) * 1.3)) : 24);
    if (hulls.length) hulls = computeHulls();
    if (frame) cuts = cutMarks(frame.links, groups, pos);
    staticKey++;
  }

  const computeHulls = (): Hull[] => groupHulls(groups, pos);
  /** Node radius on screen, CSS px. */
  const radius = (): number => nodeRadius(SPACING * (graph?.nodeScale ?? 1), view.transform.k, radiusCap(view.cssW, view.cssH));

  /** Pulls whatever changed from the source (graph, frame, key, selection). */
  function sync(now: number): void {
    const { source } = view;
    const g = source.graph();
    let summaryDirty = false;
    if (g !== graph && (g?.id !== graph?.id || !g || !graph)) {
      setGraph(g);
      summaryDirty = true;
    } else if (g !== graph) graph = g;
    const f = source.frame();
    const key = source.shownKey();
    const sel = source.selected();
    if (sel !== selected) summaryDirty = true;
    selected = sel;
    if (graph && f && f.graphId === graph.id && (f !== frame || key !== shownKey)) {
      const newRound = f !== frame;
      const hadFrame = frame !== null;
      if (newRound) {
        prevStates.set(states);
        prevKnows.set(knows);
        computeKnowsAny(f, knows);
      }
      shownKey = key;
      computeNodeStates(f, key, states);
      // Without an earlier frame there is no "before": show the frame as it is.
      if (!newRound || !hadFrame) prevStates.set(states);
      if (!hadFrame) prevKnows.set(knows);
      if (newRound) {
        const animate = graph.nodes <= MAX_ANIMATED_NODES;
        const follows = hadFrame && frame!.round < f.round;
        prevRumor = rumor;
        rumor = f.rumor ?? null;
        if (animate && f.messages !== null) {
          // A frame that does not follow the last one (a reset, a jump) drops what was flying.
          flights = nextFlights(follows ? flights : emptyFlights(f.round), f.messages, f.round, prevKnows);
          animStart = now;
        } else if (!hadFrame || frame!.round !== f.round) {
          // Not the next round (a replayed timeline, a jump): what flies is what the worker lists.
          flights = animate ? flightsFromInFlight(f.inFlight, f.round, knows) : emptyFlights(f.round);
          animStart = -Infinity;
        }
        // else: an action between rounds moves no message, so what flies keeps flying.
      }
      if (!sameBytes(groups, f.group)) {
        groups.set(f.group.subarray(0, groups.length));
        hulls = computeHulls();
        staticKey++;
      }
      if (newRound) cuts = cutMarks(f.links, groups, pos);
      frame = f;
      summaryDirty = true;
    }
    if (summaryDirty || !graph) view.summarise(describeGraph(graph, frame, states, shownKey, selected));
  }

  function scene(now: number): Scene {
    const duration = Math.max(1, view.source.roundDurationMs()) * 0.9;
    const progress = animStart > -Infinity ? Math.min(1, (now - animStart) / duration) : 1;
    // With reduced motion, messages do not fly: each fades in and out half way along its path.
    const still = reducedMotion.matches;
    const messageProgress = still && progress < 1 ? 0.5 : progress;
    const r = radius();
    const { transform } = view;
    if (view.colors !== drawnColors || transform !== drawnTransform) {
      drawnColors = view.colors;
      drawnTransform = transform;
      staticKey++;
    }
    return {
      colors: view.colors,
      pos,
      transform,
      edges,
      linkAlpha: linkAlpha(linkLength * transform.k, worldArea * transform.k * transform.k),
      staticKey: staticKey,
      hulls,
      // Until the messages land, nodes show what they knew before the round.
      states: progress < 1 ? prevStates : states,
      rumor: progress < 1 ? prevRumor : rumor,
      alive: frame?.alive ?? null,
      group: hulls.length ? groups : null,
      selected,
      nodeRadius: r,
      // Delayed messages stay on screen between rounds, frozen mid-way while paused.
      messages: flights.count > 0 ? flights : null,
      style: frame?.style ?? null,
      looks: frame?.style ? packLooks(frame.looks, view.theme) : null,
      progress: messageProgress,
      // Quick fade in, hold, quick fade out over the round; messages still in flight after it stay shown.
      fade: still ? (progress < 1 ? Math.min(1, 3 * Math.sin(Math.PI * progress)) : 1) : null,
      showMessagePaths: graph?.offsets === null,
      labels: pos.n <= LABEL_MAX_NODES && r >= 6,
      labelPx: labelPx(r),
      labelCentre: graph?.labelsOutward ? layoutCentre : null,
      splitLine: view.splitLine,
      lassoPath: view.lassoPath,
      cuts,
      hint: hint(view.mode),
      trace: view.source.highlight?.() ?? null,
    };
  }

  function draw(now: number, linkBudget: number): boolean {
    if (view.cssW === 0 || view.cssH === 0) return false;
    const s = scene(now);
    const pending = backend.draw(s, linkBudget);
    view.countDraw();
    return pending || s.progress < 1;
  }

  return {
    frame(now) {
      sync(now);
      let busy = false;
      if (layout) {
        if (layout.step(LAYOUT_BUDGET_MS)) busy = true;
        if (layout.running) busy = true;
        if (layout.version !== seenLayoutVersion) {
          seenLayoutVersion = layout.version;
          positionsChanged();
        }
      }
      if (draw(now, layout?.running ? LINK_BUDGET_LAYOUT_MS : LINK_BUDGET_MS)) busy = true;
      return busy;
    },
    drawNow() {
      const now = performance.now();
      sync(now);
      draw(now, Infinity);
    },
    resized() {
      backend.resize(view.cssW, view.cssH, view.dpr);
      positionsChanged();
    },
    refit: positionsChanged,
    nodeAt: (wx, wy) => nearestNode(pos, wx, wy, Math.max(radius() + 4, 8) / view.transform.k),
    positions: () => pos,
    splitHalves: () => medianSplit(pos),
    splitInto: (k) => angularSectors(pos, k),
    destroy() {
      layout?.destroy();
      backend.destroy();
    },
  };
}
