import type { FrameSource, GraphSpec, NodeFrame } from './frame-source';
import type { TraceHighlight } from './trace-highlight';

/**
 * The FrameSource the renderer reads, plus the setters the session writes through. `D` is the
 * model's whole frame (a membership frame's tables and matrix), kept beside the renderer's
 * NodeFrame for the panels that show more than the graph does.
 */
export interface LiveFrameSource<D = unknown> extends FrameSource {
  /** The model's whole frame that came with the current NodeFrame (null when none). */
  detail(): D | null;
  /** Changes with every notification (for useSyncExternalStore). */
  version(): number;
  setGraph(graph: GraphSpec | null): void;
  setFrame(frame: NodeFrame | null, detail?: D | null): void;
  setSelected(node: number | null): void;
  setShownKey(key: number): void;
  setRoundDurationMs(ms: number): void;
  setHighlight(highlight: TraceHighlight | null): void;
}

/**
 * Holds the per-round typed arrays outside React: they change up to 30 times a second and are
 * read by the renderer's animation loop, so they never pass through React state. Listeners are
 * told about every change; unchanged values notify no one.
 */
export function createFrameSource<D = unknown>(): LiveFrameSource<D> {
  let graph: GraphSpec | null = null;
  let frame: NodeFrame | null = null;
  let detail: D | null = null;
  /** The values kept as they are set. */
  const kept: { selected: number | null; shownKey: number; roundDurationMs: number; highlight: TraceHighlight | null } = { selected: null, shownKey: 0, roundDurationMs: 500, highlight: null };
  let version = 0;
  const listeners = new Set<() => void>();

  const notify = (): void => {
    version++;
    for (const l of [...listeners]) l();
  };
  const set = <K extends keyof typeof kept>(key: K, value: (typeof kept)[K]): void => {
    if (kept[key] === value) return;
    kept[key] = value;
    notify();
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    graph: () => graph,
    frame: () => frame,
    detail: () => detail,
    version: () => version,
    selected: () => kept.selected,
    shownKey: () => kept.shownKey,
    roundDurationMs: () => kept.roundDurationMs,
    highlight: () => kept.highlight,
    setHighlight: (h) => set('highlight', h),
    setGraph(g) {
      if (g === graph) return;
      graph = g;
      // A frame of the previous graph must never be drawn over the new one.
      if (frame && (!g || frame.graphId !== g.id)) {
        frame = null;
        detail = null;
      }
      if (kept.selected !== null && (!g || kept.selected >= g.nodes)) kept.selected = null;
      notify();
    },
    setFrame(f, d = null) {
      if (f === frame && d === detail) return;
      if (f && graph && f.graphId !== graph.id) return;
      frame = f;
      detail = d;
      notify();
    },
    setSelected: (node) => set('selected', node),
    setShownKey: (key) => set('shownKey', key),
    setRoundDurationMs: (ms) => set('roundDurationMs', ms),
  };
}
