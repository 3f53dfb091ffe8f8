import { DENSITY_THRESHOLD } from '../engine/limits';
import type { FrameSource } from '../view/frame-source';
import { createDensityRenderer } from './density-renderer';
import { createGraphRenderer, type GraphRenderer, type GraphRendererOptions, type RenderMode, type RendererCallbacks } from './graph-renderer';
import type { ThemeName } from './render-theme';

type Kind = 'graph' | 'density';

/** Which renderer a graph of `nodes` nodes gets: the node-and-link graph, or the density view past DENSITY_THRESHOLD. */
export const rendererKind = (nodes: number): Kind => (nodes > DENSITY_THRESHOLD ? 'density' : 'graph');

/**
 * The page's renderer: the node-and-link graph up to DENSITY_THRESHOLD nodes, the density view
 * past it, swapped when the source's graph crosses the threshold. It listens to the source
 * before the renderer inside does, so a graph too large for the node-and-link renderer is never
 * handed to it (its force layout would be asked for a million nodes).
 */
export function createAdaptiveRenderer(canvas: HTMLCanvasElement, options: GraphRendererOptions): GraphRenderer {
  let { source, theme, mode, callbacks } = options;
  let size: [number, number, number] | null = null;
  const kindOf = (s: FrameSource): Kind => rendererKind(s.graph()?.nodes ?? 0);
  let kind = kindOf(source);
  const make = (k: Kind): GraphRenderer => {
    const r = (k === 'density' ? createDensityRenderer : createGraphRenderer)(canvas, { ...options, source, theme, mode, callbacks });
    if (size) r.resize(...size);
    return r;
  };
  const follow = (): void => {
    const next = kindOf(source);
    if (next === kind) return;
    inner.destroy();
    kind = next;
    inner = make(next);
  };
  let unsubscribe = source.subscribe(follow);
  let inner = make(kind);

  return {
    setSource(s: FrameSource) {
      if (s === source) return;
      unsubscribe();
      source = s;
      unsubscribe = source.subscribe(follow);
      const next = kindOf(s);
      if (next !== kind) {
        inner.destroy();
        kind = next;
        inner = make(next);
      } else inner.setSource(s);
    },
    setTheme(t: ThemeName) {
      theme = t;
      inner.setTheme(t);
    },
    setMode(m: RenderMode) {
      mode = m;
      inner.setMode(m);
    },
    setCallbacks(cb: RendererCallbacks) {
      callbacks = cb;
      inner.setCallbacks(cb);
    },
    resize(w, h, dpr) {
      size = [w, h, dpr];
      inner.resize(w, h, dpr);
    },
    zoomBy: (f) => inner.zoomBy(f),
    fitToView: () => inner.fitToView(),
    splitHalves: () => inner.splitHalves(),
    splitInto: (k) => inner.splitInto(k),
    toPngBlob: () => inner.toPngBlob(),
    destroy() {
      unsubscribe();
      inner.destroy();
    },
  };
}
