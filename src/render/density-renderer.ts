import { formatNumber, formatPercent, i18next } from '../i18n';
import type { GraphSpec, NodeFrame } from '../view/frame-source';
import { canvasPixels, context2d } from './canvas2d-backend';
import { packHex } from './colors';
import { LearningOrder, densityGroups, densityLayout, nearestDensityNode, type DensityLayout } from './density-layout';
import { drawFlow, type FlowLabels } from './density-overlay';
import { DensityScratch, DensityState, rasterDensity, type DensityPalette } from './density-raster';
import type { Positions } from './geometry';
import type { Drawing, RendererView } from './graph-renderer';
import { computeNodeStates } from './node-state';
import { StampCache, type PixelBuffer } from './pixel-buffer';
import type { RenderColors, ThemeName } from './render-theme';

/**
 * The graph past DENSITY_THRESHOLD nodes (engine/limits.ts): a deterministic layout
 * (density-layout.ts) drawn into one ImageData (density-raster.ts), the round's messages as
 * one aggregate flow bar instead of dots (density-overlay.ts). Same contract as the
 * node-and-link drawing (Drawing), so the renderer swaps one for the other by graph size
 * (adaptive-renderer.ts) and both get the same interaction (pan, zoom, click, split line, lasso, keys).
 */

/** CSS px around the drawing: the hint line at the bottom never covers it. */
const FIT_MARGIN = 40;

function densityPalette(c: RenderColors, theme: ThemeName): DensityPalette {
  const state = [];
  state[DensityState.None] = c.none;
  state[DensityState.Older] = c.older;
  state[DensityState.Newest] = c.latest;
  state[DensityState.Fresh] = c.useful;
  state[DensityState.Crashed] = c.crashed;
  return { background: c.background, state, boundary: packHex(theme === 'dark' ? '#F1F5F9' : '#0F172A'), selected: c.selected, link: c.link, groups: c.groups };
}

export function densityDrawing(view: RendererView): Drawing {
  const { canvas } = view;
  const ctx = context2d(canvas);
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
  let visible = 0;
  let drawMode: 'pixels' | 'nodes' = 'pixels';

  const fitView = (): void => {
    if (layout) view.fitView(layout.bounds, FIT_MARGIN);
  };

  /**
   * The frame's bytes: compact frames carry them; a full frame (a test, a smaller graph) is
   * reduced to them (a node's KNOWS_* state is the byte's version: 0 none, 1 older, 2 newest).
   */
  const denseOf = (f: NodeFrame, key: number): Uint8Array => f.dense ?? computeNodeStates(f, key, new Uint8Array(f.alive.length));

  function sync(): void {
    const { source } = view;
    const g = source.graph();
    if (g?.id !== graph?.id || (g === null) !== (graph === null)) {
      graph = g;
      layout = null;
      order = null;
      frame = null;
      prevDense = null;
      shown = null;
      view.resetView();
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
      const informed = frame.metrics.informed[view.source.shownKey()] ?? 0, live = frame.metrics.live;
      text = i18next.t('scale:summary', {
        nodes, round: frame.round, informed: formatNumber(informed), share: formatPercent(live > 0 ? informed / live : 0, 1), crashed: formatNumber(graph.nodes - live),
      });
    }
    view.summarise(text);
  }

  function flowLabels(): FlowLabels {
    const { colors } = view;
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
    const { transform, dpr, mode } = view;
    if (!buf || !image || view.cssW === 0 || view.cssH === 0) return;
    // Made per frame (a few colours): nothing to keep in step with the theme.
    const palette = densityPalette(view.colors, view.theme);
    if (layout && frame && shown) {
      const out = rasterDensity(buf, { layout, ...shown, group, transform, dpr, selected, offsets: graph?.offsets ?? null, neighbors: graph?.neighbors ?? null }, palette, scratch, stamps);
      visible = out.visible;
      drawMode = out.mode;
    } else buf.data.fill(palette.background);
    ctx.putImageData(image, 0, 0);
    drawFlow(ctx, {
      frame, colors: view.colors, dpr, width: view.cssW, height: view.cssH, labels: flowLabels(), splitLine: view.splitLine, lassoPath: view.lassoPath,
      hint: mode === 'select' ? null : i18next.t(mode === 'split' ? 'scale:hint.split' : 'scale:hint.lasso'),
    });
    view.countDraw();
    canvas.dataset.densityMode = drawMode;
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

  return {
    frame() {
      sync();
      draw();
      return false;
    },
    drawNow() {
      sync();
      draw();
    },
    resized() {
      ({ image, buf } = canvasPixels(ctx, view.cssW, view.cssH, view.dpr));
      fitView();
    },
    refit: fitView,
    nodeAt: (wx, wy) => (layout ? nearestDensityNode(layout, wx, wy, Math.max(8, 10 * view.transform.k * 0.5) / view.transform.k) : null),
    positions,
    splitHalves() {
      const [a, b] = layout ? densityGroups(layout, 2) : byId(2);
      return [a, b];
    },
    splitInto: (k) => (layout ? densityGroups(layout, k) : byId(k)),
    destroy() {
      image = null;
      buf = null;
    },
  };
}
