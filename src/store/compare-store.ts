import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KeptRunLink } from '../share/run-link';
import type { CurvePoint } from '../worker/curve-client';

/** A run kept for comparison: what rebuilds it, and its curve once recomputed (null meanwhile). */
export interface KeptRun {
  /** Unique in the page, for React keys and Remove; not part of a link. */
  id: number;
  spec: KeptRunLink;
  curve: CurvePoint[] | null;
  /** Why its curve could not be recomputed, or null. */
  error: string | null;
}

/** Compare's state: the kept runs, oldest first (at most MAX_KEPT). */
export interface CompareState {
  kept: KeptRun[];
}

export type CompareStore = StoreApi<CompareState>;

export const createCompareStore = (): CompareStore => createStore<CompareState>()(() => ({ kept: [] }));

/** The page's one Compare store. */
export const compareStore = createCompareStore();

export function useCompare<T>(selector: (s: CompareState) => T): T {
  return useStore(compareStore, selector);
}

export const selectKept = (s: CompareState) => s.kept;
