import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { OUTCOME_DELIVERED } from '../engine/types';
import type { TraceState } from '../store/trace-store';
import type { FrameSource } from '../view/frame-source';
import type { TraceHighlight } from '../view/trace-highlight';

/** What browser tests may read of the trace views (never change). */
export interface GossipTraceTestHook {
  /** Every message of the space-time log: round it arrived in, sender, receiver, delivered, changed the receiver. */
  messages(): { round: number; from: number; to: number; delivered: boolean; useful: boolean }[];
  /** The selected node's path from the writer, oldest hop first (null: none). */
  path(): { origin: number | null; hops: { from: number; to: number; round: number }[] } | null;
  hand(): TraceState['hand'];
  /** What the graph draws over its nodes now: the path and tree as [from, to] pairs, the hovered message. */
  highlight(): { path: number[][]; tree: number[][]; message: TraceHighlight['message'] } | null;
}

const pairs = (a: Int32Array | null): number[][] => {
  const out: number[][] = [];
  if (a) for (let i = 0; i + 1 < a.length; i += 2) out.push([a[i], a[i + 1]]);
  return out;
};

/** Puts a read-only hook on `window.__gossipTrace` for end-to-end tests (the message log against a path's hops). */
export function useTraceTestHook(store: StoreApi<TraceState>, frames: FrameSource): void {
  useEffect(() => {
    const hook: GossipTraceTestHook = Object.freeze({
      messages() {
        const out: ReturnType<GossipTraceTestHook['messages']> = [];
        store.getState().log.forEach((b) => {
          if (!b) return;
          for (let i = 0; i < b.count; i++) out.push({ round: b.deliverRound[i], from: b.from[i], to: b.to[i], delivered: b.outcome[i] === OUTCOME_DELIVERED, useful: b.useful[i] === 1 });
        });
        return out;
      },
      path() {
        const p = store.getState().path;
        return p ? { origin: p.origin, hops: p.hops.map((h) => ({ ...h })) } : null;
      },
      hand: () => structuredClone(store.getState().hand),
      highlight() {
        const h = frames.highlight?.() ?? null;
        return h ? { path: pairs(h.path), tree: pairs(h.tree), message: h.message ? { ...h.message } : null } : null;
      },
    });
    const w = window as unknown as { __gossipTrace?: GossipTraceTestHook };
    w.__gossipTrace = hook;
    return () => {
      if (w.__gossipTrace === hook) delete w.__gossipTrace;
    };
  }, [store, frames]);
}
