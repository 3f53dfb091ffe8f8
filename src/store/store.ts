import { createStore, type StoreApi } from 'zustand/vanilla';
import { useStore } from 'zustand';
import { createConfigSlice, type ConfigSlice } from './config-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createViewSlice, type ViewSlice } from './view-slice';

/**
 * The page's state, sliced by concern: `config` (the form), `run` (status, round, metrics
 * history, selection, notices) and `view` (theme, canvas mode). Per-round typed arrays are not
 * here: they live in the FrameSource (frame-source.ts) that the renderer pulls from.
 */
export type GossipState = ConfigSlice & RunSlice & ViewSlice;
export type GossipStore = StoreApi<GossipState>;

export function createGossipStore(): GossipStore {
  return createStore<GossipState>()((set) => ({
    ...createConfigSlice(set),
    ...createRunSlice(set),
    ...createViewSlice(set),
  }));
}

/** The page's one store. */
export const gossipStore = createGossipStore();

/** Reads the page's store with a module-level selector (see selectors.ts). */
export function useGossip<T>(selector: (s: GossipState) => T): T {
  return useStore(gossipStore, selector);
}
