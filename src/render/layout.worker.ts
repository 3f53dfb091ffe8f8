/// <reference lib="webworker" />
import { createForceLayout, type ForceLayoutInput } from './force-layout';
import { emptyPositions } from './initial-layout';

/**
 * Runs a large force layout off the main thread: one Barnes–Hut tick at 10,000 nodes takes
 * longer than a whole animation frame. Positions go back as transferred copies about every
 * 30 ms, so the page animates the layout settling without ever waiting for it.
 */
export type LayoutRequest = ForceLayoutInput;
export interface LayoutUpdate {
  x: Float32Array;
  y: Float32Array;
  done: boolean;
}

const POST_EVERY_MS = 30;

self.onmessage = (e: MessageEvent<LayoutRequest>) => {
  const layout = createForceLayout(e.data);
  const n = e.data.n;
  const step = () => {
    const until = performance.now() + POST_EVERY_MS;
    while (!layout.done && performance.now() < until) layout.tick(1);
    const out = emptyPositions(n);
    layout.read(out);
    const msg: LayoutUpdate = { x: out.x, y: out.y, done: layout.done };
    (self as unknown as DedicatedWorkerGlobalScope).postMessage(msg, [out.x.buffer, out.y.buffer]);
    // A macrotask between batches keeps the worker responsive to terminate().
    if (!layout.done) setTimeout(step, 0);
  };
  step();
};
