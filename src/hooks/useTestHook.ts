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

/** Set by a test before the page's scripts run (Playwright's addInitScript): the one way to get the hook. */
const ASK = '__gossipLabWantsTestHook';

/** Whether this page was opened by a test that asked for the hook. */
export function testHookWanted(w: object = window): boolean {
  return (w as Record<string, unknown>)[ASK] === true;
}

/**
 * Puts a read-only hook on `window.__gossipLab`, so end-to-end tests can compare two pages'
 * states round for round (a share link opened elsewhere, a seek against a straight run)
 * without reading pixels. It reads the mode shown: `store` and `hash` are that mode's.
 *
 * Only when asked (`testHookWanted`): the tests run the production build, so the build has the
 * code, but a page opened normally gets no global — nothing for another script on the page to
 * find or lean on (docs/architecture.md, "The test hook").
 */
export function useTestHook(store: StoreApi<RunCoreSlice>, hash: () => string | null): void {
  useEffect(() => {
    if (!testHookWanted()) return;
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
