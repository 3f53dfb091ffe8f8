import { useEffect } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { RunCoreSlice } from '../store/run-core-slice';

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
 * without reading pixels. It reads the mode shown: `store` and `hash` are that mode's.
 */
export function useTestHook(store: StoreApi<RunCoreSlice>, hash: () => string | null): void {
  useEffect(() => {
    const hook: GossipLabTestHook = Object.freeze({
      stateHash: hash,
      round: () => store.getState().round,
      lastRound: () => store.getState().lastRound,
    });
    const w = window as unknown as { __gossipLab?: GossipLabTestHook };
    w.__gossipLab = hook;
    return () => {
      if (w.__gossipLab === hook) delete w.__gossipLab;
    };
  }, [store, hash]);
}
