import { DENSITY_THRESHOLD } from '../engine/limits';
import { densityDrawing } from './density-renderer';
import { splitByLine } from './geometry';
import { nodeLinkDrawing, type Drawing, type GraphRenderer, type GraphRendererOptions, type RendererView } from './graph-renderer';
import { attachInteraction } from './interaction';
import { nodesInLasso } from './lasso';
import { renderColors } from './render-theme';
import { fitTransform, toWorld, zoomAt, type Transform } from './view-transform';

type Kind = 'graph' | 'density';

/** Which drawing a graph of `nodes` nodes gets: the node-and-link graph, or the density view past DENSITY_THRESHOLD. */
export const rendererKind = (nodes: number): Kind => (nodes > DENSITY_THRESHOLD ? 'density' : 'graph');

/** A split line shorter than this (CSS px) is a slip of the hand, not a cut. */
const MIN_CUT_PX = 16;

/**
 * The page's renderer, for both modes: one controller — the source, theme and mode the page
 * sets, the canvas's size, pan and zoom, pointer and keyboard input, the animation loop — over
 * one of two drawings: node and link up to DENSITY_THRESHOLD nodes, the density view past it.
 * It swaps them as soon as the source's graph crosses the threshold, before anything is drawn,
 * so a graph too large for the node-and-link drawing is never handed to it (its force layout
 * would be asked for a million nodes).
 */
export function createAdaptiveRenderer(canvas: HTMLCanvasElement, options: GraphRendererOptions): GraphRenderer {
  let raf = 0, destroyed = false, drawCount = 0, summary = '';
  /** The zoom that fits the drawing: zooming is bounded relative to it. */
  let fitK = 1;
  /** The user panned or zoomed: the view no longer follows the layout. */
  let userView = false;
  const request = (): void => {
    if (!raf && !destroyed) raf = requestAnimationFrame(onFrame);
  };
  const view: { -readonly [K in keyof RendererView]: RendererView[K] } = {
    canvas,
    source: options.source,
    theme: options.theme,
    colors: renderColors(options.theme),
    mode: options.mode,
    callbacks: options.callbacks,
    cssW: 0,
    cssH: 0,
    dpr: 1,
    transform: { k: 1, x: 0, y: 0 },
    splitLine: null,
    lassoPath: null,
    request,
    fitView(bounds, margin) {
      const fitted = fitTransform(bounds, Math.max(view.cssW, 1), Math.max(view.cssH, 1), margin);
      fitK = fitted.k;
      if (!userView) view.transform = fitted;
    },
    resetView() {
      userView = false;
    },
    countDraw() {
      canvas.dataset.drawCount = String(++drawCount);
    },
    summarise(text) {
      if (text === summary) return;
      summary = text;
      view.callbacks.onSummary?.(text);
    },
  };

  const kindOf = (): Kind => rendererKind(view.source.graph()?.nodes ?? 0);
  const make = (k: Kind): Drawing => (k === 'density' ? densityDrawing(view) : nodeLinkDrawing(view, options.backend));
  let kind = kindOf();
  let drawing = make(kind);
  /** Listens to the source: a graph across the threshold gets the other drawing, at the canvas's size. */
  const onSource = (): void => {
    const next = kindOf();
    if (next !== kind) {
      drawing.destroy();
      kind = next;
      drawing = make(next);
      if (view.cssW > 0 || view.cssH > 0) drawing.resized();
    }
    request();
  };
  let unsubscribe = view.source.subscribe(onSource);

  function onFrame(now: number): void {
    raf = 0;
    if (destroyed) return;
    if (drawing.frame(now)) request();
  }

  const moveView = (t: Transform): void => {
    view.transform = t;
    userView = true;
    request();
  };
  const zoomBy = (factor: number, sx = view.cssW / 2, sy = view.cssH / 2): void => moveView(zoomAt(view.transform, factor, sx, sy, fitK));
  const setCursor = (): void => {
    canvas.style.cursor = view.mode === 'select' ? 'grab' : 'crosshair';
  };

  const detach = attachInteraction(canvas, options.keyTarget ?? canvas, {
    mode: () => view.mode,
    pick(sx, sy) {
      const [wx, wy] = toWorld(view.transform, sx, sy);
      return drawing.nodeAt(wx, wy);
    },
    click(node, shift) {
      if (node !== null && shift) view.callbacks.onToggleCrash(node);
      else view.callbacks.onSelect(node);
    },
    panBy: (dx, dy) => moveView({ ...view.transform, x: view.transform.x + dx, y: view.transform.y + dy }),
    zoomBy,
    fitToView: () => api.fitToView(),
    dragLine(line) {
      view.splitLine = line;
      request();
    },
    dragPath(path) {
      view.lassoPath = path;
      request();
    },
    lasso(path) {
      const nodes = nodesInLasso(drawing.positions(), view.transform, path);
      if (nodes) view.callbacks.onLasso?.(nodes);
    },
    cut([ax, ay, bx, by]) {
      if (Math.hypot(bx - ax, by - ay) < MIN_CUT_PX) return;
      const [wax, way] = toWorld(view.transform, ax, ay);
      const [wbx, wby] = toWorld(view.transform, bx, by);
      const pos = drawing.positions();
      // A line that misses the graph still reports, so the page can say why nothing was cut.
      view.callbacks.onSplit(splitByLine(pos, wax, way, wbx, wby) ?? [Array.from({ length: pos.n }, (_, i) => i), []]);
    },
    cancelSplit: () => view.callbacks.onCancelSplit?.(),
    setInteracting: () => undefined,
  });

  const api: GraphRenderer = {
    setSource(s) {
      if (s === view.source) return;
      unsubscribe();
      view.source = s;
      unsubscribe = s.subscribe(onSource);
      onSource();
    },
    setTheme(t) {
      if (t === view.theme) return;
      view.theme = t;
      view.colors = renderColors(t);
      request();
    },
    setMode(m) {
      if (m === view.mode) return;
      view.mode = m;
      view.splitLine = null;
      view.lassoPath = null;
      setCursor();
      request();
    },
    setCallbacks(cb) {
      view.callbacks = cb;
    },
    resize(w, h, ratio) {
      if (w === view.cssW && h === view.cssH && ratio === view.dpr) return;
      view.cssW = w;
      view.cssH = h;
      view.dpr = ratio;
      drawing.resized();
      request();
    },
    zoomBy: (factor) => zoomBy(factor),
    fitToView() {
      userView = false;
      drawing.refit();
      request();
    },
    splitHalves: () => drawing.splitHalves(),
    splitInto: (k) => drawing.splitInto(k),
    toPngBlob() {
      drawing.drawNow();
      return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The graph could not be exported as PNG.'))), 'image/png'));
    },
    destroy() {
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      unsubscribe();
      detach();
      drawing.destroy();
    },
  };
  setCursor();
  canvas.style.touchAction = 'none';
  request();
  return api;
}
