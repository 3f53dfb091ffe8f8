import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { MembershipConfig, MembershipRoundMetrics, MembershipSummary, ResolvedMembershipConfig } from '../engine/membership';
import { DEFAULT_MEMBERSHIP_FORM, type MembershipForm } from '../run/membership-form';
import type { MembershipPoint } from '../run/membership-summary';
import type { ComparisonSeries } from '../worker/protocol';
import { createRunCore, type RunCoreSlice } from './run-core-slice';

/**
 * The membership mode's state: the core every run has (run-core-slice.ts: pacing, rounds,
 * time travel, timeline, notices) and what membership adds — its form, the cluster's summary,
 * the per-round history, the comparison. Per-node typed arrays never come here: they live in
 * the mode's FrameSource, which the renderer, the matrix and the inspector read without a
 * React render per round.
 */

export interface LoadedPreset {
  id: string;
  title: string;
  caption: readonly [string, string];
  /** Playing pauses once after this round. */
  pauseAt: number | null;
}

export interface Comparison {
  presetId: string;
  /** null while it runs. */
  series: ComparisonSeries[] | null;
  /** The round of the heal, drawn as a marker. */
  marker: number | null;
}

export interface MembershipState extends RunCoreSlice {
  form: MembershipForm;
  /** The configuration of the current run (what the form was when it was built). */
  applied: MembershipConfig | null;
  resolved: ResolvedMembershipConfig | null;
  stateBytes: number;
  nodes: number;
  live: number;
  view: 'graph' | 'matrix';
  preset: LoadedPreset | null;
  /** The shown round's metrics (null at round 0). */
  last: MembershipRoundMetrics | null;
  summary: MembershipSummary | null;
  /** history[r − 1]: round r's point (every round run; an earlier round is shown by marking it). */
  history: MembershipPoint[];
  comparison: Comparison | null;
}

export type MembershipStore = StoreApi<MembershipState>;

export function createMembershipStore(): MembershipStore {
  return createStore<MembershipState>()((set) => ({
    ...createRunCore(set),
    building: false,
    form: { ...DEFAULT_MEMBERSHIP_FORM },
    applied: null,
    resolved: null,
    stateBytes: 0,
    nodes: 0,
    live: 0,
    view: 'graph',
    preset: null,
    last: null,
    summary: null,
    history: [],
    comparison: null,
  }));
}

/** The page's one membership store. */
export const membershipStore = createMembershipStore();

export function useMembership<T>(selector: (s: MembershipState) => T): T {
  return useStore(membershipStore, selector);
}

// Module-level selectors, so components re-render only when their slice changes.
export const selectForm = (s: MembershipState) => s.form;
export const selectBuilding = (s: MembershipState) => s.building;
export const selectSelected = (s: MembershipState) => s.selected;
export const selectView = (s: MembershipState) => s.view;
export const selectPreset = (s: MembershipState) => s.preset;
export const selectApplied = (s: MembershipState) => s.applied;
export const selectHistory = (s: MembershipState) => s.history;
export const selectComparison = (s: MembershipState) => s.comparison;
export const selectPartitioned = (s: MembershipState) => s.partitioned;
export const selectResolved = (s: MembershipState) => s.resolved;
export const selectNodes = (s: MembershipState) => s.nodes;
