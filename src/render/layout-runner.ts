import type { GraphSpec } from '../view/frame-source';
import { createForceLayout, type ForceLayout } from './force-layout';
import type { Positions } from './geometry';
import { initialLayout, needsForceLayout } from './initial-layout';
import type { LayoutUpdate } from './layout.worker';

/**
 * Owns the positions of one graph and moves them toward the force layout's answer.
 * Small graphs tick on the main thread inside the animation frame, a few milliseconds at a
 * time; larger ones (where one tick can exceed a frame) tick in a worker. Either way the
 * renderer only sees `pos` change and `version` increase.
 */
export interface LayoutRunner {
  readonly pos: Positions;
  /** Increases whenever `pos` changes. */
  readonly version: number;
  readonly running: boolean;
  /** Advances an in-thread layout for at most `budgetMs`; true while it keeps moving. */
  step(budgetMs: number): boolean;
  destroy(): void;
}

/** Above this many nodes a tick costs more than ~2 ms: hand the layout to a worker. */
export const IN_THREAD_MAX_NODES = 400;

export function createLayoutRunner(graph: GraphSpec, onChange: () => void, seed = 0x9e3779b9): LayoutRunner {
  const pos = initialLayout(graph.topology, graph.nodes, graph.offsets, graph.neighbors, graph.idsByAngle);
  let version = 1;
  let running = false;
  let layout: ForceLayout | null = null;
  let worker: Worker | null = null;

  if (needsForceLayout(graph.topology, graph.offsets)) {
    const input = { n: graph.nodes, offsets: graph.offsets!, neighbors: graph.neighbors!, x: pos.x.slice(), y: pos.y.slice(), seed };
    running = true;
    if (graph.nodes > IN_THREAD_MAX_NODES && typeof Worker !== 'undefined') {
      try {
        worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
        worker.onmessage = (e: MessageEvent<LayoutUpdate>) => {
          pos.x.set(e.data.x);
          pos.y.set(e.data.y);
          version++;
          if (e.data.done) {
            running = false;
            worker?.terminate();
            worker = null;
          }
          onChange();
        };
        worker.onerror = () => {
          // The drawing stays usable with the starting layout; nothing else to do.
          running = false;
          worker?.terminate();
          worker = null;
          onChange();
        };
        worker.postMessage(input);
      } catch {
        worker = null;
      }
    }
    // Without a worker, only graphs whose ticks fit a frame get a force layout; the tab never freezes.
    if (!worker && graph.nodes <= IN_THREAD_MAX_NODES * 2) layout = createForceLayout(input);
    else if (!worker) running = false;
  }

  return {
    pos,
    get version() {
      return version;
    },
    get running() {
      return running;
    },
    step(budgetMs) {
      if (!layout || layout.done) return false;
      const until = performance.now() + budgetMs;
      do layout.tick(1);
      while (!layout.done && performance.now() < until);
      layout.read(pos);
      version++;
      running = !layout.done;
      return running;
    },
    destroy() {
      worker?.terminate();
      worker = null;
      layout = null;
      running = false;
    },
  };
}
