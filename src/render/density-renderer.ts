import { formatNumber, formatPercent, i18next } from '../i18n';
import type { GraphSpec, NodeFrame } from '../view/frame-source';
import { packHex } from './colors';
import { LearningOrder, densityGroups, densityLayout, nearestDensityNode, type DensityLayout } from './density-layout';
import { drawFlow, type FlowLabels } from './density-overlay';
import { DensityScratch, DensityState, rasterDensity, type DensityPalette } from './density-raster';
import { splitByLine, type Positions } from './geometry';
import type { GraphRenderer, GraphRendererOptions, RenderMode, RendererCallbacks } from './graph-renderer';
import { attachInteraction } from './interaction';
import { nodesInLasso } from './lasso';
import { createBuffer, StampCache, type PixelBuffer } from './pixel-buffer';
import { renderColors, type RenderColors, type ThemeName } from './render-theme';
import { fitTransform, toWorld, zoomAt, type Transform } from './view-transform';

/**
 * The graph past DENSITY_THRESHOLD nodes (engine/limits.ts): a deterministic layout
 * (density-layout.ts) drawn into one ImageData (density-raster.ts), the round's messages as
 * one aggregate flow bar instead of dots (density-overlay.ts). Same contract as the
 * node-and-link renderer (GraphRenderer), so the page swaps one for the other by graph size
 * (adaptive-renderer.ts); same interaction (pan, zoom, click, split line, lasso, keys).
 */

const FIT_MARGIN = 40;

export function densityPalette(c: RenderColors, theme: ThemeName): DensityPalette {
  const state = [];
  state[DensityState.None] = c.none;
  state[DensityState.Older] = c.older;
  state[DensityState.Newest] = c.latest;
  state[DensityState.Fresh] = c.useful;
  state[DensityState.Crashed] = c.crashed;
  return { background: c.background, state, boundary: packHex(theme === 'dark' ? '#F1F5F9' : '#0F172A'), selected: c.selected, link: c.link, groups: c.groups };
}

export function createDensityRenderer(canvas: HTMLCanvasElement, options: GraphRendererOptions): GraphRenderer {
  let { source, theme, mode, callbacks } = options;
  const ctx = canvas.getContext('2d', { alpha: false });
  if (!ctx) throw new Error('This browser cannot draw on a canvas (no 2D context).');
  let colors = renderColors(theme);
  let palette = densityPalette(colors, theme);
  let cssW = 0, cssH = 0, dpr = 1;
  let image: ImageData | null = null;
  let buf: PixelBuffer | null = null;
  const scratch = new DensityScratch();
  const stamps = new StampCache();

  let graph: GraphSpec | null = null;
  let layout: DensityLayout | null = null;
  let order: LearningOrder | null = null;
  let frame: NodeFrame | null = null;
  /** The previous frame's bytes, when it was the round before (the wave's front). */
  let prevDense: Uint8Array | null = null;
  /** What the raster colours by: the frame's bytes, liveness and the round before's bytes. */
  let shown: { dense: Uint8Array; alive: Uint8Array; prev: Uint8Array | null } | null = null;
  let group: Uint8Array | null = null;
  let selected: number | null = null;
  let transform: Transform = { k: 1, x: 0, y: 0 };
  let fitK = 1;
  let userView = false;
  let splitLine: [number, number, number, number] | null = null;
  let lassoPath: number[] | null = null;
  let visible = 0;
  let drawMode: 'pixels' | 'nodes' = 'pixels';
  let summary = '';
  let raf = 0;
  let destroyed = false;
  let drawCount = 0;

  const request = (): void => {
    if (!raf && !destroyed) raf = requestAnimationFrame(onFrame);
  };
  let unsubscribe = source.subscribe(request);

  function fitView(): void {
    if (!layout) return;
    // 40 px around the drawing: the hint line at the bottom never covers it.
    const fitted = fitTransform(layout.bounds, Math.max(cssW, 1), Math.max(cssH, 1), FIT_MARGIN);
    fitK = fitted.k;
    if (!userView) transform = fitted;
  }

  /** The frame's bytes: compact frames carry them; a full frame (a test, a smaller graph) is reduced to them. */
  function denseOf(f: NodeFrame, key: number): Uint8Array {
    if (f.dense) return f.dense;
    const n = f.alive.length, K = f.keys, latest = f.latest[key] ?? 0;
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const v = f.versions[i * K + key];
      out[i] = v === 0 ? 0 : v === latest ? 2 : 1;
    }
    return out;
  }

  function sync(): void {
    const g = source.graph();
    if (g?.id !== graph?.id || (g === null) !== (graph === null)) {
      graph = g;
      layout = null;
      order = null;
      frame = null;
      prevDense = null;
      shown = null;
      userView = false;
    }
    selected = source.selected();
    const f = source.frame();
    if (!graph || !f || f.graphId !== graph.id || f === frame) return;
    const key = source.shownKey();
    const dense = denseOf(f, key);
    const follows = frame !== null && frame.round + 1 === f.round;
    if (!layout) {
      const sources: number[] = [];
      for (let i = 0; i < dense.length; i++) if ((dense[i] & 3) === 2) sources.push(i);
      layout = densityLayout(graph.nodes, graph.topology, graph.offsets, graph.neighbors, sources);
      if (graph.topology === 'complete') order = new LearningOrder(graph.nodes);
      else if (graph.topology === 'random') order = new LearningOrder(graph.nodes, layout.nodeAt.slice());
      fitView();
    }
    let grouped = false;
    for (let i = 0; i < f.group.length; i++) {
      if (f.group[i] !== 0) {
        grouped = true;
        break;
      }
    }
    order?.follow(layout, f.latest[key] ?? 0, dense, grouped ? f.group : null);
    shown = { dense, alive: f.alive, prev: follows ? prevDense : null };
    group = grouped ? f.group : null;
    prevDense = dense;
    frame = f;
    describe();
  }

  function describe(): void {
    if (!graph) return;
    const nodes = formatNumber(graph.nodes);
    let text: string;
    if (!frame) text = i18next.t('scale:summaryEmpty', { nodes });
    else {
      const informed = frame.metrics.informed[source.shownKey()] ?? 0, live = frame.metrics.live;
      text = i18next.t('scale:summary', {
        nodes, round: frame.round, informed: formatNumber(informed), share: formatPercent(live > 0 ? informed / live : 0, 1), crashed: formatNumber(graph.nodes - live),
      });
    }
    if (text !== summary) {
      summary = text;
      callbacks.onSummary?.(text);
    }
  }

  function flowLabels(): FlowLabels {
    return {
      legend: [
        [colors.latest, i18next.t('scale:legend.newest')],
        [colors.useful, i18next.t('scale:legend.fresh')],
        [colors.older, i18next.t('scale:legend.older')],
        [colors.none, i18next.t('scale:legend.none')],
        [colors.crashed, i18next.t('scale:legend.crashed')],
      ],
      hint: drawMode === 'pixels'
        ? i18next.t('scale:hint.pixels', { nodes: formatNumber(graph?.nodes ?? 0) })
        : i18next.t('scale:hint.nodes', { visible: formatNumber(visible) }),
    };
  }

  function draw(): void {
    if (!ctx || !buf || !image || cssW === 0 || cssH === 0) return;
    if (layout && frame && shown) {
      const out = rasterDensity(buf, { layout, ...shown, group, transform, dpr, selected, offsets: graph?.offsets ?? null, neighbors: graph?.neighbors ?? null }, palette, scratch, stamps);
      visible = out.visible;
      drawMode = out.mode;
    } else buf.data.fill(palette.background);
    ctx.putImageData(image, 0, 0);
    drawFlow(ctx, { frame, colors, dpr, width: cssW, height: cssH, labels: flowLabels(), splitLine, lassoPath, hint: mode === 'select' ? null : i18next.t(mode === 'split' ? 'scale:hint.split' : 'scale:hint.lasso') });
    canvas.dataset.drawCount = String(++drawCount);
    canvas.dataset.densityMode = drawMode;
  }

  function onFrame(): void {
    raf = 0;
    if (destroyed) return;
    sync();
    draw();
  }

  /** Node positions as the shared geometry helpers take them (the split line, the lasso): built on demand. */
  function positions(): Positions {
    const n = layout?.n ?? 0;
    const x = new Float32Array(n), y = new Float32Array(n);
    if (layout) for (let i = 0; i < n; i++) {
      x[i] = layout.spotX[layout.spotOf[i]];
      y[i] = layout.spotY[layout.spotOf[i]];
    }
    return { n, x, y };
  }

  /** Halves (or k parts) by id before any frame has placed the nodes. */
  function byId(k: number): number[][] {
    const n = graph?.nodes ?? 0;
    return Array.from({ length: k }, (_, g) => Array.from({ length: Math.round(((g + 1) * n) / k) - Math.round((g * n) / k) }, (_, j) => Math.round((g * n) / k) + j));
  }

  const viewChanged = (): void => {
    userView = true;
    request();
  };

  const detach = attachInteraction(canvas, options.keyTarget ?? canvas, {
    mode: () => mode,
    pick(sx, sy) {
      if (!layout) return null;
      const [wx, wy] = toWorld(transform, sx, sy);
      return nearestDensityNode(layout, wx, wy, Math.max(8, 10 * transform.k * 0.5) / transform.k);
    },
    click(node, shift) {
      if (node !== null && shift) callbacks.onToggleCrash(node);
      else callbacks.onSelect(node);
    },
    panBy(dx, dy) {
      transform = { ...transform, x: transform.x + dx, y: transform.y + dy };
      viewChanged();
    },
    zoomBy(factor, sx = cssW / 2, sy = cssH / 2) {
      transform = zoomAt(transform, factor, sx, sy, fitK);
      viewChanged();
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
      const nodes = nodesInLasso(positions(), transform, path);
      if (nodes) callbacks.onLasso?.(nodes);
    },
    cut([ax, ay, bx, by]) {
      if (Math.hypot(bx - ax, by - ay) < 16) return;
      const [wax, way] = toWorld(transform, ax, ay);
      const [wbx, wby] = toWorld(transform, bx, by);
      const pos = positions();
      callbacks.onSplit(splitByLine(pos, wax, way, wbx, wby) ?? [Array.from({ length: pos.n }, (_, i) => i), []]);
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
      palette = densityPalette(colors, t);
      request();
    },
    setMode(m: RenderMode) {
      if (m === mode) return;
      mode = m;
      splitLine = null;
      lassoPath = null;
      canvas.style.cursor = m === 'select' ? 'grab' : 'crosshair';
      request();
    },
    setCallbacks(cb: RendererCallbacks) {
      callbacks = cb;
    },
    resize(w, h, ratio) {
      if (w === cssW && h === cssH && ratio === dpr) return;
      cssW = w;
      cssH = h;
      dpr = ratio;
      const pw = Math.max(1, Math.round(w * ratio)), ph = Math.max(1, Math.round(h * ratio));
      canvas.width = pw;
      canvas.height = ph;
      image = ctx.createImageData(pw, ph);
      buf = createBuffer(pw, ph, new Uint32Array(image.data.buffer));
      fitView();
      request();
    },
    zoomBy(factor) {
      transform = zoomAt(transform, factor, cssW / 2, cssH / 2, fitK);
      viewChanged();
    },
    fitToView() {
      userView = false;
      fitView();
      request();
    },
    splitHalves() {
      const [a, b] = layout ? densityGroups(layout, 2) : byId(2);
      return [a, b];
    },
    splitInto: (k) => (layout ? densityGroups(layout, k) : byId(k)),
    toPngBlob() {
      sync();
      draw();
      return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The graph could not be exported as PNG.'))), 'image/png'));
    },
    destroy() {
      destroyed = true;
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
      unsubscribe();
      detach();
      image = null;
      buf = null;
    },
  };
  canvas.style.cursor = mode === 'select' ? 'grab' : 'crosshair';
  canvas.style.touchAction = 'none';
  request();
  return api;
}
