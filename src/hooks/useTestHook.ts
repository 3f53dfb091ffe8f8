import { useEffect } from 'react';
import { stateHash } from '../run/state-hash';
import type { GossipStore } from '../store/store';
import type { FrameSource } from '../view/frame-source';

/** What browser tests may read of the page (never change): a fingerprint of the state shown. */
export interface GossipLabTestHook {
  /** "round:hash" of every node's versions, liveness and group in the frame shown, or null before the first. */
  stateHash(): string | null;
  round(): number;
  lastRound(): number;
}

/**
 * Puts a read-only hook on `window.__gossipLab`, so end-to-end tests can compare two pages'
 * states round for round (a share link opened elsewhere, a seek against a straight run)
 * without reading pixels.
 */
export function useTestHook(store: GossipStore, frames: FrameSource): void {
  useEffect(() => {
    const hook: GossipLabTestHook = Object.freeze({
      stateHash: () => {
        const f = frames.frame();
        return f ? stateHash(f) : null;
      },
      round: () => store.getState().round,
      lastRound: () => store.getState().lastRound,
    });
    const w = window as unknown as { __gossipLab?: GossipLabTestHook };
    w.__gossipLab = hook;
    return () => {
      if (w.__gossipLab === hook) delete w.__gossipLab;
    };
  }, [store, frames]);
}
