import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TracePath } from '../engine/spread-trace';
import type { MessageBatch } from '../engine/types';

/**
 * The "who told whom" views' state, one store per mode: the spread tree toggle and its depth
 * histogram, the selected node's path, the space-time diagram's rounds of messages and the
 * message the pointer rests on, and a hand-played round in progress. Written by the session's
 * TraceController only; the per-round node arrays stay in the FrameSource.
 */
export interface TraceState {
  /** The spread tree is drawn over the graph. */
  tree: boolean;
  /** The space-time diagram is on screen (its drawer tab is open): frames carry its messages. */
  spaceTime: boolean;
  nodes: number;
  /** The round shown and the newest round run. */
  round: number;
  last: number;
  /** `log[r]`: round r's messages (small clusters, while the diagram is shown); holes where unknown. */
  log: readonly (MessageBatch | undefined)[];
  /** The selected node and the path of the shown key's version to it (null: no node, or no trace). */
  selected: number | null;
  path: TracePath | null;
  /** Nodes at each depth of the spread tree (index = depth), while the tree is shown. */
  histogram: number[] | null;
  /** The message hovered or focused in the diagram: its round and index in that round's batch. */
  hovered: { round: number; index: number } | null;
  hand: HandPlayView | null;
}

/** A hand-played stretch of rounds, as the panel shows it. */
export interface HandPlayView {
  /** Rounds 1…`rounds` are played by hand; after that the engine takes over. */
  rounds: number;
  /** The node choosing its peers now (null: everyone has chosen, or nothing to choose this round). */
  sender: number | null;
  /** Senders of this round still to choose after `sender`. */
  waiting: number;
  /** Peers each sender must pick (the fanout, or fewer on a sparse graph). */
  perSender: number;
  /** Picks so far this round: [sender, peer] pairs. */
  picks: [number, number][];
  /** Why hand play cannot run now, or null. */
  blocked: string | null;
}

export const INITIAL_TRACE: TraceState = {
  tree: false, spaceTime: false, nodes: 0, round: 0, last: 0, log: [], selected: null, path: null, histogram: null, hovered: null, hand: null,
};

export function createTraceStore(): StoreApi<TraceState> {
  return createStore<TraceState>()(() => ({ ...INITIAL_TRACE }));
}

/** The dissemination mode's trace state (membership has its own: it draws the diagram only). */
export const spreadTraceStore = createTraceStore();
export const membershipTraceStore = createTraceStore();

export function useTrace<T>(store: StoreApi<TraceState>, selector: (s: TraceState) => T): T {
  return useStore(store, selector);
}
