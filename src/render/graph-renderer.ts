import type { FrameSource, GraphSpec, NodeFrame } from '../view/frame-source';
import { createCanvas2dBackend } from './canvas2d-backend';
import { edgeList, labelPx, linkAlpha, nodeRadius, radiusCap, totalLinkLength } from './edges';
import { cutMarks, type CutMark } from './cut-marks';
import { emptyFlights, flightsFromInFlight, nextFlights, type Flights } from './flights';
import { angularSectors, boundsOf, medianSplit, splitByLine, type Positions } from './geometry';
import { groupHulls, sameBytes } from './group-hulls';
import { nearestNode } from './hit-test';
import { SPACING, emptyPositions } from './initial-layout';
import { attachInteraction } from './interaction';
import { nodesInLasso } from './lasso';
import { createLayoutRunner, type LayoutRunner } from './layout-runner';
import { createLooksCache } from './model-looks';
import { computeKnowsAny, computeNodeStates } from './node-state';
import { renderColors, type ThemeName } from './render-theme';
import type { EdgeList, Hull, RenderBackend, Scene } from './scene';
import { describeGraph } from './summary';
import { fitTransform, toWorld, zoomAt, type Transform } from './view-transform';
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

/** Messages are animated only for graphs this small (the store sends none for larger ones). */
export const MAX_ANIMATED_NODES = 500;
const LAYOUT_BUDGET_MS = 5;
const LINK_BUDGET_MS = 6;
/** While the layout moves, the link layer is redrawn for every step anyway: a thinner sample will do. */
const LINK_BUDGET_LAYOUT_MS = 3;
const MIN_CUT_PX = 16;
const LABEL_MAX_NODES = 120;
/** The hint drawn over the graph while a cutting mode is on, in the page's language. */
const hint = (mode: 'select' | 'split' | 'lasso'): string | null =>
  mode === 'split' ? i18next.t('common:graph.hintSplit') : mode === 'lasso' ? i18next.t('common:graph.hintLasso') : null;

export function createGraphRenderer(canvas: HTMLCanvasElement, options: GraphRendererOptions): GraphRenderer {
  let { source, theme, mode, callbacks } = options;
  const backend: RenderBackend = options.backend ?? createCanvas2dBackend(canvas);
  let colors = renderColors(theme);
  const packLooks = createLooksCache();
  let cssW = 0, cssH = 0, dpr = 1;

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
  let lassoPath: number[] | null = null;

  let transform: Transform = { k: 1, x: 0, y: 0 };
  let fitK = 1;
  /** Bounding-box area and total link length of the layout, in world units. */
  let worldArea = 1, linkLength = 0;
  let layoutCentre: [number, number] = [0, 0];
  let userView = false;
  let staticKey = 0;
  let splitLine: [number, number, number, number] | null = null;
  let summary = '';
  let raf = 0;
  let destroyed = false;
  let drawCount = 0;

  const reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : { matches: false };

  const request = () => {
    if (!raf && !destroyed) raf = requestAnimationFrame(onFrame);
  };
  let unsubscribe = source.subscribe(request);

  function setGraph(g: GraphSpec | null): void {
    layout?.destroy();
    layout = null;
    graph = g;
    const n = g?.nodes ?? 0;
    if (g) {
      layout = createLayoutRunner(g, request, 0x2545f491 ^ n);
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
    userView = false;
    positionsChanged();
  }

  function positionsChanged(): void {
    const b = boundsOf(pos);
    worldArea = Math.max(1, (b.maxX - b.minX) * (b.maxY - b.minY));
    layoutCentre = [(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2];
    linkLength = totalLinkLength(edges, pos.x, pos.y);
    // Small graphs carry id labels above their nodes: leave room for the biggest dot and its label at the edges.
    const cap = radiusCap(cssW, cssH);
    const fit = fitTransform(b, Math.max(cssW, 1), Math.max(cssH, 1), pos.n <= LABEL_MAX_NODES ? Math.max(34, Math.ceil(cap + labelPx(cap) * 1.3)) : 24);
    fitK = fit.k;
    if (!userView) transform = fit;
    if (hulls.length) hulls = computeHulls();
    if (frame) cuts = cutMarks(frame.links, groups, pos);
    staticKey++;
  }

  const computeHulls = (): Hull[] => groupHulls(groups, pos);
  const nodeScale = (): number => graph?.nodeScale ?? 1;

  /** Pulls whatever changed from the source (graph, frame, key, selection). */
  function sync(now: number): void {
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
    if (summaryDirty || (!graph && summary === '')) {
      const text = describeGraph(graph, frame, states, shownKey, selected);
      if (text !== summary) {
        summary = text;
        callbacks.onSummary?.(text);
      }
    }
  }

  function scene(now: number): Scene {
    const duration = Math.max(1, source.roundDurationMs()) * 0.9;
    const progress = animStart > -Infinity ? Math.min(1, (now - animStart) / duration) : 1;
    // With reduced motion, messages do not fly: each fades in and out half way along its path.
    const still = reducedMotion.matches;
    const messageProgress = still && progress < 1 ? 0.5 : progress;
    const r = nodeRadius(SPACING * nodeScale(), transform.k, radiusCap(cssW, cssH));
    return {
      colors,
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
      looks: frame?.style ? packLooks(frame.looks, theme) : null,
      progress: messageProgress,
      // Quick fade in, hold, quick fade out over the round; messages still in flight after it stay shown.
      fade: still ? (progress < 1 ? Math.min(1, 3 * Math.sin(Math.PI * progress)) : 1) : null,
      showMessagePaths: graph?.offsets === null,
      labels: pos.n <= LABEL_MAX_NODES && r >= 6,
      labelPx: labelPx(r),
      labelCentre: graph?.labelsOutward ? layoutCentre : null,
      splitLine,
      lassoPath,
      cuts,
      hint: hint(mode),
      trace: source.highlight?.() ?? null,
    };
  }

  function draw(now: number, linkBudget: number): boolean {
    if (cssW === 0 || cssH === 0) return false;
    const s = scene(now);
    const pending = backend.draw(s, linkBudget);
    canvas.dataset.drawCount = String(++drawCount);
    return pending || s.progress < 1;
  }

  function onFrame(now: number): void {
    raf = 0;
    if (destroyed) return;
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
    if (busy) request();
  }

  const detach = attachInteraction(canvas, options.keyTarget ?? canvas, {
    mode: () => mode,
    pick(sx, sy) {
      const [wx, wy] = toWorld(transform, sx, sy);
      return nearestNode(pos, wx, wy, Math.max(nodeRadius(SPACING * nodeScale(), transform.k, radiusCap(cssW, cssH)) + 4, 8) / transform.k);
    },
    click(node, shift) {
      if (node !== null && shift) callbacks.onToggleCrash(node);
      else callbacks.onSelect(node);
    },
    panBy(dx, dy) {
      transform = { ...transform, x: transform.x + dx, y: transform.y + dy };
      userView = true;
      staticKey++;
      request();
    },
    zoomBy(factor, sx = cssW / 2, sy = cssH / 2) {
      transform = zoomAt(transform, factor, sx, sy, fitK);
      userView = true;
      staticKey++;
      request();
    },
    fitToView: () => api.fitToView(),
    dragLine(line) {
      splitLine = line;
      request();
    },
    dragPath(path) {
      lassoPath = path;
      request();
    },
    lasso(path) {
      const nodes = nodesInLasso(pos, transform, path);
      if (nodes) callbacks.onLasso?.(nodes);
    },
    cut([ax, ay, bx, by]) {
      if (Math.hypot(bx - ax, by - ay) < MIN_CUT_PX) return;
      const [wax, way] = toWorld(transform, ax, ay);
      const [wbx, wby] = toWorld(transform, bx, by);
      const sides = splitByLine(pos, wax, way, wbx, wby);
      // A line that misses the graph still reports, so the page can say why nothing was cut.
      callbacks.onSplit(sides ?? [Array.from({ length: pos.n }, (_, i) => i), []]);
    },
    cancelSplit: () => callbacks.onCancelSplit?.(),
    setInteracting: () => undefined,
  });

  const api: GraphRenderer = {
    setSource(s) {
      if (s === source) return;
      unsubscribe();
      source = s;
      unsubscribe = source.subscribe(request);
      request();
    },
    setTheme(t) {
      if (t === theme) return;
      theme = t;
      colors = renderColors(t);
      staticKey++;
      request();
    },
    setMode(m) {
      if (m === mode) return;
      mode = m;
      splitLine = null;
      lassoPath = null;
      canvas.style.cursor = m === 'select' ? 'grab' : 'crosshair';
      request();
    },
    setCallbacks(cb) {
      callbacks = cb;
    },
    resize(w, h, ratio) {
      if (w === cssW && h === cssH && ratio === dpr) return;
      cssW = w;
      cssH = h;
      dpr = ratio;
      backend.resize(w, h, ratio);
      positionsChanged();
      request();
    },
    zoomBy(factor) {
      transform = zoomAt(transform, factor, cssW / 2, cssH / 2, fitK);
      userView = true;
      staticKey++;
      request();
    },
    fitToView() {
      userView = false;
      positionsChanged();
      request();
    },
    splitHalves: () => medianSplit(pos),
    splitInto: (k) => angularSectors(pos, k),
    toPngBlob() {
      sync(performance.now());
      draw(performance.now(), Infinity);
      return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The graph could not be exported as PNG.'))), 'image/png'));
    },
    destroy() {
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      unsubscribe();
      detach();
      layout?.destroy();
      backend.destroy();
    },
  };
  canvas.style.cursor = mode === 'select' ? 'grab' : 'crosshair';
  canvas.style.touchAction = 'none';
  request();
  return api;
}
